/**
 * The realm's clients (`realm.ts`) as oidc-provider client metadata.
 */
import type { ClientMetadata, Configuration, KoaContextWithOIDC, Client } from 'oidc-provider'
import { findClient, type ClientUris, type RealmClient } from './realm.ts'

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'

function grantTypes(client: RealmClient): string[] {
  return [
    ...(client.standardFlow ? ['authorization_code'] : []),
    'refresh_token',
    ...(client.serviceAccount ? ['client_credentials'] : []),
    ...(client.deviceAuthorizationGrant ? [DEVICE_CODE_GRANT] : []),
  ]
}

export function toClientMetadata(client: RealmClient, uris: ClientUris): ClientMetadata {
  return {
    client_id: client.clientId,
    client_name: client.name,
    ...(client.type === 'public'
      ? { token_endpoint_auth_method: 'none' }
      : // basic and post are interchangeable in oidc-provider, as in Keycloak
        { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.secret }),
    grant_types: grantTypes(client),
    response_types: client.standardFlow ? ['code'] : [],
    redirect_uris: client.standardFlow ? uris.redirectUris : [],
    post_logout_redirect_uris: uris.postLogoutRedirectUris,
  }
}

/** Keycloak's per-client "Proof Key for Code Exchange Code Challenge Method". */
export function pkceRequired(_ctx: KoaContextWithOIDC, client: Client): boolean {
  return findClient(client.clientId)?.pkceRequired ?? true
}

/** Keycloak issues a refresh token for every code flow, not only with offline_access. */
export const issueRefreshToken: NonNullable<Configuration['issueRefreshToken']> = (_ctx, client) =>
  client.grantTypeAllowed('refresh_token')
