/**
 * The demo realm's oidc-provider instance: the configuration assembled from the modules that each
 * copy one part of Keycloak, and the patches, grant types and middlewares they need.
 */
import type * as OidcProviderModule from 'oidc-provider'
import type Provider from 'oidc-provider'
import type { Configuration, Grant } from 'oidc-provider'
import { randomBytes } from 'node:crypto'
import {
  AccessTokenRegistry,
  introspection,
  revocation,
  structuredTokenMiddleware,
  userinfoMiddleware,
} from './access-token-endpoints.ts'
import { createExtraTokenClaims, createFindAccount } from './account-claims.ts'
import { registerClientCredentialsGrant } from './client-credentials.ts'
import { webOriginsPolicy } from './cors.ts'
import {
  DEVICE_AUTHORIZATION_ROUTE,
  DEVICE_VERIFICATION_ROUTE,
  deviceCodeGrace,
  deviceFlow,
  keycloakDeviceAnswers,
  limitPollingRate,
} from './device-flow.ts'
import { renderRealmError } from './keycloak-errors.ts'
import { loginActionUrl } from './login-actions.ts'
import { rpInitiatedLogout } from './logout.ts'
import { createMapAdapterStore, type MapAdapterStore } from './map-adapter.ts'
import { issueRefreshToken, pkceRequired, toClientMetadata } from './provider-clients.ts'
import { logProviderEvents, trackIssuedAccessTokens } from './realm-events.ts'
import {
  keycloakRefreshErrors,
  RefreshTokenRegistry,
  trackIssuedRefreshTokens,
} from './refresh-errors.ts'
import {
  applyRefreshScopePolicy,
  detachRevokedClient,
  reissueRefreshToken,
} from './refresh-tokens.ts'
import { CLIENT_SCOPE_NAMES, clients, clientScopes, type ClientUris } from './realm.ts'
import { applyClientScopePolicy, grantScopes, loadExistingGrant } from './scope-policy.ts'
import type { SigningKey } from './signing-key.ts'
import {
  accountAudience,
  customizeAccessTokenJwt,
  rememberAccessTokenValues,
  tokenLifetimes,
  type AccessTokenValues,
} from './token-formats.ts'
import { keycloakTokenResponse } from './token-response.ts'

export { ACCOUNT_RESOURCE } from './token-formats.ts'
export const AUTHORIZATION_ROUTE = '/protocol/openid-connect/auth'

export interface RealmProviderOptions {
  oidc: typeof OidcProviderModule
  issuer: string
  signingKey: SigningKey
  uris: ClientUris
  log: (line: string) => void
  device: DeviceOptions
}

export interface DeviceOptions {
  /** Seconds a device code and its user code live. */
  codeTtl: number
  /** Seconds a device must wait between two polls. */
  pollInterval: number
}

export interface RealmProvider {
  provider: Provider
  store: MapAdapterStore
  registry: AccessTokenRegistry
  refreshTokens: RefreshTokenRegistry
  /** Grants the scope to the client for the user (auto-consent) and returns the saved grant. */
  grantScopes: (
    grantId: string | undefined,
    accountId: string,
    clientId: string,
    scope: string,
  ) => Promise<Grant>
}

/** Keycloak's paths under the realm. */
const routes: NonNullable<Configuration['routes']> = {
  authorization: AUTHORIZATION_ROUTE,
  token: '/protocol/openid-connect/token',
  userinfo: '/protocol/openid-connect/userinfo',
  jwks: '/protocol/openid-connect/certs',
  end_session: '/protocol/openid-connect/logout',
  introspection: '/protocol/openid-connect/token/introspect',
  revocation: '/protocol/openid-connect/revoke',
  device_authorization: DEVICE_AUTHORIZATION_ROUTE,
  code_verification: DEVICE_VERIFICATION_ROUTE,
}

/** Keycloak's client scopes and the claims their mappers add. */
const scopesAndClaims = {
  scopes: [...CLIENT_SCOPE_NAMES],
  claims: {
    openid: ['sub', 'auth_time', 'acr', 'azp', 'typ', 'sid', 'at_hash'],
    profile: clientScopes.profile.claims,
    email: clientScopes.email.claims,
    address: clientScopes.address.claims,
    phone: clientScopes.phone.claims,
  },
  // Keycloak puts the granted profile/email/... claims in the ID token too
  conformIdTokenClaims: false,
  acrValues: ['0', '1'],
} satisfies Configuration

function realmCookies(): NonNullable<Configuration['cookies']> {
  return {
    // cookies ignore ports: the app on the same host must not see or clash with these
    names: {
      session: 'KC_DEMO_SESSION',
      interaction: 'KC_DEMO_INTERACTION',
      resume: 'KC_DEMO_RESUME',
    },
    keys: [randomBytes(32).toString('base64url')],
  }
}

function realmConfiguration(
  options: RealmProviderOptions,
  store: MapAdapterStore,
  accessTokenValues: AccessTokenValues,
): Configuration {
  const { oidc, signingKey, uris, device } = options
  return {
    adapter: store.adapter,
    jwks: { keys: [signingKey.privateJwk] },
    clients: clients.map((client) => toClientMetadata(client, uris)),
    ...scopesAndClaims,
    responseTypes: ['code'],
    cookies: realmCookies(),
    routes,
    ttl: tokenLifetimes(device.codeTtl),
    pkce: { required: pkceRequired },
    clientBasedCORS: webOriginsPolicy(uris.webOrigins),
    issueRefreshToken,
    // Keycloak's "Revoke Refresh Token: OFF"; the hook also applies Keycloak's scope rule
    rotateRefreshToken: applyRefreshScopePolicy,
    features: {
      devInteractions: { enabled: false },
      // a single Bearer challenge, like Keycloak without DPoP
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      clientCredentials: { enabled: true },
      introspection,
      revocation: revocation(oidc),
      rpInitiatedLogout,
      resourceIndicators: accountAudience(oidc),
      deviceFlow,
    },
    interactions: { url: (_ctx, interaction) => loginActionUrl(interaction.uid) },
    loadExistingGrant,
    extraParams: { kc_requested_scope: applyClientScopePolicy(oidc) },
    findAccount: createFindAccount(accessTokenValues),
    extraTokenClaims: createExtraTokenClaims(uris.webOrigins),
    formats: { customizers: { jwt: customizeAccessTokenJwt } },
    renderError: renderRealmError,
  }
}

export function createRealmProvider(options: RealmProviderOptions): RealmProvider {
  const { oidc, issuer, signingKey, uris, log, device } = options
  const store = createMapAdapterStore({
    keepAfterExpiry: { DeviceCode: deviceCodeGrace(device.pollInterval) },
  })
  const registry = new AccessTokenRegistry()
  const refreshTokens = new RefreshTokenRegistry()
  const accessTokenValues: AccessTokenValues = new WeakMap()

  const provider = new oidc.Provider(issuer, realmConfiguration(options, store, accessTokenValues))
  rememberAccessTokenValues(provider, accessTokenValues)
  registerClientCredentialsGrant(provider, oidc)
  trackIssuedAccessTokens(provider, registry)
  trackIssuedRefreshTokens(provider, refreshTokens)
  logProviderEvents(provider, log)

  const tokenDeps = {
    provider,
    issuer,
    publicKey: signingKey.publicKey,
    registry,
    webOrigins: uris.webOrigins,
    log,
  }
  provider.use(limitPollingRate(provider, oidc, device.pollInterval))
  provider.use(keycloakDeviceAnswers(device.pollInterval))
  provider.use(userinfoMiddleware(tokenDeps))
  provider.use(structuredTokenMiddleware(tokenDeps))
  provider.use(keycloakRefreshErrors(provider, refreshTokens))
  provider.use(detachRevokedClient(provider))
  provider.use(keycloakTokenResponse)
  // registered after (inside) keycloakTokenResponse, so the response describes the new token
  provider.use(reissueRefreshToken(provider))

  return {
    provider,
    store,
    registry,
    refreshTokens,
    grantScopes: (grantId, accountId, clientId, scope) =>
      grantScopes(provider, grantId, accountId, clientId, scope),
  }
}
