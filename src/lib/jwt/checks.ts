/**
 * Ids of validation checks, rendered as `data-check="<id>"` (see UI_CONTRACT). `format`, `typ` and
 * `required_claims` only appear in access token checks.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export type CheckId =
  | 'signature'
  | 'alg'
  | 'iss'
  | 'aud'
  | 'azp'
  | 'exp'
  | 'iat'
  | 'nbf'
  | 'nonce'
  | 'at_hash'
  | 'auth_time'
  | 'sub'
  | 'userinfo_sub'
  | 'format'
  | 'typ'
  | 'required_claims'
  | 'userinfo_scope'

/** `skip` means the check does not apply or could not run; the message says which. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip'

/** Stable snake_case outcome codes: one per distinct reason, so the UI and tests can switch on them. */
export type CheckCode =
  // signature
  | 'signature_valid'
  | 'signature_invalid'
  | 'kid_not_found'
  | 'no_suitable_key'
  | 'no_jwks'
  | 'jwks_invalid'
  | 'jwks_unreachable'
  | 'jwks_http_error'
  | 'jwks_not_json'
  | 'no_jwks_uri'
  | 'key_import_failed'
  | 'verify_error'
  | 'unsigned'
  | 'encrypted'
  | 'not_a_jwt'
  | 'undecodable'
  | 'hmac_no_secret'
  // alg
  | 'alg_ok'
  | 'alg_none'
  | 'alg_missing'
  | 'alg_hmac'
  | 'alg_hmac_public_client'
  | 'alg_not_advertised'
  // iss
  | 'iss_match'
  | 'iss_missing'
  | 'iss_mismatch'
  // aud
  | 'aud_match'
  | 'aud_extra'
  | 'aud_missing'
  | 'aud_invalid'
  | 'aud_mismatch'
  | 'aud_not_expected'
  // azp
  | 'azp_match'
  | 'azp_invalid'
  | 'azp_mismatch'
  | 'azp_missing'
  | 'azp_absent'
  // times
  | 'not_expired'
  | 'expired'
  | 'expired_within_tolerance'
  | 'exp_missing'
  | 'exp_invalid'
  | 'iat_ok'
  | 'iat_future'
  | 'iat_missing'
  | 'iat_invalid'
  | 'nbf_ok'
  | 'nbf_absent'
  | 'nbf_invalid'
  | 'not_yet_valid'
  | 'auth_time_ok'
  | 'auth_time_missing'
  | 'auth_time_invalid'
  | 'auth_time_too_old'
  | 'max_age_not_requested'
  // nonce
  | 'nonce_match'
  | 'nonce_missing'
  | 'nonce_mismatch'
  | 'nonce_unexpected'
  | 'nonce_not_sent'
  // at_hash
  | 'at_hash_match'
  | 'at_hash_mismatch'
  | 'at_hash_missing'
  | 'at_hash_invalid'
  | 'at_hash_no_access_token'
  | 'at_hash_unsupported_alg'
  // sub
  | 'sub_ok'
  | 'sub_missing'
  | 'sub_invalid'
  | 'sub_too_long'
  | 'sub_not_ascii'
  // userinfo
  | 'userinfo_sub_match'
  | 'userinfo_sub_mismatch'
  | 'userinfo_sub_missing'
  | 'id_token_sub_missing'
  // access token
  | 'jwt_access_token'
  | 'opaque_access_token'
  | 'typ_at_jwt'
  | 'typ_jwt'
  | 'typ_missing'
  | 'typ_other'
  | 'required_claims_present'
  | 'required_claims_missing'
  // userinfo scope (from the access token's scope claim)
  | 'scope_has_openid'
  | 'scope_lacks_openid'
  | 'scope_unknown'
  // any check whose input was not decodable
  | 'payload_unavailable'

/** One row of validation: what was checked, the outcome, one line why, and where the rule is. */
export interface Check {
  id: CheckId
  status: CheckStatus
  code: CheckCode
  /** One line, e.g. `expired 3 min ago (2026-01-01T10:00:00.000Z)`. */
  message: string
  specLink: string
  /** Access token checks: for teaching only, the client must not rely on them. */
  informative?: true
  /** Signature check: the key was not in the JWKS given; refetch the JWKS once and check again. */
  needsJwksRefresh?: true
}

/**
 * Whether a check list asks the caller to refetch the provider's JWKS (a `kid` was not found,
 * typically after key rotation). Refetch once, not in a loop.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys
 */
export function needsJwksRefresh(checks: readonly Check[]): boolean {
  return checks.some((check) => check.needsJwksRefresh === true)
}

/** Base URL of OpenID Connect Core 1.0, for `specLink`s. */
export const OIDC_CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'
/** OIDC Core §3.1.3.7, ID Token Validation: the default `specLink` of ID token checks. */
export const ID_TOKEN_VALIDATION = `${OIDC_CORE}#IDTokenValidation`
/** Base URL of RFC 9068, the JWT profile for OAuth 2.0 access tokens. */
export const RFC9068 = 'https://www.rfc-editor.org/rfc/rfc9068'

/**
 * Builds one {@link Check} row; the link defaults to ID Token Validation.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export const makeCheck = (
  id: CheckId,
  status: CheckStatus,
  code: CheckCode,
  message: string,
  specLink: string = ID_TOKEN_VALIDATION,
): Check => ({ id, status, code, message, specLink })

/**
 * A claim value for a check message: its JSON (`"abc"`, `["a","b"]`), else its string form.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8259
 */
export const showValue = (value: unknown): string => JSON.stringify(value) ?? String(value)
