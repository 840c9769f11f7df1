import { clientAuthFor } from '@/lib/lab-config/authorization'
import { grantProblem } from '@/lib/lab-config/grants'
import { buildClientCredentialsRequest } from '@/lib/oidc/client-credentials'
import { parseScope } from '@/lib/oidc/scopes'
import { SPEC } from '@/lib/oidc/spec-links'
import {
  readTokenExchange,
  requestedScopeOf,
  tokensOf,
  type TokenResult,
} from '@/features/flow/steps/token-result'
import { blocked, type StepDefinition } from '@/features/flow/steps/types'

/** A backend's token: the client authenticates with its own secret, no user, no redirect. */
export const clientCredentialsStep: StepDefinition<TokenResult> = {
  id: 'client_credentials',
  phase: 'run',
  title: 'Client credentials token request',
  note: 'A backend asks for a token for itself: one POST with its own credentials, no browser and no user. The scope goes in this request, so openid only lands in the token if it is written here.',
  spec: [
    { label: 'RFC 6749 §4.4', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.4' },
    SPEC.oauthTokenResponse,
  ],
  grants: ['client_credentials'],
  prepare: (context) => {
    const { document, config } = context
    const problem = grantProblem(config, document)
    if (problem) return blocked(problem)
    if (!document) return blocked('Waiting for the discovery document.')
    return {
      ok: true,
      request: buildClientCredentialsRequest({
        tokenEndpoint: document.token_endpoint,
        clientId: config.clientId,
        auth: clientAuthFor(config),
        scope: config.tokenRequestScope.trim() || undefined,
      }),
    }
  },
  derive: (context) => {
    const sent = context.exchangesOf(clientCredentialsStep.id)
    const exchange = sent.at(-1)
    if (!exchange) return undefined
    const { config } = context
    return readTokenExchange(exchange, sent.length, requestedScopeOf(config), {
      clientAuthMethod: clientAuthFor(config).method,
      isPublicClient: config.clientType === 'public',
      grantType: 'client_credentials',
      origin: context.origin,
      tokenEndpoint: exchange.request.url,
      authMethodsSupported: context.document?.token_endpoint_auth_methods_supported,
    })
  },
  status: (context, token) =>
    token
      ? token.response
        ? 'done'
        : 'fail'
      : clientCredentialsStep.prepare?.(context).ok
        ? 'ready'
        : 'waiting',
  diagnosis: (token) => token?.diagnosis,
  autoRun: true,
  tokens: tokensOf,
  record: (token, lab) => ({
    grantedScope:
      token.response?.scope === undefined ? undefined : parseScope(token.response.scope),
    requestedScope: requestedScopeOf(lab.config),
    tokens: {
      idToken: token.response?.id_token,
      accessToken: token.response?.access_token,
      refreshToken: token.response?.refresh_token,
    },
    tokenStatus: token.exchange.response?.status,
    checks: { ...lab.checks },
  }),
}
