import { sendRecorded } from '@/lib/http/recorded-fetch'
import type { HttpExchange } from '@/lib/wire/http-types'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { ScopeSetResult } from '@/lib/matrix/build-matrix'
import type { RequestSecrets } from '@/lib/oidc/request-secrets'
import { parseScope } from '@/lib/oidc/scopes'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import { flowReducer, initialFlowState } from '@/features/flow/flow-reducer'
import { nextAutoRunStep } from '@/features/flow/hooks/use-auto-run'
import { deriveSteps, type DerivedSteps } from '@/features/flow/steps/context'
import { callbackStep } from '@/features/flow/steps/callback/step'
import { FLOW_STEPS } from '@/features/flow/steps/registry'
import { tokenStep } from '@/features/flow/steps/token/step'
import { userinfoStep } from '@/features/flow/steps/userinfo/step'

export interface HeadlessRunInput {
  config: LabConfig
  document: DiscoveryDocument
  secrets: RequestSecrets
  authorizationUrl: string
  /** Where the provider sent the browser back (from a frame or popup). */
  callbackUrl: string
  origin: string
  redirectUri: string
  signal: AbortSignal
  /** The label of the recorded exchanges in the log. */
  label: string
}

/**
 * Runs the guided flow's run steps for one callback without a page: the same step definitions,
 * the same order as "Run the whole flow" (callback checks, code exchange, userinfo).
 */
export async function runStepsHeadless(input: HeadlessRunInput): Promise<DerivedSteps> {
  const { config, document, secrets } = input
  let flow = flowReducer(initialFlowState(config), { type: 'request/prepare', request: secrets })
  flow = flowReducer(flow, {
    type: 'request/start',
    url: input.authorizationUrl,
    startedAt: new Date().toISOString(),
    autoRun: true,
  })
  flow = flowReducer(flow, {
    type: 'callback/receive',
    callback: { url: input.callbackUrl, receivedAt: new Date().toISOString() },
  })
  const exchanges = new Map<string, HttpExchange>()
  for (;;) {
    const derived = deriveSteps(FLOW_STEPS, {
      config,
      flow,
      discovery: { status: 'ok', document },
      issuer: document.issuer,
      origin: input.origin,
      redirectUri: input.redirectUri,
      exchanges,
    })
    const statusOf = (step: { id: string }) => derived.statuses.get(step.id) ?? 'waiting'
    const next = nextAutoRunStep({ flow, context: derived.context, statusOf }, FLOW_STEPS)
    if (typeof next !== 'object') return derived
    const prepared = next.send.prepare?.(derived.context, undefined as never)
    if (!prepared?.ok) return derived
    input.signal.throwIfAborted()
    const exchange = await sendRecorded(prepared.request, { stepId: input.label })
    exchanges.set(exchange.id, exchange)
    flow = flowReducer(flow, { type: 'step/sent', stepId: next.send.id, exchangeId: exchange.id })
  }
}

/** One scope set of the matrix, run through the guided steps and read into the matrix's shape. */
export async function runMatrixSet(
  input: HeadlessRunInput,
): Promise<Omit<ScopeSetResult, 'scopes'>> {
  const derived = await runStepsHeadless(input)
  const callback = derived.context.resultOf(callbackStep)
  const token = derived.context.resultOf(tokenStep)
  if (!token) {
    const error = callback?.params.error ?? callback?.validation.blockers[0]?.code ?? 'no code'
    return { claims: {}, error }
  }
  const response = token.response
  if (!response) {
    const why = token.diagnosis?.code ?? token.exchange.networkError ?? 'token request failed'
    return { claims: {}, error: `token: ${why}` }
  }
  const userinfo = derived.context.resultOf(userinfoStep)
  return {
    grantedScope: response.scope === undefined ? undefined : parseScope(response.scope),
    claims: {
      id_token: token.idToken?.payload,
      access_token: token.accessToken?.payload,
      userinfo: userinfo?.claims,
    },
    userinfoStatus: userinfo?.exchange.response?.status,
  }
}
