/**
 * The demo realm's oidc-provider instance, configured and patched to behave like a Keycloak realm.
 */
import type * as OidcProviderModule from 'oidc-provider'
import type Provider from 'oidc-provider'
import type {
  AccessToken,
  Account,
  ClientCredentials,
  ClientMetadata,
  Configuration,
  Grant,
  KoaContextWithOIDC,
  ResourceServer,
} from 'oidc-provider'
import { randomBytes } from 'node:crypto'
import {
  AccessTokenRegistry,
  structuredTokenMiddleware,
  userinfoMiddleware,
} from './access-token-endpoints.ts'
import {
  accessTokenClaims,
  resolveClientScopes,
  splitScope,
  userClaims,
  type Claims,
} from './keycloak-compat.ts'
import { loginActionUrl } from './login-actions.ts'
import { createMapAdapterStore, type MapAdapterStore } from './map-adapter.ts'
import {
  CLIENT_SCOPE_NAMES,
  clients,
  clientScopes,
  findClient,
  findServiceAccount,
  findUserById,
  type ClientUris,
} from './realm.ts'
import {
  renderErrorPage,
  renderLoggedOutPage,
  renderLogoutAutoSubmitPage,
  renderLogoutConfirmPage,
} from './realm-pages.ts'
import type { RenderedPage } from './html-layout.ts'
import type { SigningKey } from './signing-key.ts'

/** Resource indicator of Keycloak's built-in `account` audience; never seen by clients. */
export const ACCOUNT_RESOURCE = 'urn:demo-realm:resource:account'
export const AUTHORIZATION_ROUTE = '/protocol/openid-connect/auth'

// Keycloak's defaults: access token 5 min, SSO idle 30 min, SSO max 10 h, offline idle 30 days.
const TTL = {
  accessToken: 300,
  code: 60,
  interaction: 30 * 60,
  refreshToken: 30 * 60,
  offlineToken: 30 * 24 * 60 * 60,
  session: 10 * 60 * 60,
} as const

const accountResourceServer: ResourceServer = {
  // openid is listed so that the JWT's `scope` claim reads like Keycloak's "openid profile email"
  scope: CLIENT_SCOPE_NAMES.join(' '),
  audience: 'account',
  accessTokenFormat: 'jwt',
  accessTokenTTL: TTL.accessToken,
  jwt: { sign: { alg: 'RS256' } },
}

export interface RealmProviderOptions {
  oidc: typeof OidcProviderModule
  issuer: string
  signingKey: SigningKey
  uris: ClientUris
  log: (line: string) => void
}

export interface RealmProvider {
  provider: Provider
  store: MapAdapterStore
  registry: AccessTokenRegistry
  /** Grants the scope to the client for the user (auto-consent) and returns the saved grant. */
  grantScopes: (
    grantId: string | undefined,
    accountId: string,
    clientId: string,
    scope: string,
  ) => Promise<Grant>
}

function setPage(ctx: KoaContextWithOIDC, page: RenderedPage): void {
  ctx.set(page.headers)
  ctx.body = page.html
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function createRealmProvider(options: RealmProviderOptions): RealmProvider {
  const { oidc, issuer, signingKey, uris, log } = options
  const store = createMapAdapterStore()
  const registry = new AccessTokenRegistry()
  /** Access token values by token, so the ID token issued right after can carry `at_hash`. */
  const accessTokenValues = new WeakMap<AccessToken, string>()

  const clientMetadata: ClientMetadata[] = clients.map((client) => ({
    client_id: client.clientId,
    client_name: client.name,
    ...(client.type === 'public'
      ? { token_endpoint_auth_method: 'none' }
      : // basic and post are interchangeable in oidc-provider, as in Keycloak
        { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.secret }),
    grant_types: [
      'authorization_code',
      'refresh_token',
      ...(client.serviceAccount ? ['client_credentials'] : []),
    ],
    response_types: ['code'],
    redirect_uris: uris.redirectUris,
    post_logout_redirect_uris: uris.postLogoutRedirectUris,
  }))

  async function grantScopes(
    grantId: string | undefined,
    accountId: string,
    clientId: string,
    scope: string,
  ): Promise<Grant> {
    const existing = grantId ? await provider.Grant.find(grantId) : undefined
    const grant =
      existing?.accountId === accountId && existing.clientId === clientId
        ? existing
        : new provider.Grant({ accountId, clientId })
    if (scope) {
      grant.addOIDCScope(scope)
      grant.addResourceScope(ACCOUNT_RESOURCE, scope)
    }
    await grant.save()
    return grant
  }

  function findAccount(ctx: KoaContextWithOIDC, sub: string): Account | undefined {
    const user = findUserById(sub)
    if (!user) return undefined
    return {
      accountId: sub,
      claims(use, scope) {
        const claims = { sub, ...userClaims(user, new Set(splitScope(scope))) }
        if (use !== 'id_token') return claims
        const { entities } = ctx.oidc
        const source = entities.AuthorizationCode ?? entities.RefreshToken
        const accessToken = entities.AccessToken
        return {
          ...claims,
          azp: ctx.oidc.client?.clientId,
          typ: 'ID',
          sid: source?.sessionUid,
          // the raw value: oidc-provider hashes at_hash itself when it signs the ID token
          at_hash: accessToken ? accessTokenValues.get(accessToken) : undefined,
        }
      },
    }
  }

  function extraTokenClaims(
    ctx: KoaContextWithOIDC,
    token: AccessToken | ClientCredentials,
  ): Claims | undefined {
    const client = token.clientId ? findClient(token.clientId) : undefined
    if (!client) return undefined
    if (token.kind === 'ClientCredentials') {
      const serviceAccount = findServiceAccount(client.clientId)
      if (!serviceAccount) return undefined
      return {
        ...accessTokenClaims({
          user: serviceAccount,
          client,
          scopes: token.scopes,
          webOrigins: uris.webOrigins,
        }),
        clientHost: ctx.ip,
        clientAddress: ctx.ip,
      }
    }
    const user = findUserById(token.accountId)
    if (!user) return undefined
    const source = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken
    return accessTokenClaims({
      user,
      client,
      scopes: token.scopes,
      webOrigins: uris.webOrigins,
      sessionUid: token.sessionUid,
      authTime: source?.authTime,
      acr: source?.acr,
    })
  }

  const configuration: Configuration = {
    adapter: store.adapter,
    jwks: { keys: [signingKey.privateJwk] },
    clients: clientMetadata,
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
    responseTypes: ['code'],
    cookies: {
      // cookies ignore ports: the app on the same host must not see or clash with these
      names: {
        session: 'KC_DEMO_SESSION',
        interaction: 'KC_DEMO_INTERACTION',
        resume: 'KC_DEMO_RESUME',
      },
      keys: [randomBytes(32).toString('base64url')],
    },
    routes: {
      authorization: AUTHORIZATION_ROUTE,
      token: '/protocol/openid-connect/token',
      userinfo: '/protocol/openid-connect/userinfo',
      jwks: '/protocol/openid-connect/certs',
      end_session: '/protocol/openid-connect/logout',
      introspection: '/protocol/openid-connect/token/introspect',
      revocation: '/protocol/openid-connect/revoke',
    },
    ttl: {
      AccessToken: TTL.accessToken,
      AuthorizationCode: TTL.code,
      ClientCredentials: TTL.accessToken,
      IdToken: TTL.accessToken,
      Interaction: TTL.interaction,
      Session: TTL.session,
      Grant: TTL.offlineToken,
      RefreshToken: (_ctx, token) =>
        token.scopes.has('offline_access') ? TTL.offlineToken : TTL.refreshToken,
    },
    pkce: {
      required: (_ctx, client) => findClient(client.clientId)?.pkceRequired ?? true,
    },
    clientBasedCORS: (_ctx, origin) => uris.webOrigins.includes(origin),
    // Keycloak issues a refresh token for every code flow, not only with offline_access
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Keycloak's "Revoke Refresh Token: OFF"
    rotateRefreshToken: false,
    features: {
      devInteractions: { enabled: false },
      // a single Bearer challenge, like Keycloak without DPoP
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client) => client.clientAuthMethod !== 'none',
      },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => {
          if (token.clientId !== client.clientId) {
            throw new oidc.errors.InvalidRequest('Unmatching clients')
          }
          return true
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          // a validated id_token_hint makes Keycloak log out without asking
          const hinted = ctx.oidc.entities.IdTokenHint !== undefined
          setPage(ctx, hinted ? renderLogoutAutoSubmitPage(form) : renderLogoutConfirmPage(form))
        },
        postLogoutSuccessSource: (ctx) => {
          setPage(ctx, renderLoggedOutPage())
        },
      },
      resourceIndicators: {
        enabled: true,
        // every token is for Keycloak's `account` audience, so every access token is a JWT
        defaultResource: (_ctx, _client, oneOf) => oneOf?.[0] ?? ACCOUNT_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== ACCOUNT_RESOURCE) throw new oidc.errors.InvalidTarget()
          return accountResourceServer
        },
      },
    },
    interactions: {
      url: (_ctx, interaction) => loginActionUrl(interaction.uid),
    },
    // Keycloak "Consent required: OFF": whatever the client-scope policy allowed is granted
    loadExistingGrant: async (ctx) => {
      const { client, session, params } = ctx.oidc
      if (!client || !session?.accountId) return undefined
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId)
      const scope = typeof params?.scope === 'string' ? params.scope : ''
      return grantScopes(grantId, session.accountId, client.clientId, scope)
    },
    extraParams: {
      // runs for every authorization request, whether or not the parameter is sent
      kc_requested_scope: (ctx, _value, client) => {
        const realmClient = findClient(client.clientId)
        const { params } = ctx.oidc
        if (!realmClient || !params) return
        // oidc-provider has already dropped offline_access (unless prompt=consent): read the raw value
        const raw: unknown = ctx.method === 'POST' ? ctx.oidc.body?.scope : ctx.query.scope
        const requested = splitScope(raw)
        const resolution = resolveClientScopes(realmClient, requested)
        if (!resolution.ok) {
          throw new oidc.errors.InvalidScope(
            `Invalid scopes: ${requested.join(' ')}`,
            resolution.invalid.join(' '),
          )
        }
        params.scope = resolution.scope.join(' ') || undefined
        params.kc_requested_scope = requested.join(' ') || undefined
      },
    },
    findAccount,
    extraTokenClaims,
    formats: {
      customizers: {
        jwt: (_ctx, token, jwt) => {
          // Keycloak's access tokens say typ JWT; RFC 9068's at+jwt is oidc-provider's default
          jwt.header = { typ: 'JWT' }
          if (token.kind === 'ClientCredentials') {
            const serviceAccount = token.clientId ? findServiceAccount(token.clientId) : undefined
            if (serviceAccount) jwt.payload.sub = serviceAccount.id
          } else {
            // Keycloak names the client in azp only
            delete jwt.payload.client_id
          }
        },
      },
    },
    renderError: (ctx, out) => {
      setPage(ctx, renderErrorPage(out.error_description ?? out.error, out.error))
    },
  }

  const provider = new oidc.Provider(issuer, configuration)

  // oidc-provider sets at_hash only for implicit/hybrid responses; the token endpoint never passes the
  // access token value to the ID token. Remember each value so findAccount can hand it over.
  // AccessToken inherits save() from BaseToken
  const { BaseToken } = provider
  provider.AccessToken.prototype.save = async function saveAndRemember(
    this: AccessToken,
  ): Promise<string> {
    const value = await BaseToken.prototype.save.call(this)
    accessTokenValues.set(this, value)
    return value
  }

  // Keycloak applies a client's default scopes to client_credentials too, and rejects unknown ones.
  provider.registerGrantType(
    'client_credentials',
    async (ctx) => {
      const { client } = ctx.oidc
      const realmClient = findClient(client.clientId)
      if (!realmClient) throw new oidc.errors.InvalidClient('client not found in realm')
      const requested = splitScope(ctx.oidc.params.scope)
      const resolution = resolveClientScopes(realmClient, requested)
      if (!resolution.ok) {
        throw new oidc.errors.InvalidScope(
          `Invalid scopes: ${requested.join(' ')}`,
          resolution.invalid.join(' '),
        )
      }
      const scope = resolution.scope.filter((name) => name !== 'offline_access').join(' ')
      const token = new provider.ClientCredentials({ client, scope })
      token.resourceServer = new provider.ResourceServer(ACCOUNT_RESOURCE, accountResourceServer)
      ctx.oidc.entity('ClientCredentials', token)
      const value = await token.save()
      ctx.body = {
        access_token: value,
        expires_in: token.expiration,
        token_type: 'Bearer',
        scope,
      }
    },
    ['scope', 'resource'],
    ['resource'],
  )

  const now = () => Math.floor(Date.now() / 1000)
  provider.on('access_token.issued', (token) => {
    registry.remember(token.jti, now() + token.expiration, {
      clientId: token.clientId ?? '',
      accountId: token.accountId,
      grantId: token.grantId,
      sessionUid: token.sessionUid,
      expiresWithSession: token.expiresWithSession === true,
    })
  })
  provider.on('client_credentials.issued', (token) => {
    registry.remember(token.jti, now() + token.expiration, {
      clientId: token.clientId ?? '',
      expiresWithSession: false,
    })
  })
  provider.on('grant.error', (_ctx, error) => {
    // the client only sees a generic "grant request is invalid"; the reason is worth showing here
    const detail = 'error_detail' in error ? String(error.error_detail) : error.error_description
    log(`token: ${error.error} (${detail ?? error.message})`)
  })
  provider.on('authorization.error', (_ctx, error) => {
    log(`authorize: ${error.error} (${error.error_description ?? error.message})`)
  })
  provider.on('end_session.success', () => {
    log('logout: session ended')
  })
  provider.on('server_error', (_ctx, error) => {
    log(`server error: ${error.stack ?? error.message}`)
  })

  const tokenDeps = {
    provider,
    issuer,
    publicKey: signingKey.publicKey,
    registry,
    webOrigins: uris.webOrigins,
    log,
  }

  provider.use(userinfoMiddleware(tokenDeps))
  provider.use(structuredTokenMiddleware(tokenDeps))
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => {
    await next()
    const routed = (ctx as Partial<KoaContextWithOIDC>).oidc
    if (routed?.route !== 'token' || ctx.status !== 200 || !isRecord(ctx.body)) return
    // the extra fields of Keycloak's token response
    const { refresh_token: refreshToken, ...rest } = ctx.body
    const sessionUid = routed.entities.AccessToken?.sessionUid
    ctx.body = {
      ...rest,
      refresh_expires_in: refreshToken ? (routed.entities.RefreshToken?.remainingTTL ?? 0) : 0,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      'not-before-policy': 0,
      ...(sessionUid ? { session_state: sessionUid } : {}),
    }
  })

  return { provider, store, registry, grantScopes }
}
