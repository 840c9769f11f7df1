/**
 * The client_credentials grant the way Keycloak answers it for a client with a service account:
 * the client's default scopes apply, unknown scopes are `invalid_scope`, and the token is about the
 * service-account user.
 */
import type * as OidcProviderModule from 'oidc-provider'
import type Provider from 'oidc-provider'
import type { TokenEndpointGrantContext } from 'oidc-provider'
import { splitScope } from './keycloak-compat.ts'
import { findClient } from './realm.ts'
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

export function registerClientCredentialsGrant(
  provider: Provider,
  oidc: typeof OidcProviderModule,
): void {
  async function clientCredentials(ctx: TokenEndpointGrantContext): Promise<void> {
    const { client } = ctx.oidc
    const scope = serviceAccountScope(oidc, client.clientId, ctx.oidc.params.scope)
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
  }
  provider.registerGrantType(
    'client_credentials',
    clientCredentials,
    ['scope', 'resource'],
    ['resource'],
  )
}
