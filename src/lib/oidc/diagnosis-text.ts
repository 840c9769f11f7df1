import { SPEC, type SpecLink } from './spec-links'

/**
 * Stable diagnosis codes (`data-diagnosis` in the UI contract). Codes named after an RFC error mean
 * the provider said so or the lab is confident it meant so; the others are the lab's own findings.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export type DiagnosisCode =
  | 'insufficient_scope'
  | 'invalid_token'
  | 'userinfo_forbidden'
  | 'invalid_grant'
  | 'invalid_client'
  | 'unauthorized_client'
  | 'invalid_request'
  | 'invalid_scope'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'state_mismatch'
  | 'iss_mismatch'
  | 'missing_code'
  | 'cors_or_network'
  | 'discovery_failed'
  | 'access_denied'
  | 'login_required'
  | 'consent_required'
  | 'interaction_required'
  | 'account_selection_required'
  | 'no_id_token'
  | 'missing_claim'
  | 'non_standard_response'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'http_error'
  // RFC 8628 §3.5: the device grant's polling answers (access_denied is shared with the callback)
  | 'authorization_pending'
  | 'slow_down'
  | 'expired_token'
  // a provider serving userinfo to a token whose scope lacks openid
  | 'userinfo_accepted_without_openid'

/** The fixed part of a diagnosis: title, one-paragraph explanation, default cause and fix, links. */
export interface DiagnosisText {
  /** Default severity when not `error` (polling answers and observations are `info`). */
  severity?: 'warning' | 'info'
  title: string
  explanation: string
  cause: string
  fix: string
  specLinks: SpecLink[]
}

/**
 * Default wording for every diagnosis code, in one place. The `diagnose/` modules replace `cause` and `fix`
 * with more specific sentences when the evidence allows.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export const DIAGNOSIS_TEXT: Readonly<Record<DiagnosisCode, DiagnosisText>> = {
  insufficient_scope: {
    title: 'Userinfo refused: the token lacks a required scope',
    explanation:
      'The provider refused the access token at userinfo for its scope. OIDC Core §5.3 says userinfo is accessed with an access token obtained by an OpenID Connect request (scope `openid`); Keycloak enforces that rule with 403 `insufficient_scope`, and a provider may also require other scopes.',
    cause: 'The access token was issued without a scope this userinfo endpoint requires.',
    fix: 'Request the missing scope and run the flow again; a new access token is needed (refreshing does not add scopes).',
    specLinks: [SPEC.bearerErrors, SPEC.coreUserinfo, SPEC.keycloakUserinfoOpenid],
  },
  invalid_token: {
    title: 'The access token was not accepted',
    explanation:
      'The resource (here: userinfo) says the access token is expired, revoked, malformed, or not meant for it.',
    cause:
      'The token expired, was revoked (logout, code reuse, refresh rotation), or was issued by another issuer or realm.',
    fix: 'Run the flow again for a fresh token; if it fails immediately, compare the token’s `iss` with the issuer you use.',
    specLinks: [SPEC.bearerErrors, SPEC.coreUserinfoError],
  },
  userinfo_forbidden: {
    title: 'Userinfo refused the token (403)',
    explanation:
      'The provider answered 403 Forbidden although the token’s scope includes `openid`, so the refusal has another reason.',
    cause: 'The token is not accepted at userinfo for a reason other than the scope.',
    fix: 'Check the token’s audience and type, and that the client and the user are still enabled at the provider.',
    specLinks: [SPEC.bearerErrors, SPEC.coreUserinfoError],
  },
  invalid_grant: {
    title: 'The authorization code was rejected',
    explanation:
      'invalid_grant means the code (or refresh token) is not valid for this request: expired, already used, or bound to a different redirect_uri or PKCE verifier.',
    cause:
      'The code is expired, was already used, or the redirect_uri or code_verifier differs from the authorization request.',
    fix: 'Start the flow again and exchange the new code right away, once.',
    specLinks: [SPEC.oauthTokenError, SPEC.oauthAuthorizationResponse, SPEC.pkceVerify],
  },
  invalid_client: {
    title: 'Client authentication failed',
    explanation:
      'invalid_client means the provider could not authenticate the client: unknown client_id, wrong or missing secret, or a secret sent in a way it does not accept.',
    cause:
      'The client secret (or how it is sent) does not match what the provider expects for this client.',
    fix: 'Check the client_id and secret, and whether the client is confidential (needs a secret) or public (no secret).',
    specLinks: [
      SPEC.oauthTokenError,
      SPEC.oauthClientPassword,
      SPEC.oauthClientTypes,
      SPEC.keycloakOidcClients,
    ],
  },
  unauthorized_client: {
    title: 'This client may not do this',
    explanation:
      'unauthorized_client means the client is known and authenticated but not allowed to use this grant or response type.',
    cause: 'The flow is disabled for this client at the provider.',
    fix: 'Enable the authorization code flow for the client (Keycloak: Capability config → Standard flow).',
    specLinks: [SPEC.oauthTokenError, SPEC.oauthAuthorizationError, SPEC.keycloakOidcClients],
  },
  invalid_request: {
    title: 'The provider found the request malformed',
    explanation:
      'invalid_request means a required parameter is missing, a parameter is repeated or invalid, or the provider’s policy requires something the request lacked.',
    cause: 'A parameter is missing or invalid; the provider’s description usually names it.',
    fix: 'Read the provider’s description below and adjust that parameter.',
    specLinks: [SPEC.oauthTokenError, SPEC.oauthAuthorizationError],
  },
  invalid_scope: {
    title: 'A requested scope was refused',
    explanation:
      'invalid_scope means a requested scope is unknown to the provider or not allowed for this client.',
    cause: 'A scope was requested that the client may not use.',
    fix: 'Remove that scope, or allow it for the client (Keycloak: Clients → your client → Client scopes → Add client scope).',
    specLinks: [SPEC.oauthAuthorizationError, SPEC.oauthScope, SPEC.keycloakClientScopes],
  },
  unsupported_grant_type: {
    title: 'Grant type not supported',
    explanation: 'The token endpoint does not support this grant_type, or not for this client.',
    cause: 'The grant is disabled for the client or unsupported by the provider.',
    fix: 'Enable the grant for the client, or check grant_types_supported in the discovery document.',
    specLinks: [SPEC.oauthTokenError],
  },
  unsupported_response_type: {
    title: 'Response type not allowed',
    explanation: 'The provider does not allow response_type=code for this client.',
    cause: 'The authorization code flow is disabled for the client.',
    fix: 'Enable the standard (authorization code) flow for the client.',
    specLinks: [SPEC.oauthAuthorizationError, SPEC.keycloakOidcClients],
  },
  state_mismatch: {
    title: 'The answer does not belong to this request (state)',
    explanation:
      'The state the provider returned is missing or differs from the one this tab sent. The lab refuses to exchange the code, as a real app must: otherwise an attacker could make the app log in with the attacker’s account (CSRF).',
    cause:
      'The callback came from another attempt (an older tab, the back button, a bookmarked callback URL) or was forged.',
    fix: 'Start the flow again from this tab.',
    specLinks: [SPEC.oauthCsrf, SPEC.securityBcpCsrf, SPEC.coreAuthResponseValidation],
  },
  iss_mismatch: {
    title: 'The answer came from a different issuer (iss)',
    explanation:
      'RFC 9207 lets an app check which provider answered. The response’s iss is missing or differs from the issuer the lab talked to, so it refuses to exchange the code (mix-up defence).',
    cause:
      'The issuer configured in the lab differs from the one the provider reports, or another provider answered.',
    fix: 'Use exactly the issuer the provider reports (see the discovery document), then start again.',
    specLinks: [SPEC.issValidation, SPEC.securityBcpMixUp],
  },
  missing_code: {
    title: 'No authorization code arrived',
    explanation:
      'The callback carries neither a code nor an error, so there is nothing to exchange.',
    cause:
      'The callback page was reloaded or opened directly, or the provider answered with another response_mode.',
    fix: 'Start the flow again from the lab.',
    specLinks: [SPEC.oauthAuthorizationResponse],
  },
  cors_or_network: {
    title: 'No readable answer (CORS or network)',
    explanation:
      'The browser got no HTTP answer it would let the page read. Browsers report a CORS refusal and an unreachable server with the same error (“TypeError: Failed to fetch”), so the page cannot tell which one happened.',
    cause: 'Either the server did not allow this page’s origin (CORS), or it could not be reached.',
    fix: 'Open the URL in a new tab: if it loads, allow this origin at the provider (Keycloak: the client’s Web origins); if it does not, fix the URL or start the server.',
    specLinks: [SPEC.fetchCors, SPEC.keycloakOidcClients],
  },
  discovery_failed: {
    title: 'Discovery failed',
    explanation:
      'The lab reads the provider’s endpoints from issuer + /.well-known/openid-configuration. Without that document it cannot build the flow.',
    cause: 'The issuer URL is wrong or the discovery document is unusable.',
    fix: 'Check the issuer URL (scheme, host, port, path, realm name).',
    specLinks: [SPEC.discoveryRequest, SPEC.discoveryValidation],
  },
  access_denied: {
    title: 'Access denied',
    explanation:
      'The provider did not issue a code: the user cancelled, refused consent, or a provider policy denied access.',
    cause:
      'The login or consent was cancelled, or a policy at the provider denied this user or client.',
    fix: 'Start again and accept the consent screen; if it keeps failing, check the provider’s policies for this user and client.',
    specLinks: [SPEC.oauthAuthorizationError],
  },
  login_required: {
    title: 'Login required (prompt=none)',
    explanation:
      'With prompt=none the provider must not show any page; the user has no session there, so it answered login_required.',
    cause: 'No active session at the provider for silent authentication.',
    fix: 'Remove prompt=none (or log in at the provider first) and start again.',
    specLinks: [SPEC.coreAuthError, SPEC.coreAuthRequest],
  },
  consent_required: {
    title: 'Consent required (prompt=none)',
    explanation: 'With prompt=none the provider cannot ask for consent, and this client needs it.',
    cause: 'The user has not yet consented to this client and these scopes.',
    fix: 'Remove prompt=none and start again to see the consent screen (Keycloak: or turn off “Consent required” for the client).',
    specLinks: [SPEC.coreAuthError, SPEC.coreAuthRequest],
  },
  interaction_required: {
    title: 'User interaction required (prompt=none)',
    explanation:
      'With prompt=none the provider must not show pages, but it needs the user for something (e.g. a required action).',
    cause:
      'The provider needs the user to interact (update password, accept terms, choose a factor…).',
    fix: 'Remove prompt=none and start again.',
    specLinks: [SPEC.coreAuthError, SPEC.coreAuthRequest],
  },
  account_selection_required: {
    title: 'Account selection required (prompt=none)',
    explanation:
      'With prompt=none the provider cannot ask which account to use, and the user has several.',
    cause: 'Several sessions or accounts at the provider.',
    fix: 'Remove prompt=none, or pass login_hint, and start again.',
    specLinks: [SPEC.coreAuthError],
  },
  no_id_token: {
    title: 'No ID token',
    explanation:
      'An ID token is only issued for OpenID Connect requests, i.e. when the scope includes `openid`. Without it the provider treats the request as plain OAuth 2.0.',
    cause: '`openid` was not requested (or not granted).',
    fix: 'Tick `openid` and run the flow again.',
    specLinks: [SPEC.coreTokenResponse, SPEC.coreAuthRequest],
  },
  missing_claim: {
    title: 'A claim is missing',
    explanation:
      'Claims come with scopes: OIDC Core maps profile, email, address and phone to sets of claims, and providers decide which token or response carries them.',
    cause:
      'The scope that releases this claim was not requested or not granted, or the provider puts it elsewhere.',
    fix: 'Request the scope that releases the claim and run the flow again.',
    specLinks: [SPEC.coreScopeClaims, SPEC.coreStandardClaims, SPEC.keycloakClientScopes],
  },
  non_standard_response: {
    title: 'Non-standard answer',
    explanation:
      'The provider (or something in front of it) answered in a way the specs do not define, so the lab maps it to the closest standard meaning and shows the raw answer.',
    cause:
      'A provider-specific error format, or a proxy or gateway answering instead of the provider.',
    fix: 'Read the raw response below; if it is a proxy page, fix the URL or the proxy.',
    specLinks: [SPEC.oauthTokenError],
  },
  server_error: {
    title: 'The provider failed',
    explanation: 'The provider (or a gateway in front of it) hit an internal error.',
    cause: 'A server-side problem, not something in the request.',
    fix: 'Retry later and check the provider’s logs.',
    specLinks: [SPEC.oauthAuthorizationError],
  },
  temporarily_unavailable: {
    title: 'The provider is temporarily unavailable',
    explanation: 'The provider is overloaded, in maintenance, or rate-limiting.',
    cause: 'A temporary server-side condition.',
    fix: 'Wait a moment and start again.',
    specLinks: [SPEC.oauthAuthorizationError],
  },
  http_error: {
    title: 'Unexpected HTTP status',
    explanation: 'The server answered with an HTTP status the protocol does not explain.',
    cause: 'Usually a wrong URL or method, or a proxy in between.',
    fix: 'Check the URL in the request and the raw response.',
    specLinks: [SPEC.discoveryMetadata],
  },
  authorization_pending: {
    severity: 'info',
    title: 'Waiting for the user (authorization_pending)',
    explanation:
      'In the device flow the token endpoint answers authorization_pending until the user has finished on the verification page. It is the expected answer while polling, not a failure.',
    cause: 'The user has not yet entered the user code and approved the request.',
    fix: 'Keep polling at the interval the device authorization response gave (5 s when it gave none), until the user finishes or the device code expires.',
    specLinks: [SPEC.deviceTokenError, SPEC.deviceTokenRequest],
  },
  slow_down: {
    severity: 'info',
    title: 'Poll more slowly (slow_down)',
    explanation:
      'The device authorization is still pending, and the client polled faster than the provider allows. RFC 8628 says each slow_down adds 5 seconds to the polling interval, for this and every later request.',
    cause: 'The token endpoint was polled again before the interval had passed.',
    fix: 'Add 5 seconds to the polling interval and keep polling.',
    specLinks: [SPEC.deviceTokenError],
  },
  expired_token: {
    title: 'The device code expired (expired_token)',
    explanation:
      'The device_code reached the end of its lifetime (expires_in of the device authorization response) before the user finished, so polling can no longer succeed.',
    cause: 'The user did not approve the request in time.',
    fix: 'Start a new device authorization and let the user finish before it expires.',
    specLinks: [SPEC.deviceTokenError],
  },
  userinfo_accepted_without_openid: {
    severity: 'info',
    title: 'Userinfo answered although the token lacks openid',
    explanation:
      'This provider accepted the token although its scope lacks `openid`. OIDC Core §5.3 says userinfo is accessed with an access token obtained by an OpenID Connect request; Keycloak enforces it with 403 `insufficient_scope`, this provider does not.',
    cause: 'The provider serves userinfo to access tokens from plain OAuth 2.0 requests.',
    fix: 'Nothing to fix for this provider. Request `openid` if your app must also work with providers that enforce the rule (Keycloak does).',
    specLinks: [SPEC.coreUserinfo, SPEC.keycloakUserinfoOpenid],
  },
}
