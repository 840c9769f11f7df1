import {
  bodyShapeDetail,
  describeNonJsonBody,
  isJsonObject,
  isSuccessStatus,
  oidcError,
  providerErrorFromJson,
  readBody,
  type BodyShape,
} from './errors'
import {
  DEVICE_TOKEN_ERROR_MEANINGS,
  isDeviceTokenErrorCode,
  isTokenErrorCode,
  TOKEN_ERROR_MEANINGS,
} from './error-meanings'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { err, ok, type Result } from '@/lib/result'
import type { OidcError, OidcErrorCode, ProviderError, TokenEndpointResponse } from './types'
import { findChallenge, parseWwwAuthenticate } from './www-authenticate'

const SERVER_CODES = {
  server_error: 'The provider hit an unexpected error while handling the token request.',
  temporarily_unavailable: 'The provider is overloaded or down for maintenance.',
} as const

const CLOSEST_BY_NAME: readonly [RegExp, OidcErrorCode][] = [
  [/forbidden|denied|not_?allowed|not_?permitted|unauthori[sz]ed_?client/i, 'unauthorized_client'],
  [/grant_?type/i, 'unsupported_grant_type'],
  [/client|credential|secret|authenticat/i, 'invalid_client'],
  [/code|grant|expired|verifier|pkce|refresh|redirect|session/i, 'invalid_grant'],
  [/scope/i, 'invalid_scope'],
  [/unavailable|maintenance|overload|rate|too_?many|throttl/i, 'temporarily_unavailable'],
  [/server|internal|unknown|unexpected/i, 'server_error'],
  [/unauthori[sz]ed/i, 'invalid_client'],
  [/invalid|missing|malformed|bad_?request|required/i, 'invalid_request'],
]

/**
 * The standard RFC 6749 §5.2 code whose meaning is closest to a non-standard answer, from the
 * provider's own code (e.g. `access_forbidden` → `unauthorized_client`) or else the HTTP status
 * (401 → `invalid_client`, 403 → `unauthorized_client`, 503/429 → `temporarily_unavailable`, 5xx →
 * `server_error`, 400 → `invalid_request`). It is a heuristic, labelled as such by the diagnosis.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function closestTokenError(
  providerCode: string | undefined,
  status: number,
): OidcErrorCode | undefined {
  if (providerCode) {
    for (const [pattern, code] of CLOSEST_BY_NAME) if (pattern.test(providerCode)) return code
  }
  if (status === 401) return 'invalid_client'
  if (status === 403) return 'unauthorized_client'
  if (status === 503 || status === 429) return 'temporarily_unavailable'
  if (status >= 500) return 'server_error'
  if (status === 400) return 'invalid_request'
  return undefined
}

const quoteProvider = (p: ProviderError): string =>
  p.error_description ? ` The provider said: “${p.error_description}”.` : ''

const CLIENT_AUTH_FAILURE =
  /invalid client|client credentials|client secret|secret not provided|client authentication/i

function fromProviderError(
  provider: ProviderError,
  response: HttpResponseRecord,
  base: Partial<OidcError>,
): OidcError {
  const { status } = response
  const deviations: string[] = []
  if (isSuccessStatus(status)) {
    deviations.push(
      `The error came with HTTP ${status}; RFC 6749 §5.2 requires 400 (401 for invalid_client).`,
    )
  }
  // Keycloak answers a failed client authentication with `unauthorized_client` and 401.
  if (
    provider.error === 'unauthorized_client' &&
    status === 401 &&
    CLIENT_AUTH_FAILURE.test(provider.error_description ?? '')
  ) {
    deviations.push(
      'The provider said “unauthorized_client” for a failed client authentication; RFC 6749 §5.2 calls that “invalid_client” (Keycloak does this).',
    )
    return oidcError(
      'invalid_client',
      `invalid_client: ${TOKEN_ERROR_MEANINGS.invalid_client}${quoteProvider(provider)}`,
      { ...base, provider, deviations },
    )
  }
  if (isTokenErrorCode(provider.error)) {
    const expected = provider.error === 'invalid_client' ? [400, 401] : [400]
    if (!isSuccessStatus(status) && !expected.includes(status)) {
      deviations.push(
        `HTTP ${status} instead of ${expected.join(' or ')} for “${provider.error}” (RFC 6749 §5.2).`,
      )
    }
    return oidcError(
      provider.error,
      `${provider.error}: ${TOKEN_ERROR_MEANINGS[provider.error]}${quoteProvider(provider)}`,
      {
        ...base,
        provider,
        ...(deviations.length ? { deviations } : {}),
      },
    )
  }
  if (isDeviceTokenErrorCode(provider.error)) {
    if (!isSuccessStatus(status) && status !== 400) {
      deviations.push(`HTTP ${status} instead of 400 for “${provider.error}” (RFC 8628 §3.5).`)
    }
    return oidcError(
      provider.error,
      `${provider.error}: ${DEVICE_TOKEN_ERROR_MEANINGS[provider.error]}${quoteProvider(provider)}`,
      { ...base, provider, ...(deviations.length ? { deviations } : {}) },
    )
  }
  if (provider.error === 'server_error' || provider.error === 'temporarily_unavailable') {
    return oidcError(
      provider.error,
      `${provider.error}: ${SERVER_CODES[provider.error]}${quoteProvider(provider)}`,
      {
        ...base,
        provider,
        ...(deviations.length ? { deviations } : {}),
      },
    )
  }
  const closest = closestTokenError(provider.error, status)
  deviations.push(`“${provider.error}” is not one of the RFC 6749 §5.2 error codes.`)
  return oidcError(
    'non_standard_response',
    `The token endpoint answered HTTP ${status} with its own error code “${provider.error}”, which OAuth 2.0 does not define.${quoteProvider(provider)}${closest ? ` The closest standard meaning is “${closest}”.` : ''}`,
    {
      ...base,
      provider,
      detail: 'unknown_error_code',
      deviations,
      ...(closest ? { closest } : {}),
    },
  )
}

function nonJsonDetail(shape: BodyShape): OidcError['detail'] {
  return bodyShapeDetail(shape) ?? 'not_json'
}

const asNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return undefined
}

/**
 * Reads a token endpoint answer without ever throwing. RFC 6749 §5.2 error JSON keeps its code
 * (`invalid_grant`, `invalid_client`, `unauthorized_client`, `invalid_request`,
 * `unsupported_grant_type`, `invalid_scope`, plus `server_error`/`temporarily_unavailable`, and the
 * RFC 8628 §3.5 device polling codes `authorization_pending`, `slow_down`, `access_denied`,
 * `expired_token`) and the
 * provider's triple; a provider-specific code, an error with a 2xx status, a 401 with only a Basic
 * challenge, non-JSON (e.g. an HTML gateway page), JSON without `access_token`, or a `token_type`
 * other than Bearer/DPoP become `non_standard_response` (or the specific code) with `deviations`, and
 * the raw body is always kept. Numeric strings in `expires_in` are turned into numbers. It does not
 * decode or validate any token (see `lib/jwt`), and does not check the scope (see `compareScopes`).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function processTokenResponse(
  response: HttpResponseRecord,
): Result<TokenEndpointResponse, OidcError> {
  const { status } = response
  const shape = readBody(response.body)
  const challenges = parseWwwAuthenticate(response.headers['www-authenticate'])
  const base: Partial<OidcError> = {
    status,
    body: response.body,
    ...(challenges.length ? { challenges } : {}),
  }
  const provider = shape.kind === 'json' ? providerErrorFromJson(shape.value) : undefined
  if (provider) return err(fromProviderError(provider, response, base))

  if (!isSuccessStatus(status)) {
    const basic = findChallenge(challenges, 'Basic')
    if (status === 401 && basic) {
      const said = basic.params.error_description ?? basic.params.error
      return err(
        oidcError(
          'invalid_client',
          `invalid_client: HTTP 401 with a Basic challenge and no error body: the provider did not accept the client credentials.${said ? ` The challenge said: “${said}”.` : ''}`,
          {
            ...base,
            deviations: ['No JSON error body (RFC 6749 §5.2 expects one, even with 401).'],
          },
        ),
      )
    }
    const closest = closestTokenError(undefined, status)
    const what =
      shape.kind === 'json' ? 'JSON without an “error” field' : describeNonJsonBody(response, shape)
    return err(
      oidcError(
        'non_standard_response',
        `The token endpoint answered HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''} with ${what}, not an OAuth error.${closest ? ` The closest standard meaning is “${closest}”.` : ''}`,
        {
          ...base,
          detail: shape.kind === 'json' ? 'error_without_code' : nonJsonDetail(shape),
          deviations: ['RFC 6749 §5.2 error responses are JSON with an “error” field.'],
          ...(closest ? { closest } : {}),
        },
      ),
    )
  }

  if (shape.kind !== 'json') {
    return err(
      oidcError(
        'non_standard_response',
        `The token endpoint answered HTTP ${status} with ${describeNonJsonBody(response, shape)}, not the JSON token response.`,
        {
          ...base,
          detail: nonJsonDetail(shape),
          deviations: ['RFC 6749 §5.1 responses are application/json.'],
        },
      ),
    )
  }
  if (!isJsonObject(shape.value)) {
    return err(
      oidcError(
        'non_standard_response',
        shape.value === null
          ? 'The token endpoint answered with the JSON literal null, not a token response.'
          : 'The token response is JSON but not an object.',
        { ...base, detail: shape.value === null ? 'null_body' : 'not_an_object' },
      ),
    )
  }
  const value = shape.value
  if (typeof value.access_token !== 'string' || !value.access_token) {
    return err(
      oidcError(
        'non_standard_response',
        'The token response has no “access_token”, which RFC 6749 §5.1 requires.',
        {
          ...base,
          detail: 'missing_access_token',
          deviations: ['“access_token” is missing or not a string.'],
        },
      ),
    )
  }
  if (typeof value.token_type !== 'string' || !value.token_type) {
    return err(
      oidcError(
        'non_standard_response',
        'The token response has no “token_type”, which RFC 6749 §5.1 requires; the lab cannot tell how to present the access token.',
        {
          ...base,
          detail: 'missing_token_type',
          deviations: ['“token_type” is missing or not a string.'],
        },
      ),
    )
  }
  if (!/^(bearer|dpop)$/i.test(value.token_type)) {
    return err(
      oidcError(
        'non_standard_response',
        `The token type is “${value.token_type}”; the lab can only use Bearer (RFC 6750) or DPoP (RFC 9449) tokens.`,
        { ...base, detail: 'unsupported_token_type' },
      ),
    )
  }

  const token: TokenEndpointResponse = {
    ...value,
    access_token: value.access_token,
    token_type: value.token_type,
  }
  for (const field of ['expires_in', 'refresh_expires_in'] as const) {
    const n = asNumber(value[field])
    if (n === undefined) delete token[field]
    else token[field] = n
  }
  for (const field of ['refresh_token', 'id_token', 'session_state'] as const) {
    if (typeof value[field] !== 'string') delete token[field]
  }
  if (Array.isArray(value.scope))
    token.scope = value.scope.filter((s) => typeof s === 'string').join(' ')
  else if (typeof value.scope !== 'string') delete token.scope
  return ok(token)
}
