/**
 * What the realm listens to on oidc-provider's events: the JWT access tokens it issues (so userinfo,
 * introspection and revocation can find them) and the log lines a developer wants to see.
 */
import type Provider from 'oidc-provider'
import type { AccessTokenRegistry } from './access-token-endpoints.ts'

const now = () => Math.floor(Date.now() / 1000)

export function trackIssuedAccessTokens(provider: Provider, registry: AccessTokenRegistry): void {
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
}

export function logProviderEvents(provider: Provider, log: (line: string) => void): void {
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
}
