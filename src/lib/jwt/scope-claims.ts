/**
 * Claims each OIDC scope value requests, in the order the spec lists them. A provider may still
 * put them only in the userinfo response, not in the ID token.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export const SCOPE_CLAIMS: Readonly<
  Record<'profile' | 'email' | 'address' | 'phone', readonly string[]>
> = {
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
  ],
  email: ['email', 'email_verified'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
}

/**
 * Claims added by Keycloak's built-in client scopes that are not OIDC scopes (`roles`,
 * `web-origins`, `acr`, `basic`); Keycloak often adds them without being asked.
 *
 * @see https://www.keycloak.org/docs/latest/server_admin/index.html#_client_scopes
 */
export const KEYCLOAK_SCOPE_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  roles: ['realm_access', 'resource_access'],
  'web-origins': ['allowed-origins'],
  'microprofile-jwt': ['upn', 'groups'],
  acr: ['acr'],
  basic: ['sub', 'auth_time'],
  organization: ['organization'],
}
