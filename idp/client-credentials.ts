/**
 * The client_credentials grant the way Keycloak answers it for a client with a service account:
 * the client's default scopes apply, unknown scopes are `invalid_scope`, the tokens are about the
 * service-account user, and `openid` in the scope adds an ID token.
 */
import type * as OidcProviderModule from 'oidc-provider'
import type Provider from 'oidc-provider'
import type { ClientCredentials, TokenEndpointGrantContext } from 'oidc-provider'
import { splitScope, userClaims, type Claims } from './keycloak-compat.ts'
import { findClient, findServiceAccount, type RealmUser } from './realm.ts'
import { resolveOrReject } from './scope-policy.ts'
import { ACCOUNT_RESOURCE, accountResourceServer } from './token-formats.ts'

function serviceAccountScope(
  oidc: typeof OidcProviderModule,
  clientId: string,
  scope: unknown,
): string {
  const realmClient = findClient(clientId)
  if (!realmClient) throw new oidc.errors.InvalidClient('client not found in realm')
  const granted = resolveOrReject(oidc, realmClient, splitScope(scope))
  return granted.filter((name) => name !== 'offline_access').join(' ')
}

/**
 * Keycloak's "service_account" client scope (not listed in `scope`): its mappers copy the
 * client's id and address into the tokens.
 */
export function serviceAccountNotes(clientId: string, remoteAddress: string): Claims {
  // an IPv4 caller on a dual-stack socket shows up as ::ffff:127.0.0.1
  const address = remoteAddress.replace(/^::ffff:/, '')
  return { client_id: clientId, clientHost: address, clientAddress: address }
}

/**
 * Keycloak generates an ID token for client_credentials when the scope has `openid`
 * (`OAuth2GrantTypeBase.createTokenResponseBuilder`: `TokenUtil.isOIDCRequest(scopeParam)`).
 */
async function serviceAccountIdToken(
  provider: Provider,
  ctx: TokenEndpointGrantContext,
  token: ClientCredentials,
  accessToken: string,
  serviceAccount: RealmUser,
): Promise<string | undefined> {
  if (!token.scopes.has('openid')) return undefined
  const { clientId } = ctx.oidc.client
  // set() claims go into the ID token as they are; oidc-provider hashes the raw at_hash value
  const idToken = new provider.IdToken({}, { ctx })
  const claims: Claims = {
    sub: serviceAccount.id,
    typ: 'ID',
    azp: clientId,
    acr: '1',
    at_hash: accessToken,
    ...userClaims(serviceAccount, token.scopes),
    ...serviceAccountNotes(clientId, ctx.ip),
  }
  for (const [name, value] of Object.entries(claims)) idToken.set(name, value)
  return idToken.issue({ use: 'idtoken' })
}

export function registerClientCredentialsGrant(
  provider: Provider,
  oidc: typeof OidcProviderModule,
): void {
  async function clientCredentials(ctx: TokenEndpointGrantContext): Promise<void> {
    const { client } = ctx.oidc
    const serviceAccount = findServiceAccount(client.clientId)
    if (!serviceAccount) {
      throw new oidc.errors.UnauthorizedClient('Client not enabled to retrieve service account')
    }
    const scope = serviceAccountScope(oidc, client.clientId, ctx.oidc.params.scope)
    const token = new provider.ClientCredentials({ client, scope })
    token.resourceServer = new provider.ResourceServer(ACCOUNT_RESOURCE, accountResourceServer)
    ctx.oidc.entity('ClientCredentials', token)
    const value = await token.save()
    const idToken = await serviceAccountIdToken(provider, ctx, token, value, serviceAccount)
    ctx.body = {
      access_token: value,
      expires_in: token.expiration,
      token_type: 'Bearer',
      ...(idToken ? { id_token: idToken } : {}),
      scope,
    }
  }
  provider.registerGrantType(
    'client_credentials',
    clientCredentials,
    ['scope', 'resource'],
    ['resource'],
  )
}
