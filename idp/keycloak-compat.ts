/**
 * Keycloak behaviour that oidc-provider does not have, as pure functions: the client-scope policy,
 * the claims each scope maps, and the shape of Keycloak's bearer challenges.
 */
import {
  ACCOUNT_CLIENT_ROLES,
  CLIENT_SCOPE_NAMES,
  REALM_NAME,
  clientScopes,
  type ClientScopeName,
  type RealmClient,
  type RealmUser,
} from './realm.ts'

export function isClientScopeName(value: string): value is ClientScopeName {
  return (CLIENT_SCOPE_NAMES as readonly string[]).includes(value)
}

export function splitScope(scope: unknown): string[] {
  return typeof scope === 'string' ? [...new Set(scope.split(' ').filter(Boolean))] : []
}

export type ScopeResolution = { ok: true; scope: string[] } | { ok: false; invalid: string[] }

/**
 * Keycloak's client-scope rule: the final scope is `openid` (if requested) + the client's default
 * scopes (always, even when not requested) + the requested optional scopes. Anything else is an
 * `invalid_scope` error. Scopes with "Include in token scope" off (`roles`) apply but are not listed.
 */
export function resolveClientScopes(
  client: RealmClient,
  requested: readonly string[],
): ScopeResolution {
  const isDefault = (scope: string) => client.defaultScopes.some((name) => name === scope)
  const isOptional = (scope: string) => client.optionalScopes.some((name) => name === scope)

  const invalid = requested.filter(
    (scope) => scope !== 'openid' && !isDefault(scope) && !isOptional(scope),
  )
  if (invalid.length > 0) return { ok: false, invalid }

  const granted = [
    ...(requested.includes('openid') ? ['openid'] : []),
    ...client.defaultScopes,
    ...requested.filter(isOptional),
  ]
  const listed = granted.filter(
    (scope) => isClientScopeName(scope) && clientScopes[scope].includeInTokenScope,
  )
  return { ok: true, scope: [...new Set(listed)] }
}

/** `roles` never appears in the token scope, so whether it applies comes from the client. */
export function clientHasRolesScope(client: RealmClient): boolean {
  return client.defaultScopes.includes('roles')
}

export type Claims = Record<string, unknown>

/** The claims Keycloak's protocol mappers add for profile, email, address and phone. */
export function userClaims(user: RealmUser, scopes: ReadonlySet<string>): Claims {
  const claims: Claims = {}
  if (scopes.has('profile')) {
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ')
    if (name) claims.name = name
    if (user.firstName) claims.given_name = user.firstName
    if (user.lastName) claims.family_name = user.lastName
    claims.preferred_username = user.username
    if (user.locale) claims.locale = user.locale
  }
  if (scopes.has('email')) {
    if (user.email) claims.email = user.email
    // Keycloak's mapper always sets it, also for users without an email address
    claims.email_verified = user.emailVerified
  }
  if (scopes.has('address') && user.address) claims.address = { ...user.address }
  if (scopes.has('phone') && user.phoneNumber) {
    claims.phone_number = user.phoneNumber
    claims.phone_number_verified = user.phoneNumberVerified ?? false
  }
  return claims
}

export interface AccessTokenClaimsInput {
  user: RealmUser
  client: RealmClient
  scopes: ReadonlySet<string>
  webOrigins: readonly string[]
  sessionUid?: string
  authTime?: number
  acr?: string
}

/** The claims Keycloak adds to its JWT access tokens on top of iss/sub/aud/exp/iat/jti/scope. */
export function accessTokenClaims(input: AccessTokenClaimsInput): Claims {
  const { user, client, scopes } = input
  return {
    typ: 'Bearer',
    azp: client.clientId,
    ...(input.authTime === undefined ? {} : { auth_time: input.authTime }),
    ...(input.sessionUid === undefined ? {} : { sid: input.sessionUid }),
    acr: input.acr ?? '1',
    'allowed-origins': [...input.webOrigins],
    ...(clientHasRolesScope(client)
      ? {
          realm_access: { roles: [...user.realmRoles] },
          resource_access: { account: { roles: [...ACCOUNT_CLIENT_ROLES] } },
        }
      : {}),
    ...userClaims(user, scopes),
  }
}

export interface BearerError {
  error: 'invalid_request' | 'invalid_token' | 'insufficient_scope'
  description: string
}

/** Keycloak names the realm, not the issuer URL, in its challenges. */
export function bearerChallenge(error?: BearerError): string {
  const realm = `Bearer realm="${REALM_NAME}"`
  if (!error) return realm
  return `${realm}, error="${error.error}", error_description="${error.description}"`
}

/**
 * Keycloak ignores a `nonce` sent without `openid`; oidc-provider rejects the whole request. Returns
 * the request target (path and query) without that nonce.
 */
export function dropNonceWithoutOpenid(target: string): string {
  const url = new URL(target, 'http://realm.invalid')
  const scope = splitScope(url.searchParams.get('scope'))
  if (!url.searchParams.has('nonce') || scope.includes('openid')) return target
  url.searchParams.delete('nonce')
  return `${url.pathname}${url.search}`
}

/**
 * Keycloak's refresh with a `scope` parameter (RFC 6749 §6): the client's default scopes stay,
 * optional ones only when requested again, and never more than the refresh token was granted.
 */
export function resolveRefreshScope(
  client: RealmClient,
  requested: readonly string[],
  granted: ReadonlySet<string>,
): string[] {
  const resolution = resolveClientScopes(client, requested)
  const scope = resolution.ok ? resolution.scope : requested
  return scope.filter((name) => granted.has(name))
}

/** What the realm knows about a refresh token the token endpoint just refused. */
export interface RefusedRefreshToken {
  /** Issued by this realm run (it may be gone from the store since). */
  known: boolean
  sameClient: boolean
  expired: boolean
  offline: boolean
  /** The SSO session it belongs to (online tokens) still exists. */
  sessionAlive: boolean
  /** Its grant (Keycloak: the client session) still exists. */
  grantAlive: boolean
}

/**
 * The `error_description` Keycloak's `TokenManager` gives an `invalid_grant` refresh, or undefined
 * to keep the generic one.
 */
export function refreshFailureDescription(token: RefusedRefreshToken): string | undefined {
  if (!token.known) return 'Invalid refresh token'
  if (!token.sameClient) {
    return "Invalid refresh token. Token client and authorized client don't match"
  }
  if (token.expired) return 'Token is not active'
  if (token.offline) return token.grantAlive ? undefined : 'Offline user session not found'
  if (!token.sessionAlive) return 'Session not active'
  if (!token.grantAlive) return "Session doesn't have required client"
  return undefined
}
