import { sendRecorded } from '@/lib/http/recorded-fetch'
import { redactExchange } from '@/lib/http/redact'
import type { HttpExchange } from '@/lib/wire/http-types'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { ScopeSetResult } from '@/lib/matrix/build-matrix'
import type { RequestSecrets } from '@/lib/oidc/request-secrets'
import { parseScope } from '@/lib/oidc/scopes'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import type { LabRun } from '@/lib/runs/types'
import { flowReducer, initialFlowState, type FlowState } from '@/features/flow/flow-reducer'
import { buildRun } from '@/features/flow/hooks/use-run-recorder'
import type { Lab } from '@/features/flow/lab'
import { appliesTo } from '@/features/flow/steps/context'
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
  /** Absent for a grant without a redirect (client credentials). */
  authorizationUrl?: string
  /** Where the provider sent the browser back (from a frame or popup); absent without a redirect. */
  callbackUrl?: string
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
  return (await runFlowHeadless(input)).derived
}

/** A headless run: the derived steps, the flow state and the exchanges it sent, oldest first. */
export interface HeadlessFlow {
  derived: DerivedSteps
  flow: FlowState
  exchanges: HttpExchange[]
}

async function runFlowHeadless(input: HeadlessRunInput): Promise<HeadlessFlow> {
  const { config, document, secrets } = input
  const startedAt = new Date().toISOString()
  let flow = flowReducer(initialFlowState(config), { type: 'request/prepare', request: secrets })
  if (input.authorizationUrl !== undefined && input.callbackUrl !== undefined) {
    flow = flowReducer(flow, {
      type: 'request/start',
      url: input.authorizationUrl,
      startedAt,
      autoRun: true,
    })
    flow = flowReducer(flow, {
      type: 'callback/receive',
      callback: { url: input.callbackUrl, receivedAt: new Date().toISOString() },
    })
  } else {
    flow = flowReducer(flow, { type: 'run/start', autoRun: true })
    flow = { ...flow, request: { ...secrets, url: '', startedAt } }
  }
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
    if (typeof next !== 'object') return { derived, flow, exchanges: [...exchanges.values()] }
    const prepared = next.send.prepare?.(derived.context, undefined as never)
    if (!prepared?.ok) return { derived, flow, exchanges: [...exchanges.values()] }
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

/** A headless run as the history keeps it, and what went wrong in it. */
export interface RecordedHeadlessRun {
  /** The run as `buildRun` makes it for the history (no label yet, checks not run). */
  run: Omit<LabRun, 'label'>
  /** Each failed run step with its diagnosis code, in registry order (e.g. `token`, `invalid_grant`). */
  failures: { step: string; code?: string }[]
}

/**
 * Runs the guided steps without a page (authorization code with `callbackUrl`, or a grant without
 * redirect) and builds the run the history would save for it; tampering (a replayed code, another
 * verifier, a forged callback) is done by the caller through the input.
 */
export async function runAndRecordHeadless(
  input: HeadlessRunInput,
  id: string,
): Promise<RecordedHeadlessRun> {
  const { derived, flow, exchanges } = await runFlowHeadless(input)
  const createdAt = new Date().toISOString()
  // buildRun and the steps' `record` read only these members of the lab
  const source: Lab = {
    flow,
    config: input.config,
    context: derived.context,
    exchanges,
    checks: { idToken: [], accessToken: [], userinfo: [] },
    resultOf: (step) => derived.context.resultOf(step),
  } as Partial<Lab> as Lab
  const run = buildRun(source, FLOW_STEPS, id, createdAt) ?? {
    v: 1,
    id,
    createdAt,
    issuer: input.document.issuer,
    clientId: input.config.clientId,
    clientType: input.config.clientType,
    requestedScope: input.config.scopes,
    tokens: {},
    checks: { idToken: [], accessToken: [], userinfo: [] },
    exchanges: exchanges.map((x) => redactExchange(x, { tokens: false })),
  }
  const failures = FLOW_STEPS.filter(
    (step) =>
      step.phase === 'run' &&
      appliesTo(step, input.config.grant) &&
      derived.statuses.get(step.id) === 'fail',
  ).map((step) => ({ step: step.id, code: step.diagnosis?.(derived.results.get(step.id))?.code }))
  return { run, failures }
}
