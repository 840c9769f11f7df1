/**
 * The scope values OpenID Connect defines: `openid`, the four claim scopes of OIDC Core §5.4 and
 * `offline_access` (§11). What the lab offers when a provider does not publish `scopes_supported`;
 * it does not say which of them a given provider or client allows.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 * @see https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess
 */
export const STANDARD_SCOPES: readonly string[] = [
  'openid',
  'profile',
  'email',
  'address',
  'phone',
  'offline_access',
]

/**
 * Splits a `scope` string into scope tokens: whitespace-separated (RFC 6749 says single spaces;
 * tabs and runs of spaces are tolerated), deduplicated, order kept. It does not split on commas
 * (a comma is a legal scope character) or check the characters.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function parseScope(scope: string | readonly string[] | null | undefined): string[] {
  if (scope === null || scope === undefined) return []
  const parts =
    typeof scope === 'string' ? scope.split(/\s+/) : scope.flatMap((s) => s.split(/\s+/))
  return [...new Set(parts.filter(Boolean))]
}

/**
 * One-line plain notes for well-known scopes (OIDC Core standard scopes and Keycloak's built-in
 * client scopes), shown next to the scope checkboxes.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 * @see https://www.keycloak.org/docs/latest/server_admin/index.html#_client_scopes
 */
export const SCOPE_NOTES: Readonly<Record<string, string>> = {
  openid:
    'Makes this OpenID Connect: you get an ID token and may call userinfo. Without it, plain OAuth 2.0.',
  profile: 'Name claims: name, given_name, family_name, preferred_username, picture, locale…',
  email: 'email and email_verified.',
  address: 'The postal address claim (a JSON object).',
  phone: 'phone_number and phone_number_verified.',
  offline_access:
    'A refresh token that outlives the login session (Keycloak: an offline token). Some providers need prompt=consent.',
  roles: 'Keycloak: realm_access and resource_access role claims, in the access token.',
  'web-origins': 'Keycloak: allowed-origins in the access token, used for CORS on later calls.',
  'microprofile-jwt': 'Keycloak: upn and groups claims for MicroProfile JWT services.',
  acr: 'Keycloak: the acr claim (authentication level) in the tokens.',
  basic: 'Keycloak 25+: sub and auth_time; without it tokens may lack sub.',
  organization: 'Keycloak 26+: the organization claim for members of a Keycloak organization.',
}
