import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { DIAGNOSIS_TEXT, type DiagnosisCode } from '../diagnosis-text'
import { bodyPreview, htmlTitle, readBody } from '../errors'
import type { SpecLink } from '../spec-links'
import type { ClientAuthMethod, ProviderError } from '../types'

/**
 * Something the UI can offer as a one-click follow-up to a diagnosis, discriminated by `kind`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export type DiagnosisAction =
  | { kind: 'rerun_with_scope'; scope: string }
  | { kind: 'rerun_without_scope'; scope: string }
  | { kind: 'use_legacy_path'; issuer: string }
  | { kind: 'remove_legacy_path'; issuer: string }
  /** `otherHost`: the stated issuer is on another host than the one typed (adopt only after a confirm). */
  | { kind: 'use_issuer'; issuer: string; otherHost?: { typed: string; stated: string } }
  | { kind: 'restart_flow' }
  | { kind: 'enable_pkce' }
  | { kind: 'send_nonce' }
  | { kind: 'remove_prompt_none' }
  | { kind: 'switch_client_auth'; method: ClientAuthMethod }

/**
 * A failed (or surprising) step explained: what happened, why (with observed facts in `known` and
 * inferences in `guessed`, kept apart), how to fix it, and where the spec says so.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export interface Diagnosis {
  code: DiagnosisCode
  severity: 'error' | 'warning' | 'info'
  title: string
  explanation: string
  cause: string
  fix: string
  /** Facts the lab observed (status, headers, what the provider said, what the lab sent). */
  known: string[]
  /** Inferences, each phrased as such. */
  guessed: string[]
  specLinks: SpecLink[]
  action?: DiagnosisAction
  /** Sub-detail, e.g. the `OidcError` code behind `discovery_failed`. */
  detail?: string
  /** The provider's own error, verbatim. */
  providerError?: ProviderError
}

/** The parts of a diagnosis a step module overrides; the rest comes from `DIAGNOSIS_TEXT`. */
export type DiagnosisParts = Partial<Omit<Diagnosis, 'code'>>

/**
 * Builds a {@link Diagnosis} from the code's default wording in `DIAGNOSIS_TEXT`, replaced part by
 * part by `parts`; spec links are the code's plus the extra ones, without duplicates. Severity
 * defaults to the code's own (info for polling answers), else `error`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function diagnosis(code: DiagnosisCode, parts: DiagnosisParts = {}): Diagnosis {
  const text = DIAGNOSIS_TEXT[code]
  const links = [...text.specLinks, ...(parts.specLinks ?? [])]
  const result: Diagnosis = {
    code,
    severity: parts.severity ?? text.severity ?? 'error',
    title: parts.title ?? text.title,
    explanation: parts.explanation ?? text.explanation,
    cause: parts.cause ?? text.cause,
    fix: parts.fix ?? text.fix,
    known: parts.known ?? [],
    guessed: parts.guessed ?? [],
    specLinks: links.filter((l, i) => links.findIndex((m) => m.href === l.href) === i),
  }
  if (parts.action) result.action = parts.action
  if (parts.detail) result.detail = parts.detail
  if (parts.providerError) result.providerError = parts.providerError
  return result
}

/** Wraps a value in backticks for the UI's inline code. */
export const tick = (value: string): string => `\`${value}\``

/** Scope tokens as one inline-code string, or `empty`. */
export const scopeText = (scopes: readonly string[]): string =>
  scopes.length ? tick(scopes.join(' ')) : 'empty'

/** "The provider answered error=… with the description “…”." */
export function providerSaid(p: ProviderError): string {
  return `The provider answered error=${tick(p.error)}${p.error_description ? ` with the description “${p.error_description}”` : ''}${p.error_uri ? ` (more at ${p.error_uri})` : ''}.`
}

/** "<what> answered HTTP 403 Forbidden." */
export function statusFact(response: HttpResponseRecord, what: string): string {
  return `${what} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`
}

/** The `WWW-Authenticate` header as observed, or why none could be read. */
export function wwwAuthenticateFact(response: HttpResponseRecord): string {
  const header = response.headers['www-authenticate']
  return header
    ? `WWW-Authenticate: ${header}`
    : 'No readable WWW-Authenticate header: either none was sent, or the browser hid it because the provider did not list it in Access-Control-Expose-Headers.'
}

/** One sentence about a body that is not JSON (empty, HTML, text); `undefined` for JSON. */
export function bodyFact(response: HttpResponseRecord): string | undefined {
  if (!response.body.trim()) return 'The response body was empty.'
  const shape = readBody(response.body)
  if (shape.kind === 'html') {
    const title = htmlTitle(response.body)
    return `The body is an HTML page${title ? ` titled “${title}”` : ''}, not JSON.`
  }
  if (shape.kind === 'text' && shape.brokenJson?.truncated)
    return `The body is JSON cut off before its end (${shape.brokenJson.reason}): “${bodyPreview(response.body, 120)}”.`
  if (shape.kind === 'text' && shape.brokenJson)
    return `The body is malformed JSON (${shape.brokenJson.reason}): “${bodyPreview(response.body, 120)}”.`
  if (shape.kind === 'text') return `The body is plain text: “${bodyPreview(response.body, 120)}”.`
  if (shape.kind === 'json' && shape.value === null) return 'The body is the JSON literal null.'
  return undefined
}

/** `95 s` below two minutes, else `3 min`. */
export const secondsAgo = (s: number): string =>
  s < 120 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`
