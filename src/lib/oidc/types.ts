/**
 * OpenID Provider metadata as published at `/.well-known/openid-configuration`, with spec field names.
 * Only `issuer`, `authorization_endpoint` and `token_endpoint` are required here (the code flow needs
 * them); everything else is optional and unknown extras are kept.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export interface DiscoveryDocument {
  issuer: string
  authorization_endpoint: string
  token_endpoint: string
  userinfo_endpoint?: string
  jwks_uri?: string
  registration_endpoint?: string
  end_session_endpoint?: string
  revocation_endpoint?: string
  introspection_endpoint?: string
  device_authorization_endpoint?: string
  pushed_authorization_request_endpoint?: string
  check_session_iframe?: string
  scopes_supported?: string[]
  response_types_supported?: string[]
  response_modes_supported?: string[]
  grant_types_supported?: string[]
  acr_values_supported?: string[]
  subject_types_supported?: string[]
  id_token_signing_alg_values_supported?: string[]
  id_token_encryption_alg_values_supported?: string[]
  userinfo_signing_alg_values_supported?: string[]
  request_object_signing_alg_values_supported?: string[]
  token_endpoint_auth_methods_supported?: string[]
  token_endpoint_auth_signing_alg_values_supported?: string[]
  display_values_supported?: string[]
  claim_types_supported?: string[]
  claims_supported?: string[]
  claims_locales_supported?: string[]
  ui_locales_supported?: string[]
  code_challenge_methods_supported?: string[]
  dpop_signing_alg_values_supported?: string[]
  claims_parameter_supported?: boolean
  request_parameter_supported?: boolean
  request_uri_parameter_supported?: boolean
  require_request_uri_registration?: boolean
  require_pushed_authorization_requests?: boolean
  /** RFC 9207: the provider puts `iss` in every authorization response. */
  authorization_response_iss_parameter_supported?: boolean
  frontchannel_logout_supported?: boolean
  backchannel_logout_supported?: boolean
  service_documentation?: string
  op_policy_uri?: string
  op_tos_uri?: string
  [extra: string]: unknown
}

/** One key of a JSON Web Key Set, as published at `jwks_uri` (RFC 7517 §4). */
export interface Jwk {
  kty: string
  kid?: string
  use?: string
  alg?: string
  [parameter: string]: unknown
}

/**
 * A JSON Web Key Set (`{ "keys": [...] }`).
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export interface JsonWebKeySet {
  keys: Jwk[]
}

/**
 * A successful token endpoint answer with spec field names; provider extras (Keycloak's
 * `refresh_expires_in`, `not-before-policy`, `session_state`…) are kept as unknown.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse
 */
export interface TokenEndpointResponse {
  access_token: string
  /** Case-insensitive per RFC 6749 §5.1; `Bearer` or `DPoP` here. */
  token_type: string
  expires_in?: number
  refresh_token?: string
  id_token?: string
  /** Space-separated granted scope; absent means "same as requested" (RFC 6749 §5.1). */
  scope?: string
  /** Keycloak: lifetime of the refresh token in seconds (0 for offline tokens). */
  refresh_expires_in?: number
  /** Keycloak: the user session id. */
  session_state?: string
  [extra: string]: unknown
}

/**
 * How the client proves its identity at the token endpoint: a public client sends only `client_id`
 * (`none`), a confidential one sends its secret in a Basic header or in the form body.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export type ClientAuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post'

/**
 * The `grant_type` values the lab sends to the token endpoint: the authorization code (RFC 6749
 * §4.1.3), a refresh (§6), client credentials (§4.4) and the device grant (RFC 8628 §3.4).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.4
 */
export type GrantType =
  | 'authorization_code'
  | 'refresh_token'
  | 'client_credentials'
  | 'urn:ietf:params:oauth:grant-type:device_code'

/**
 * One challenge of a `WWW-Authenticate` header: the scheme as sent, lower-cased parameter names, and
 * the token68 form when the challenge used it instead of parameters.
 * @see https://www.rfc-editor.org/rfc/rfc7235#section-4.1
 */
export interface WwwAuthenticateChallenge {
  scheme: string
  params: Record<string, string>
  token68?: string
}

/** The error triple exactly as the provider sent it (body JSON, callback query or challenge). */
export interface ProviderError {
  error: string
  error_description?: string
  error_uri?: string
}

/**
 * Stable machine codes for everything the protocol layer can refuse or fail to understand. Codes named
 * after RFC 6749/6750 errors mean the provider said exactly that; the others are the lab's own findings.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export type OidcErrorCode =
  // issuer input
  | 'issuer_empty'
  | 'issuer_not_url'
  | 'issuer_not_http'
  | 'issuer_has_credentials'
  | 'issuer_has_query'
  | 'issuer_has_fragment'
  | 'issuer_is_discovery_url'
  | 'issuer_is_endpoint_url'
  | 'issuer_is_admin_console'
  // discovery and JWKS
  | 'discovery_not_found'
  | 'discovery_http_error'
  | 'discovery_not_json'
  | 'discovery_invalid'
  | 'issuer_mismatch'
  | 'jwks_http_error'
  | 'jwks_not_json'
  | 'jwks_invalid'
  // authorization response (callback)
  | 'state_mismatch'
  | 'iss_mismatch'
  | 'iss_missing'
  | 'missing_code'
  | 'authorization_error'
  // RFC 6749 §5.2 token endpoint errors, plus the two §4.1.2.1 codes token endpoints also use
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'server_error'
  | 'temporarily_unavailable'
  // RFC 8628 §3.5 device grant answers while polling the token endpoint
  | 'authorization_pending'
  | 'slow_down'
  | 'access_denied'
  | 'expired_token'
  // RFC 6750 §3.1 protected resource (userinfo) errors
  | 'invalid_token'
  | 'insufficient_scope'
  | 'userinfo_http_error'
  // RFC 7009 §2.2.1 revocation error
  | 'unsupported_token_type'
  // anything else
  | 'non_standard_response'

/**
 * Sub-detail of an {@link OidcError} when one code covers several situations (e.g. which part of an
 * issuer differs, or in which way a response was non-standard).
 */
export type OidcErrorDetail =
  // state / iss checks
  | 'missing'
  | 'different'
  | 'duplicated'
  | 'not_expected'
  // issuer comparison
  | 'trailing_slash'
  | 'scheme'
  | 'host'
  | 'port'
  | 'path'
  | 'case'
  | 'whitespace'
  // response shape
  | 'not_json'
  | 'truncated_json'
  | 'malformed_json'
  | 'null_body'
  | 'html'
  | 'empty_body'
  | 'not_an_object'
  | 'missing_fields'
  | 'invalid_url'
  | 'missing_access_token'
  | 'missing_token_type'
  | 'unsupported_token_type'
  | 'error_with_success_status'
  | 'unknown_error_code'
  | 'error_without_code'
  | 'unexpected_status'
  | 'missing_keys'

/**
 * Errors are data: a stable `code` for the UI, a plain `message`, and whatever evidence explains it.
 * `provider` is what the server said verbatim; `closest` maps a non-standard provider code to the
 * standard one it most likely means.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export interface OidcError {
  code: OidcErrorCode
  message: string
  detail?: OidcErrorDetail
  /** HTTP status of the response the error came from. */
  status?: number
  provider?: ProviderError
  /** For `non_standard_response`: the standard code whose meaning is closest. */
  closest?: OidcErrorCode
  /** Parsed `WWW-Authenticate` challenges, when the response had a readable header. */
  challenges?: WwwAuthenticateChallenge[]
  /** A corrected value the UI can offer (e.g. the issuer without `/.well-known/...`). */
  suggestion?: string
  /** One more sentence of guidance, labelled as a hint by the UI. */
  hint?: string
  /** Spec deviations observed on the way (e.g. "error returned with status 200"). */
  deviations?: string[]
  /** The raw response body, kept so the UI can show exactly what came back. */
  body?: string
}
