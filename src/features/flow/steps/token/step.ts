import type { HttpExchange } from '@/lib/http/types'
import { decodeJwt, type DecodedToken } from '@/lib/jwt/decode-jwt'
import { clientAuthFor } from '@/lib/lab-config/authorization'
import {
  diagnoseTokenError,
  diagnoseTokenResponse,
  type Diagnosis,
  type TokenErrorContext,
} from '@/lib/oidc/diagnose'
import { compareScopes, parseScope, type ScopeComparison } from '@/lib/oidc/scopes'
import { SPEC } from '@/lib/oidc/spec-links'
import { buildTokenRequest } from '@/lib/oidc/token-request'
import { processTokenResponse } from '@/lib/oidc/token-response'
import type { TokenEndpointResponse } from '@/lib/oidc/types'
import { callbackStep } from '@/features/flow/steps/callback/step'
import { blocked, type StepContext, type StepDefinition } from '@/features/flow/steps/types'

/** The decoded outcome of one token endpoint answer (code exchange, refresh…). */
export interface TokenResult {
  exchange: HttpExchange
  /** How many times this step sent its request in this run. */
  attempts: number
  response?: TokenEndpointResponse
  diagnosis?: Diagnosis
  idToken?: DecodedToken
  accessToken?: DecodedToken
  refreshToken?: DecodedToken
  /** Why there is no ID token, when there is none. */
  noIdToken?: Diagnosis
  scopes: ScopeComparison
  /** When this answer failed: the last earlier answer of the same step that brought tokens. */
  earlier?: TokenResult
}

/** The access token's `scope` (or Entra's `scp`) claim; undefined for opaque tokens. */
export function scopeClaim(token: DecodedToken | undefined): string | string[] | undefined {
  const scope = token?.payload?.scope ?? token?.payload?.scp
  if (typeof scope === 'string') return scope
  return Array.isArray(scope) ? scope.filter((s): s is string => typeof s === 'string') : undefined
}

/**
 * Decodes a token endpoint exchange into tokens and scopes, or diagnoses its failure. Shared by
 * every step that talks to the token endpoint. Pure.
 */
export function readTokenExchange(
  exchange: HttpExchange,
  attempts: number,
  requested: readonly string[],
  context: TokenErrorContext,
): TokenResult {
  const failed = (diagnosis: Diagnosis | undefined): TokenResult => ({
    exchange,
    attempts,
    diagnosis,
    scopes: compareScopes({ requested: [...requested] }),
  })
  if (!exchange.response) return failed(diagnoseTokenError(exchange, context))
  const result = processTokenResponse(exchange.response)
  if (!result.ok) return failed(diagnoseTokenError(exchange, context))
  const response = result.value
  const accessToken = decodeJwt(response.access_token)
  return {
    exchange,
    attempts,
    response,
    idToken: response.id_token ? decodeJwt(response.id_token) : undefined,
    accessToken,
    refreshToken: response.refresh_token ? decodeJwt(response.refresh_token) : undefined,
    noIdToken: diagnoseTokenResponse(response, { requestedScope: [...requested] })[0],
    scopes: compareScopes({
      requested: [...requested],
      granted: response.scope !== undefined ? parseScope(response.scope) : undefined,
      accessTokenScope: scopeClaim(accessToken),
    }),
  }
}

function deriveToken(context: StepContext): TokenResult | undefined {
  const sent = context.exchangesOf(tokenStep.id)
  const exchange = sent.at(-1)
  if (!exchange) return undefined
  const { config, flow } = context
  const earlierSuccess = sent
    .slice(0, -1)
    .some((x) => x.response !== undefined && x.response.status < 300)
  const receivedAt = flow.callback ? Date.parse(flow.callback.receivedAt) : NaN
  const read = (x: HttpExchange, attempt: number) =>
    readTokenExchange(x, attempt, config.scopes, {
      clientAuthMethod: clientAuthFor(config).method,
      isPublicClient: config.clientType === 'public',
      codeAlreadyExchanged: attempt > 1 || earlierSuccess,
      codeAgeSeconds: Number.isNaN(receivedAt)
        ? undefined
        : Math.max(0, Math.round((Date.parse(x.startedAt) - receivedAt) / 1000)),
      usedPkce: x.request.form?.some(([name]) => name === 'code_verifier') ?? false,
      origin: context.origin,
      tokenEndpoint: x.request.url,
    })
  const latest = read(exchange, sent.length)
  if (latest.response || !earlierSuccess) return latest
  const index = sent.findLastIndex(
    (x, i) => i < sent.length - 1 && (x.response?.status ?? 500) < 300,
  )
  const success = sent[index]
  return success ? { ...latest, earlier: read(success, index + 1) } : latest
}

/** The tokens a token-endpoint step brought: its answer, or the earlier one a failed resend left. */
export const tokensOf = (result: TokenResult | undefined): TokenResult | undefined =>
  result?.response ? result : result?.earlier

/** The code exchange: a direct POST that trades the single-use code (and verifier) for tokens. */
export const tokenStep: StepDefinition<TokenResult> = {
  id: 'token',
  phase: 'run',
  title: 'Token request',
  note: 'A direct POST from the app to the provider trades the code (and the PKCE verifier) for tokens.',
  spec: [SPEC.oauthTokenRequest, SPEC.oauthTokenResponse, SPEC.pkceVerify],
  prepare: (context) => {
    const callback = context.resultOf(callbackStep)
    const { document, config, flow } = context
    if (!document) return blocked('Waiting for the discovery document.')
    if (!callback?.validation.proceed || !callback.params.code)
      return blocked('Needs a callback with a valid code and state.')
    return {
      ok: true,
      request: buildTokenRequest({
        tokenEndpoint: document.token_endpoint,
        code: callback.params.code,
        redirectUri: context.redirectUri,
        clientId: config.clientId,
        codeVerifier: flow.request?.codeVerifier,
        auth: clientAuthFor(config),
      }),
    }
  },
  derive: deriveToken,
  status: (context, token) =>
    token
      ? token.response
        ? 'done'
        : 'fail'
      : tokenStep.prepare?.(context).ok
        ? 'ready'
        : 'waiting',
  diagnosis: (token) => token?.diagnosis,
  autoRun: true,
  record: (latest, lab) => {
    const token = tokensOf(latest) ?? latest
    return {
      grantedScope:
        token.response?.scope === undefined ? undefined : parseScope(token.response.scope),
      tokens: {
        idToken: token.response?.id_token,
        accessToken: token.response?.access_token,
        refreshToken: token.response?.refresh_token,
      },
      tokenStatus: token.exchange.response?.status,
      checks: { ...lab.checks },
    }
  },
}
