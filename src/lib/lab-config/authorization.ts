import type { LabConfig } from '@/lib/lab-config/lab-config'
import {
  buildAuthorizationUrl,
  shouldSendNonce,
  type AuthorizationUrl,
} from '@/lib/oidc/authorization-url'
import type { RequestSecrets } from '@/lib/oidc/request-secrets'
import type { ClientAuth } from '@/lib/oidc/client-auth'

/** Whether this setup uses PKCE: always for public clients, by choice for confidential ones. */
export const usesPkce = (config: LabConfig) => config.usePkce || config.clientType === 'public'

/** How this setup authenticates at the token endpoint: a public client sends only its client_id. */
export function clientAuthFor(
  config: Pick<LabConfig, 'clientType' | 'authMethod' | 'clientSecret'>,
): ClientAuth {
  return config.clientType === 'public'
    ? { method: 'none' }
    : { method: config.authMethod, clientSecret: config.clientSecret }
}

/**
 * The authorization URL for a lab setup and one request's secrets; `overrides` replaces extras
 * (e.g. `prompt=none` for the matrix). It does not check that the endpoint is reachable.
 */
export function buildLabAuthorizationUrl(
  authorizationEndpoint: string,
  config: LabConfig,
  secrets: RequestSecrets,
  redirectUri: string,
  overrides: Partial<LabConfig['extras']> = {},
): AuthorizationUrl {
  return buildAuthorizationUrl({
    authorizationEndpoint,
    clientId: config.clientId,
    redirectUri,
    scope: config.scopes,
    state: secrets.state,
    nonce: shouldSendNonce(config.scopes, config.nonceMode) ? secrets.nonce : undefined,
    codeChallenge: secrets.codeChallenge,
    codeChallengeMethod: secrets.codeChallenge ? 'S256' : undefined,
    responseType: 'code',
    extra: { ...config.extras, ...overrides },
  })
}
