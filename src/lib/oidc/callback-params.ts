import { oidcError } from './errors'
import { describeIssuerDifference } from './issuer'
import type { OidcError } from './types'
import { parseAbsoluteUrl } from './url'

/** The authorization response as the redirect delivered it. */
export interface CallbackParams {
  code?: string
  state?: string
  session_state?: string
  iss?: string
  error?: string
  error_description?: string
  error_uri?: string
  /** Some providers (oidc-provider) name the offending scope on `invalid_scope`. */
  scope?: string
  /** Every parameter in order, duplicates included, values decoded. */
  all: [name: string, value: string][]
  /** Where the parameters were read from: `?query` or `#fragment` (`response_mode=fragment`). */
  source: 'query' | 'fragment'
  /** Names that appeared more than once (RFC 6749 §3.1: parameters must not repeat); the first value is used. */
  duplicates: string[]
  /** Names whose value had a broken %-escape and was kept undecoded. */
  malformed: string[]
}

const RESPONSE_PARAMS = [
  'code',
  'state',
  'error',
  'iss',
  'session_state',
  'id_token',
  'access_token',
]
const NAMED = [
  'code',
  'state',
  'session_state',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'scope',
] as const

function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

function splitPairs(raw: string): { all: [string, string][]; malformed: string[] } {
  const all: [string, string][] = []
  const malformed: string[] = []
  for (const part of raw.split('&')) {
    if (!part) continue
    const eq = part.indexOf('=')
    const rawName = eq < 0 ? part : part.slice(0, eq)
    const rawValue = eq < 0 ? '' : part.slice(eq + 1)
    const name = decodeComponent(rawName) ?? rawName
    const value = decodeComponent(rawValue)
    if (value === undefined) malformed.push(name)
    all.push([name, value ?? rawValue])
  }
  return { all, malformed }
}

const hasResponseParam = (raw: string): boolean =>
  splitPairs(raw).all.some(([name]) => RESPONSE_PARAMS.includes(name))

/**
 * Reads the authorization response from a full callback URL, a `?search` string, a bare `a=b&c=d`
 * string or a `#fragment` (`response_mode=fragment`). From a full URL it uses the query unless only
 * the fragment carries response parameters. `+` decodes as a space, repeated parameters are listed
 * in `duplicates` (the first value is used), and broken %-escapes are kept raw and listed in
 * `malformed`. It never throws and does not validate anything; see {@link validateCallback}.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes
 */
export function parseCallbackParams(input: string): CallbackParams {
  const text = input.trim()
  let raw = ''
  let source: CallbackParams['source'] = 'query'
  const url = /^[a-z][a-z0-9+.-]*:/i.test(text) ? parseAbsoluteUrl(text) : undefined
  if (url) {
    const query = url.search.slice(1)
    const fragment = url.hash.slice(1)
    if (!hasResponseParam(query) && hasResponseParam(fragment)) {
      raw = fragment
      source = 'fragment'
    } else {
      raw = query
    }
  } else if (text.startsWith('#')) {
    raw = text.slice(1)
    source = 'fragment'
  } else {
    raw = text.startsWith('?') ? text.slice(1) : text
    const hash = raw.indexOf('#')
    if (hash >= 0) raw = raw.slice(0, hash)
  }

  const { all, malformed } = splitPairs(raw)
  const seen = new Set<string>()
  const duplicates = new Set<string>()
  const params: CallbackParams = { all, source, duplicates: [], malformed }
  for (const [name, value] of all) {
    if (seen.has(name)) {
      duplicates.add(name)
      continue
    }
    seen.add(name)
    if ((NAMED as readonly string[]).includes(name)) params[name as (typeof NAMED)[number]] = value
  }
  params.duplicates = [...duplicates]
  return params
}

/** Outcome of one callback check, with the ids of the UI contract (`data-check`). */
export interface CallbackCheck {
  id: 'state' | 'iss' | 'code'
  status: 'pass' | 'fail' | 'warn' | 'skip'
  message: string
}

/** What the lab knows when the redirect comes back. */
export interface CallbackValidationInput {
  params: CallbackParams
  /** The state this tab sent; `undefined` when the lab has no record of a request. */
  expectedState: string | undefined
  /** The issuer discovery was done against. */
  expectedIssuer: string | undefined
  /** Discovery's `authorization_response_iss_parameter_supported`. */
  issParameterSupported?: boolean
}

/** The checks, whether the code may be exchanged, and why not. */
export interface CallbackValidation {
  checks: CallbackCheck[]
  /** True only when a code arrived, no error, state matched and `iss` did not fail. */
  proceed: boolean
  /** One error per reason the exchange must not happen (`state_mismatch`, `iss_mismatch`, …). */
  blockers: OidcError[]
}

const STATE_HELP =
  'The state protects against cross-site request forgery: an answer whose state this tab did not send must be refused.'

function checkState(
  params: CallbackParams,
  expected: string | undefined,
): { check: CallbackCheck; blocker?: OidcError } {
  const fail = (message: string, detail: OidcError['detail']) => ({
    check: { id: 'state' as const, status: 'fail' as const, message },
    blocker: oidcError('state_mismatch', message, { detail, hint: STATE_HELP }),
  })
  if (expected === undefined) {
    return fail(
      'The lab has no record of a request from this tab, so it cannot tell whether it asked for this answer (session storage is per tab: was the flow started in another tab or browser, or the storage cleared?).',
      'not_expected',
    )
  }
  if (params.duplicates.includes('state')) {
    return fail(
      '“state” appears more than once; a response must not repeat parameters.',
      'duplicated',
    )
  }
  if (params.state === undefined) {
    return fail(
      'The response carries no “state”, but the lab sent one; the provider must echo it unchanged.',
      'missing',
    )
  }
  if (params.state !== expected) {
    return fail(
      `The returned state “${params.state}” differs from the one this tab sent (“${expected}”): this answer belongs to another request (an older tab, a replayed link, or an attack).`,
      'different',
    )
  }
  return {
    check: {
      id: 'state',
      status: 'pass',
      message: 'The returned state equals the one this tab sent.',
    },
  }
}

function checkIss(
  params: CallbackParams,
  expected: string | undefined,
  supported: boolean | undefined,
): { check: CallbackCheck; blocker?: OidcError } {
  const iss = params.iss
  if (params.duplicates.includes('iss')) {
    const message = '“iss” appears more than once; a response must not repeat parameters.'
    return {
      check: { id: 'iss', status: 'fail', message },
      blocker: oidcError('iss_mismatch', message, { detail: 'duplicated' }),
    }
  }
  if (iss === undefined) {
    if (supported === true) {
      const message =
        'The provider advertises authorization_response_iss_parameter_supported but sent no “iss”; RFC 9207 says to refuse such a response (possible mix-up).'
      return {
        check: { id: 'iss', status: 'fail', message },
        blocker: oidcError('iss_missing', message, { detail: 'missing' }),
      }
    }
    return {
      check: {
        id: 'iss',
        status: 'skip',
        message:
          'No “iss” in the response and the provider does not advertise RFC 9207 support: nothing to compare.',
      },
    }
  }
  if (expected === undefined) {
    return {
      check: {
        id: 'iss',
        status: 'warn',
        message: `The response says iss “${iss}”, but the lab has no issuer to compare it with.`,
      },
    }
  }
  const difference = describeIssuerDifference(expected, iss)
  if (difference) {
    const message = `The response comes from issuer “${iss}”, not “${expected}”. ${difference.message} RFC 9207 says to refuse it (mix-up defence).`
    return {
      check: { id: 'iss', status: 'fail', message },
      blocker: oidcError('iss_mismatch', message, { detail: difference.detail, suggestion: iss }),
    }
  }
  return {
    check: {
      id: 'iss',
      status: 'pass',
      message: 'The response’s iss equals the issuer the lab talked to.',
    },
  }
}

function checkCode(params: CallbackParams): { check: CallbackCheck; blocker?: OidcError } {
  if (params.error !== undefined) {
    const message = `No code: the provider answered with error “${params.error}”${params.error_description ? ` (“${params.error_description}”)` : ''}.`
    return {
      check: { id: 'code', status: 'fail', message },
      blocker: oidcError('authorization_error', message, {
        provider: {
          error: params.error,
          ...(params.error_description !== undefined
            ? { error_description: params.error_description }
            : {}),
          ...(params.error_uri !== undefined ? { error_uri: params.error_uri } : {}),
        },
      }),
    }
  }
  if (params.code === undefined || params.code === '') {
    const message =
      'Neither a code nor an error arrived. Was this page reloaded or opened directly, or did the provider answer with another response_mode?'
    return {
      check: { id: 'code', status: 'fail', message },
      blocker: oidcError('missing_code', message, { detail: 'missing' }),
    }
  }
  if (params.duplicates.includes('code')) {
    const message = '“code” appears more than once; a response must not repeat parameters.'
    return {
      check: { id: 'code', status: 'fail', message },
      blocker: oidcError('missing_code', message, { detail: 'duplicated' }),
    }
  }
  return {
    check: {
      id: 'code',
      status: 'pass',
      message: 'An authorization code arrived; it is single-use and short-lived.',
    },
  }
}

/**
 * Checks the callback before any token request: `state` must equal the one sent (missing, repeated
 * or different → `state_mismatch`, refuse), `iss` must equal the issuer when present (RFC 9207 →
 * `iss_mismatch`, refuse) and must be present when discovery advertises it (`iss_missing`, refuse),
 * and a `code` without `error` must be there. It does not check the code itself (only the token
 * endpoint can) or anything about tokens.
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export function validateCallback({
  params,
  expectedState,
  expectedIssuer,
  issParameterSupported,
}: CallbackValidationInput): CallbackValidation {
  const results = [
    checkState(params, expectedState),
    checkIss(params, expectedIssuer, issParameterSupported),
    checkCode(params),
  ]
  const blockers = results.flatMap((r) => (r.blocker ? [r.blocker] : []))
  return { checks: results.map((r) => r.check), proceed: blockers.length === 0, blockers }
}
