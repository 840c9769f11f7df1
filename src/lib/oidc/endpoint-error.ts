import {
  bodyShapeDetail,
  describeNonJsonBody,
  isSuccessStatus,
  oidcError,
  providerErrorFromJson,
  readBody,
  type BodyShape,
} from './errors'
import { isTokenErrorCode, TOKEN_ERROR_MEANINGS } from './error-meanings'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { closestTokenError } from './token-response'
import type { OidcError, OidcErrorCode, ProviderError } from './types'
import { findChallenge, parseWwwAuthenticate } from './www-authenticate'

/** How {@link processEndpointError} names the endpoint and which extra codes it knows. */
export interface EndpointErrorOptions {
  /** The endpoint as messages name it, capitalised: `The revocation endpoint`. */
  endpoint: string
  /** Codes this endpoint defines beyond RFC 6749 §5.2 (e.g. RFC 8628 §3.5), one sentence each. */
  meanings?: Readonly<Partial<Record<OidcErrorCode, string>>>
}

const SERVER_MEANINGS: Readonly<Partial<Record<OidcErrorCode, string>>> = {
  server_error: 'The provider hit an unexpected error while handling the request.',
  temporarily_unavailable: 'The provider is overloaded or down for maintenance.',
}

const CLIENT_AUTH_FAILURE =
  /invalid client|client credentials|client secret|secret not provided|client authentication/i

const quoteProvider = (p: ProviderError): string =>
  p.error_description ? ` The provider said: “${p.error_description}”.` : ''

/** The base fields every error from this response carries: status, raw body, challenges. */
function errorBase(response: HttpResponseRecord): Partial<OidcError> {
  const challenges = parseWwwAuthenticate(response.headers['www-authenticate'])
  return {
    status: response.status,
    body: response.body,
    ...(challenges.length ? { challenges } : {}),
  }
}

/**
 * The `detail` for a body that is not the JSON the endpoint should send. It does not look at
 * `Content-Type`; {@link readBody} already classified the body.
 * @see https://www.rfc-editor.org/rfc/rfc8259
 */
export function nonJsonDetail(shape: BodyShape): OidcError['detail'] {
  return bodyShapeDetail(shape) ?? 'not_json'
}

function meaningOf(code: string, meanings: EndpointErrorOptions['meanings']): string | undefined {
  const own =
    meanings && Object.hasOwn(meanings, code) ? meanings[code as OidcErrorCode] : undefined
  if (own) return own
  if (isTokenErrorCode(code)) return TOKEN_ERROR_MEANINGS[code]
  return SERVER_MEANINGS[code as OidcErrorCode]
}

function fromProviderError(
  provider: ProviderError,
  status: number,
  base: Partial<OidcError>,
  { endpoint, meanings }: EndpointErrorOptions,
): OidcError {
  const deviations: string[] = []
  if (isSuccessStatus(status)) {
    deviations.push(
      `The error came with HTTP ${status}; RFC 6749 §5.2 requires 400 (401 for invalid_client).`,
    )
  }
  // Keycloak answers a failed client authentication with `unauthorized_client` and 401, on every endpoint.
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
  const meaning = meaningOf(provider.error, meanings)
  if (meaning) {
    const code = provider.error as OidcErrorCode
    const server = code === 'server_error' || code === 'temporarily_unavailable'
    const expected = code === 'invalid_client' ? [400, 401] : [400]
    if (!server && !isSuccessStatus(status) && !expected.includes(status)) {
      deviations.push(
        `HTTP ${status} instead of ${expected.join(' or ')} for “${code}” (RFC 6749 §5.2).`,
      )
    }
    return oidcError(code, `${code}: ${meaning}${quoteProvider(provider)}`, {
      ...base,
      provider,
      ...(deviations.length ? { deviations } : {}),
    })
  }
  const closest = closestTokenError(provider.error, status)
  deviations.push(`“${provider.error}” is not an error code this endpoint defines.`)
  return oidcError(
    'non_standard_response',
    `${endpoint} answered HTTP ${status} with its own error code “${provider.error}”, which the specification does not define.${quoteProvider(provider)}${closest ? ` The closest standard meaning is “${closest}”.` : ''}`,
    {
      ...base,
      provider,
      detail: 'unknown_error_code',
      deviations,
      ...(closest ? { closest } : {}),
    },
  )
}

/**
 * Turns an error answer of an endpoint that uses the RFC 6749 §5.2 error format (device
 * authorization, revocation, introspection, device polling) into an {@link OidcError}: the
 * provider's code when it is one of RFC 6749 §5.2, `server_error`/`temporarily_unavailable`, or one
 * of `meanings`; Keycloak's `unauthorized_client` + 401 for a failed client authentication becomes
 * `invalid_client`; a 401 with only a Basic challenge is `invalid_client`; anything else is
 * `non_standard_response` with the closest standard code. Call it for non-2xx answers and for 2xx
 * answers whose JSON has `error`. It never throws, and does not decide whether the response was a
 * success; the caller does.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function processEndpointError(
  response: HttpResponseRecord,
  options: EndpointErrorOptions,
): OidcError {
  const { status } = response
  const base = errorBase(response)
  const shape = readBody(response.body)
  const provider = shape.kind === 'json' ? providerErrorFromJson(shape.value) : undefined
  if (provider) return fromProviderError(provider, status, base, options)

  const basic = findChallenge(base.challenges ?? [], 'Basic')
  if (status === 401 && basic) {
    const said = basic.params.error_description ?? basic.params.error
    return oidcError(
      'invalid_client',
      `invalid_client: HTTP 401 with a Basic challenge and no error body: the provider did not accept the client credentials.${said ? ` The challenge said: “${said}”.` : ''}`,
      { ...base, deviations: ['No JSON error body (RFC 6749 §5.2 expects one, even with 401).'] },
    )
  }
  const closest = closestTokenError(undefined, status)
  const what =
    shape.kind === 'json' ? 'JSON without an “error” field' : describeNonJsonBody(response, shape)
  return oidcError(
    'non_standard_response',
    `${options.endpoint} answered HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''} with ${what}, not an OAuth error.${closest ? ` The closest standard meaning is “${closest}”.` : ''}`,
    {
      ...base,
      detail: shape.kind === 'json' ? 'error_without_code' : nonJsonDetail(shape),
      deviations: ['RFC 6749 §5.2 error responses are JSON with an “error” field.'],
      ...(closest ? { closest } : {}),
    },
  )
}

/**
 * The error for a 2xx answer that is not a JSON object: `non_standard_response` with `html`,
 * `empty_body`, `not_json` or `not_an_object`, and the rule it breaks as the deviation. It does not
 * check the status; call it only for a 2xx answer.
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-4
 */
export function notAJsonObjectError(
  response: HttpResponseRecord,
  shape: BodyShape,
  { endpoint, expected, rule }: { endpoint: string; expected: string; rule: string },
): OidcError {
  const base = errorBase(response)
  if (shape.kind === 'json') {
    return oidcError(
      'non_standard_response',
      `${endpoint} answered HTTP ${response.status} with JSON that is not an object, not ${expected}.`,
      { ...base, detail: 'not_an_object', deviations: [rule] },
    )
  }
  return oidcError(
    'non_standard_response',
    `${endpoint} answered HTTP ${response.status} with ${describeNonJsonBody(response, shape)}, not ${expected}.`,
    { ...base, detail: nonJsonDetail(shape), deviations: [rule] },
  )
}

/**
 * The error for a 2xx JSON object that lacks required members or has them with the wrong type:
 * `non_standard_response` with detail `missing_fields`, one deviation per member. It does not
 * inspect the body itself: the caller says what is missing.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function missingFieldsError(
  response: HttpResponseRecord,
  { message, deviations }: { message: string; deviations: string[] },
): OidcError {
  return oidcError('non_standard_response', message, {
    ...errorBase(response),
    detail: 'missing_fields',
    deviations,
  })
}
