import type { HttpExchange } from '@/lib/wire/http-types'
import { clientAuthFor } from '@/lib/lab-config/authorization'
import { parseScope } from '@/lib/oidc/scopes'
import { SPEC } from '@/lib/oidc/spec-links'
import { buildTokenRequest } from '@/lib/oidc/token-request'
import { readTokenExchange, tokensOf, type TokenResult } from '@/features/flow/steps/token-result'
import { callbackStep } from '@/features/flow/steps/callback/step'
import { blocked, type StepContext, type StepDefinition } from '@/features/flow/steps/types'

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
      authMethodsSupported: context.document?.token_endpoint_auth_methods_supported,
    })
  const latest = read(exchange, sent.length)
  if (latest.response || !earlierSuccess) return latest
  const index = sent.findLastIndex(
    (x, i) => i < sent.length - 1 && (x.response?.status ?? 500) < 300,
  )
  const success = sent[index]
  return success ? { ...latest, earlier: read(success, index + 1) } : latest
}

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
        // RFC 6749 §4.1.3 has no scope here; sending one shows what the provider does with it
        extra: { scope: config.tokenRequestScope.trim() || undefined },
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
  grants: ['authorization_code'],
  tokens: tokensOf,
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
