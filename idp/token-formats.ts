/**
 * Keycloak's token formats: RS256 JWT access tokens for the `account` audience with header
 * `typ: JWT`, Keycloak's default lifetimes, and the `at_hash` oidc-provider leaves out of the ID
 * tokens of the token endpoint.
 */
import type * as OidcProviderModule from 'oidc-provider'
import type Provider from 'oidc-provider'
import type {
  AccessToken,
  ClientCredentials,
  Configuration,
  JWTStructured,
  KoaContextWithOIDC,
  RefreshToken,
  ResourceServer,
} from 'oidc-provider'
import { CLIENT_SCOPE_NAMES, findServiceAccount } from './realm.ts'

/** Resource indicator of Keycloak's built-in `account` audience; never seen by clients. */
export const ACCOUNT_RESOURCE = 'urn:demo-realm:resource:account'

// Keycloak's defaults: access token 5 min, SSO idle 30 min, SSO max 10 h, offline idle 30 days.
export const TTL = {
  accessToken: 300,
  code: 60,
  interaction: 30 * 60,
  refreshToken: 30 * 60,
  offlineToken: 30 * 24 * 60 * 60,
  session: 10 * 60 * 60,
} as const

export const accountResourceServer: ResourceServer = {
  // openid is listed so that the JWT's `scope` claim reads like Keycloak's "openid profile email"
  scope: CLIENT_SCOPE_NAMES.join(' '),
  audience: 'account',
  accessTokenFormat: 'jwt',
  accessTokenTTL: TTL.accessToken,
  jwt: { sign: { alg: 'RS256' } },
}

function refreshTokenTtl(_ctx: KoaContextWithOIDC, token: RefreshToken): number {
  return token.scopes.has('offline_access') ? TTL.offlineToken : TTL.refreshToken
}

export function tokenLifetimes(deviceCodeTtl: number): NonNullable<Configuration['ttl']> {
  return {
    AccessToken: TTL.accessToken,
    DeviceCode: deviceCodeTtl,
    AuthorizationCode: TTL.code,
    ClientCredentials: TTL.accessToken,
    IdToken: TTL.accessToken,
    Interaction: TTL.interaction,
    Session: TTL.session,
    Grant: TTL.offlineToken,
    RefreshToken: refreshTokenTtl,
  }
}

type ResourceIndicators = NonNullable<NonNullable<Configuration['features']>['resourceIndicators']>

/** Every token is for Keycloak's `account` audience, so every access token is a JWT. */
export function accountAudience(oidc: typeof OidcProviderModule): ResourceIndicators {
  return {
    enabled: true,
    defaultResource: (_ctx, _client, oneOf) => oneOf?.[0] ?? ACCOUNT_RESOURCE,
    useGrantedResource: () => true,
    getResourceServerInfo: (_ctx, resource) => {
      if (resource !== ACCOUNT_RESOURCE) throw new oidc.errors.InvalidTarget()
      return accountResourceServer
    },
  }
}

export function customizeAccessTokenJwt(
  _ctx: KoaContextWithOIDC,
  token: AccessToken | ClientCredentials,
  jwt: JWTStructured,
): void {
  // Keycloak's access tokens say typ JWT; RFC 9068's at+jwt is oidc-provider's default
  jwt.header = { typ: 'JWT' }
  if (token.kind === 'ClientCredentials') {
    const serviceAccount = token.clientId ? findServiceAccount(token.clientId) : undefined
    if (serviceAccount) jwt.payload.sub = serviceAccount.id
  } else {
    // Keycloak names the client in azp only
    delete jwt.payload.client_id
  }
}

/** Access token values by token, so the ID token issued right after can carry `at_hash`. */
export type AccessTokenValues = WeakMap<AccessToken, string>

/**
 * oidc-provider sets at_hash only for implicit/hybrid responses; the token endpoint never passes the
 * access token value to the ID token. Remembers each value so `findAccount` can hand it over.
 */
export function rememberAccessTokenValues(provider: Provider, values: AccessTokenValues): void {
  // AccessToken inherits save() from BaseToken
  const { BaseToken } = provider
  provider.AccessToken.prototype.save = async function saveAndRemember(
    this: AccessToken,
  ): Promise<string> {
    const value = await BaseToken.prototype.save.call(this)
    values.set(this, value)
    return value
  }
}
