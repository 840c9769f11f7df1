import { clientAuthFor } from '@/lib/lab-config/authorization'
import { SPEC } from '@/lib/oidc/spec-links'
import { buildRefreshRequest } from '@/lib/oidc/token-request'
import {
  readTokenExchange,
  requestedScopeOf,
  type TokenResult,
} from '@/features/flow/steps/token-result'
import { blocked, type StepContext, type StepDefinition } from '@/features/flow/steps/types'

/** Every refresh of this run, oldest first; the last one is what the step shows. */
export interface RefreshResult {
  generations: TokenResult[]
  latest: TokenResult
  /** The newest tokens a refresh brought, and the generation they replaced. */
  current?: TokenResult
  previous?: TokenResult
  /** The latest attempt sent a refresh token that a refresh had already replaced. */
  reusedOld: boolean
}

/** `newest`: the current refresh token; `previous`: the one the last refresh replaced, sent again. */
export interface RefreshInput {
  scope: string
  token: 'newest' | 'previous'
}

export const REFRESH_DEFAULT: RefreshInput = { scope: '', token: 'newest' }

const sentToken = (x: TokenResult | undefined) =>
  x?.exchange.request.form?.find(([name]) => name === 'refresh_token')?.[1]

function deriveRefresh(context: StepContext): RefreshResult | undefined {
  const { config } = context
  const sent = context.exchangesOf(refreshStep.id)
  const generations = sent.map((exchange, i) =>
    readTokenExchange(exchange, i + 1, requestedScopeOf(config), {
      clientAuthMethod: clientAuthFor(config).method,
      isPublicClient: config.clientType === 'public',
      grantType: 'refresh_token',
      origin: context.origin,
      tokenEndpoint: exchange.request.url,
    }),
  )
  const latest = generations.at(-1)
  if (!latest) return undefined
  // while this step derives, the newest tokens are the grant's own (before any refresh)
  const timeline = [context.currentTokens(), ...generations].filter(
    (g): g is TokenResult => g?.response !== undefined,
  )
  const current = generations.includes(timeline.at(-1) as TokenResult) ? timeline.at(-1) : undefined
  const newestBeforeLatest = [context.currentTokens(), ...generations.slice(0, -1)]
    .filter((g) => g?.response)
    .at(-1)
  return {
    generations,
    latest,
    current,
    previous: current ? timeline.at(-2) : undefined,
    reusedOld:
      sentToken(latest) !== undefined &&
      sentToken(latest) !== newestBeforeLatest?.response?.refresh_token,
  }
}

/** Trades the newest refresh token for new tokens (RFC 6749 §6). */
export const refreshStep: StepDefinition<RefreshResult, RefreshInput> = {
  id: 'refresh',
  phase: 'run',
  title: 'Refresh',
  note: 'When the access token expires, the app trades the refresh token for new tokens, without the user. A refresh may ask for less scope, never for more.',
  spec: [SPEC.oauthRefresh],
  grants: ['authorization_code', 'client_credentials', 'device_code'],
  prepare: (context, input) => {
    const { document, config } = context
    const newest = context.currentTokens()
    const refreshToken =
      input.token === 'previous' ? sentToken(newest) : newest?.response?.refresh_token
    if (!document || !newest?.response?.refresh_token)
      return blocked('Needs a refresh token from the token request.')
    if (!refreshToken) return blocked('No refresh has replaced a refresh token yet.')
    return {
      ok: true,
      request: buildRefreshRequest({
        tokenEndpoint: document.token_endpoint,
        refreshToken,
        clientId: config.clientId,
        auth: clientAuthFor(config),
        scope: input.scope.trim() || undefined,
      }),
    }
  },
  derive: deriveRefresh,
  status: (context, refresh) =>
    refresh
      ? refresh.latest.response || refresh.reusedOld
        ? 'done'
        : 'fail'
      : refreshStep.prepare?.(context, REFRESH_DEFAULT).ok
        ? 'ready'
        : 'waiting',
  diagnosis: (refresh) => refresh?.latest.diagnosis,
  tokens: (refresh) => refresh.generations.filter((g) => g.response).at(-1),
}
