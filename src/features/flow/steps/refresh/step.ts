import { clientAuthFor } from '@/lib/lab-config/authorization'
import { SPEC } from '@/lib/oidc/spec-links'
import { buildRefreshRequest } from '@/lib/oidc/token-request'
import { readTokenExchange, type TokenResult } from '@/features/flow/steps/token-result'
import { blocked, type StepContext, type StepDefinition } from '@/features/flow/steps/types'

/** Every refresh of this run, oldest first; the last one is what the step shows. */
export interface RefreshResult {
  generations: TokenResult[]
  latest: TokenResult
}

function deriveRefresh(context: StepContext): RefreshResult | undefined {
  const { config } = context
  const sent = context.exchangesOf(refreshStep.id)
  const generations = sent.map((exchange, i) =>
    readTokenExchange(exchange, i + 1, config.scopes, {
      clientAuthMethod: clientAuthFor(config).method,
      isPublicClient: config.clientType === 'public',
      grantType: 'refresh_token',
      origin: context.origin,
      tokenEndpoint: exchange.request.url,
    }),
  )
  const latest = generations.at(-1)
  return latest && { generations, latest }
}

/** Trades the newest refresh token for new tokens (RFC 6749 §6). */
export const refreshStep: StepDefinition<RefreshResult> = {
  id: 'refresh',
  phase: 'run',
  title: 'Refresh',
  note: 'When the access token expires, the app trades the refresh token for new tokens, without the user. The scope stays what was granted: a refresh cannot add one.',
  spec: [SPEC.oauthRefresh],
  prepare: (context) => {
    const { document, config } = context
    const refreshToken = context.currentTokens()?.response?.refresh_token
    if (!document || !refreshToken) return blocked('Needs a refresh token from the token request.')
    return {
      ok: true,
      request: buildRefreshRequest({
        tokenEndpoint: document.token_endpoint,
        refreshToken,
        clientId: config.clientId,
        auth: clientAuthFor(config),
      }),
    }
  },
  derive: deriveRefresh,
  status: (context, refresh) =>
    refresh
      ? refresh.latest.response
        ? 'done'
        : 'fail'
      : refreshStep.prepare?.(context).ok
        ? 'ready'
        : 'waiting',
  diagnosis: (refresh) => refresh?.latest.diagnosis,
  grants: ['authorization_code', 'client_credentials', 'device_code'],
  tokens: (refresh) => refresh.generations.filter((g) => g.response).at(-1),
}
