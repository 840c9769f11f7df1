import type { HttpExchange } from '@/lib/wire/http-types'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { redactExchange, redactUrl } from '@/lib/http/redact'
import { endpointsOf, layoutSequence } from '@/lib/sequence/sequence-layout'
import { describeSequence, renderSequenceSvg } from '@/lib/sequence/sequence-svg'
import type { ReportInput } from './report-input'

export interface ReportOptions {
  /** Include raw tokens, codes and signatures (off by default: the report is meant to be shared). */
  includeTokens: boolean
}

export interface ReportToken {
  name: string
  kind: string
  header?: Record<string, unknown>
  payload?: Record<string, unknown>
  /** The raw token, only with `includeTokens`. */
  raw?: string
}

/** The report's content, redacted, ready to be written as Markdown or HTML. */
export interface PreparedReport {
  input: ReportInput
  exchanges: HttpExchange[]
  svg: string
  sequenceText: string
  tokens: ReportToken[]
  includeTokens: boolean
}

const TOKEN_NAMES = [
  ['idToken', 'ID token'],
  ['accessToken', 'Access token'],
  ['refreshToken', 'Refresh token'],
] as const

function decodeForReport(name: string, raw: string, includeTokens: boolean): ReportToken {
  const decoded = decodeJwt(raw)
  // kept by the history or an export as `header.payload.`: readable, not malformed
  const unsigned =
    decoded.problems.length > 0 && decoded.problems.every((p) => p.code === 'missing_signature')
  const token: ReportToken = { name, kind: unsigned ? 'jws, signature not kept' : decoded.kind }
  if (decoded.header) token.header = decoded.header
  if (decoded.payload) token.payload = decoded.payload
  if (includeTokens) token.raw = raw
  return token
}

/**
 * Redacts a run for a report: client secrets always (form fields, Basic credentials, JSON
 * fields, the secret's own value anywhere), and unless `includeTokens` also tokens, codes,
 * verifiers and signatures (exchanges, redirect URLs, raw tokens); decoded claims stay.
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
export function prepareReport(input: ReportInput, options: ReportOptions): PreparedReport {
  const redact = { tokens: !options.includeTokens }
  const exchanges = input.exchanges.map((x) => redactExchange(x, redact))
  const redirects = input.redirects.map((r) => ({ ...r, url: redactUrl(r.url, redact) }))
  const layout = layoutSequence({
    exchanges,
    redirects,
    endpoints: endpointsOf(input.discovery, input.setup.issuer),
  })
  const tokens: ReportToken[] = []
  for (const [key, name] of TOKEN_NAMES) {
    const raw = input.tokens[key]
    if (raw) tokens.push(decodeForReport(name, raw, options.includeTokens))
  }
  return {
    input: { ...input, redirects },
    exchanges,
    svg: renderSequenceSvg(layout),
    sequenceText: describeSequence(layout),
    tokens,
    includeTokens: options.includeTokens,
  }
}
