import { CORE, DISCOVERY, RFC, SETUP_SPEC, type SpecLink } from './setup-spec-links'

export type { SpecLink } from './setup-spec-links'
/**
 * Every spec link the protocol layer cites, in one place so wording and anchors stay consistent.
 * Vendor links (Keycloak) are labelled as such; they describe one product, not the standard.
 * @see https://www.rfc-editor.org/rfc/rfc6749
 */
export const SPEC = {
  ...SETUP_SPEC,
  oauthAuthorizationResponse: { label: 'RFC 6749 §4.1.2', href: RFC(6749, '4.1.2') },
  oauthAuthorizationError: { label: 'RFC 6749 §4.1.2.1', href: RFC(6749, '4.1.2.1') },
  oauthTokenRequest: { label: 'RFC 6749 §4.1.3', href: RFC(6749, '4.1.3') },
  oauthTokenResponse: { label: 'RFC 6749 §5.1', href: RFC(6749, '5.1') },
  oauthTokenError: { label: 'RFC 6749 §5.2', href: RFC(6749, '5.2') },
  oauthClientCredentials: { label: 'RFC 6749 §4.4', href: RFC(6749, '4.4') },
  oauthRefresh: { label: 'RFC 6749 §6', href: RFC(6749, '6') },
  oauthTokenTypes: { label: 'RFC 6749 §7.1', href: RFC(6749, '7.1') },
  bearerHeader: { label: 'RFC 6750 §2.1', href: RFC(6750, '2.1') },
  bearerChallenge: { label: 'RFC 6750 §3', href: RFC(6750, '3') },
  bearerErrors: { label: 'RFC 6750 §3.1', href: RFC(6750, '3.1') },
  pkceVerifier: { label: 'RFC 7636 §4.1', href: RFC(7636, '4.1') },
  pkceError: { label: 'RFC 7636 §4.4.1', href: RFC(7636, '4.4.1') },
  pkceVerify: { label: 'RFC 7636 §4.6', href: RFC(7636, '4.6') },
  pkceExample: { label: 'RFC 7636 Appendix B', href: RFC(7636, 'appendix-B') },
  deviceTokenRequest: { label: 'RFC 8628 §3.4', href: RFC(8628, '3.4') },
  deviceTokenError: { label: 'RFC 8628 §3.5', href: RFC(8628, '3.5') },
  httpAuthChallenge: { label: 'RFC 7235 §4.1', href: RFC(7235, '4.1') },
  issParameter: { label: 'RFC 9207 §2', href: RFC(9207, '2') },
  issValidation: { label: 'RFC 9207 §2.4', href: RFC(9207, '2.4') },
  asMetadataUrl: { label: 'RFC 8414 §3', href: RFC(8414, '3') },
  securityBcpCsrf: { label: 'RFC 9700 §4.7', href: RFC(9700, '4.7') },
  securityBcpMixUp: { label: 'RFC 9700 §4.4', href: RFC(9700, '4.4') },
  dpop: { label: 'RFC 9449', href: 'https://www.rfc-editor.org/rfc/rfc9449' },
  coreAuthError: { label: 'OIDC Core §3.1.2.6', href: `${CORE}#AuthError` },
  coreAuthResponseValidation: {
    label: 'OIDC Core §3.1.2.7',
    href: `${CORE}#AuthResponseValidation`,
  },
  coreTokenResponse: { label: 'OIDC Core §3.1.3.3', href: `${CORE}#TokenResponse` },
  coreTokenErrorResponse: { label: 'OIDC Core §3.1.3.4', href: `${CORE}#TokenErrorResponse` },
  coreIdToken: { label: 'OIDC Core §2', href: `${CORE}#IDToken` },
  coreUserinfo: { label: 'OIDC Core §5.3', href: `${CORE}#UserInfo` },
  coreUserinfoResponse: { label: 'OIDC Core §5.3.2', href: `${CORE}#UserInfoResponse` },
  coreUserinfoError: { label: 'OIDC Core §5.3.3', href: `${CORE}#UserInfoError` },
  coreStandardClaims: { label: 'OIDC Core §5.1', href: `${CORE}#StandardClaims` },
  coreScopeClaims: { label: 'OIDC Core §5.4', href: `${CORE}#ScopeClaims` },
  coreOfflineAccess: { label: 'OIDC Core §11', href: `${CORE}#OfflineAccess` },
  discoveryRequest: { label: 'OIDC Discovery §4', href: `${DISCOVERY}#ProviderConfig` },
  discoveryMetadata: { label: 'OIDC Discovery §3', href: `${DISCOVERY}#ProviderMetadata` },
  discoveryValidation: {
    label: 'OIDC Discovery §4.3',
    href: `${DISCOVERY}#ProviderConfigurationValidation`,
  },
  fetchCors: {
    label: 'MDN: CORS',
    href: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS',
  },
  fetchExposeHeaders: {
    label: 'MDN: Access-Control-Expose-Headers',
    href: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers',
  },
  keycloakOidcClients: {
    label: 'Keycloak: OIDC client settings (Web origins, Client authentication)',
    href: 'https://www.keycloak.org/docs/latest/server_admin/index.html#_oidc_clients',
  },
  keycloakUserinfoOpenid: {
    label: 'Keycloak ≥ 20: userinfo requires the openid scope (keycloak#16168)',
    href: 'https://github.com/keycloak/keycloak/issues/16168',
  },
  keycloakClientScopes: {
    label: 'Keycloak: client scopes (default vs optional)',
    href: 'https://www.keycloak.org/docs/latest/server_admin/index.html#_client_scopes',
  },
  keycloakHostname: {
    label: 'Keycloak: configuring the hostname (issuer URL)',
    href: 'https://www.keycloak.org/server/hostname',
  },
  keycloakMigration17: {
    label: 'Keycloak 17+: /auth removed from the default context path',
    href: 'https://www.keycloak.org/migration/migrating-to-quarkus',
  },
} as const satisfies Record<string, SpecLink>
