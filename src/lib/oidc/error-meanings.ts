/**
 * The error codes of the specs, with one plain sentence each. Apart from errors.ts, so that the first
 * page (which parses discovery with errors.ts) does not carry the tables only failures need.
 */
import type { OidcErrorCode } from './types'

/**
 * Error codes RFC 6749 §5.2 defines for the token endpoint, with one plain sentence each.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export const TOKEN_ERROR_MEANINGS = {
  invalid_request:
    'The request is missing a parameter, repeats one, or is otherwise malformed (for example a missing PKCE code_verifier).',
  invalid_client:
    'The provider could not authenticate the client: unknown client, wrong secret, or a secret missing or sent the wrong way.',
  invalid_grant:
    'The authorization code (or refresh token) is invalid, expired, already used, or was issued for another redirect_uri or PKCE verifier.',
  unauthorized_client: 'This client is not allowed to use this grant type.',
  unsupported_grant_type: 'The provider does not support this grant_type, or not for this client.',
  invalid_scope: 'The requested scope is invalid, unknown, or exceeds what was granted.',
} as const satisfies Partial<Record<OidcErrorCode, string>>

/**
 * Error codes RFC 8628 §3.5 adds for the token endpoint while a client polls with a device code,
 * with one plain sentence each. The first two mean "keep polling", the last two "stop".
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export const DEVICE_TOKEN_ERROR_MEANINGS = {
  authorization_pending: 'The user has not finished the device authorization yet; keep polling.',
  slow_down:
    'The authorization is still pending and the client polls too fast; add 5 seconds to the interval.',
  access_denied: 'The user refused the device authorization.',
  expired_token: 'The device_code expired before the user finished.',
} as const satisfies Partial<Record<OidcErrorCode, string>>

/**
 * Error codes an authorization response may carry (RFC 6749 §4.1.2.1 and OIDC Core §3.1.2.6), with
 * one plain sentence each.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthError
 */
export const AUTHORIZATION_ERROR_MEANINGS: Readonly<Record<string, string>> = {
  invalid_request: 'The authorization request is missing a parameter or has an invalid one.',
  unauthorized_client: 'This client may not request a code this way (e.g. standard flow disabled).',
  access_denied: 'The user or the provider refused the request.',
  unsupported_response_type: 'The provider does not allow this response_type for this client.',
  invalid_scope: 'A requested scope is invalid, unknown, or not allowed for this client.',
  server_error: 'The provider hit an unexpected error.',
  temporarily_unavailable:
    'The provider is overloaded or down for maintenance, or the login expired.',
  interaction_required: 'prompt=none was sent but the user must interact with the provider.',
  login_required: 'prompt=none was sent but the user has no session at the provider.',
  account_selection_required: 'prompt=none was sent but the user must choose an account.',
  consent_required: 'prompt=none was sent but the user must first consent.',
  invalid_request_uri: 'The request_uri is invalid or could not be fetched.',
  invalid_request_object: 'The request object (JAR) is invalid.',
  request_not_supported: 'The provider does not support the request parameter.',
  request_uri_not_supported: 'The provider does not support the request_uri parameter.',
  registration_not_supported: 'The provider does not support the registration parameter.',
}

/**
 * Error codes RFC 6750 §3.1 defines for protected resources such as userinfo, with one plain
 * sentence each.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export const BEARER_ERROR_MEANINGS = {
  invalid_request: 'The request is malformed (e.g. the token was sent in two places).',
  invalid_token:
    'The access token is expired, revoked, malformed, or not valid for this resource (e.g. another realm).',
  insufficient_scope: 'The access token is valid but lacks a scope this resource requires.',
} as const satisfies Partial<Record<OidcErrorCode, string>>

/**
 * True when `code` is one of the six RFC 6749 §5.2 token endpoint error codes.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function isTokenErrorCode(code: string): code is keyof typeof TOKEN_ERROR_MEANINGS {
  return Object.hasOwn(TOKEN_ERROR_MEANINGS, code)
}

/**
 * True when `code` is one of the four RFC 8628 §3.5 device polling error codes.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export function isDeviceTokenErrorCode(
  code: string,
): code is keyof typeof DEVICE_TOKEN_ERROR_MEANINGS {
  return Object.hasOwn(DEVICE_TOKEN_ERROR_MEANINGS, code)
}

/**
 * True when `code` is one of the three RFC 6750 §3.1 bearer error codes.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function isBearerErrorCode(code: string): code is keyof typeof BEARER_ERROR_MEANINGS {
  return Object.hasOwn(BEARER_ERROR_MEANINGS, code)
}
