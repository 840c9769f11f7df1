import type { HttpExchange, HttpResponseRecord } from '@/lib/wire/http-types'
import { defaultConfig, type LabConfig } from '@/lib/lab-config/lab-config'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import { flowReducer, initialFlowState, type FlowState } from '@/features/flow/flow-reducer'
import { deriveSteps } from '@/features/flow/steps/context'
import { FLOW_STEPS } from '@/features/flow/steps/registry'
import type { StepInputs } from '@/features/flow/steps/types'
import { keycloakDiscoveryDocument, KC_ISSUER } from '@/testing/fixtures/provider-responses'

export const ORIGIN = 'http://localhost:4173'
export const REQUEST = { state: 'st-1', nonce: 'no-1', codeVerifier: 've-1', codeChallenge: 'ch-1' }

/** A run that left for the provider and came back with this callback query. */
export function returnedFlow(
  query = `?code=c-1&state=st-1&iss=${encodeURIComponent(KC_ISSUER)}`,
  patch: Partial<LabConfig> = {},
): FlowState {
  let flow = initialFlowState({ ...defaultConfig(KC_ISSUER), ...patch })
  flow = flowReducer(flow, { type: 'request/prepare', request: REQUEST })
  flow = flowReducer(flow, {
    type: 'request/start',
    url: `${KC_ISSUER}/auth?nonce=no-1`,
    startedAt: '2026-12-01T10:00:00.000Z',
    autoRun: false,
  })
  return flowReducer(flow, {
    type: 'callback/receive',
    callback: { url: `${ORIGIN}/callback${query}`, receivedAt: '2026-12-01T10:00:05.000Z' },
  })
}

let counter = 0
/** A recorded exchange of a step, as `sendRecorded` would have stored it. */
export function recorded(
  stepId: string,
  response: HttpResponseRecord | undefined,
  form: [string, string][] = [],
): HttpExchange {
  counter += 1
  return {
    id: `x-${counter}`,
    stepId,
    startedAt: '2026-12-01T10:00:06.000Z',
    durationMs: 5,
    request: { method: 'POST', url: `${KC_ISSUER}/${stepId}`, headers: {}, form },
    ...(response ? { response } : { networkError: 'TypeError: Failed to fetch' }),
  }
}

/** Adds exchanges to the flow (ids) and to the store snapshot, as sending them would. */
export function withSent(flow: FlowState, exchanges: HttpExchange[]): FlowState {
  return exchanges.reduce(
    (f, x) => flowReducer(f, { type: 'step/sent', stepId: x.stepId ?? '', exchangeId: x.id }),
    flow,
  )
}

/** Every step derived for this flow against the Keycloak-shaped discovery fixture. */
export function derive(
  flow: FlowState,
  exchanges: HttpExchange[] = [],
  document: DiscoveryDocument = keycloakDiscoveryDocument,
) {
  const inputs: StepInputs = {
    config: flow.config,
    flow,
    discovery: { status: 'ok', document, exchange: recorded('discovery', undefined) },
    issuer: KC_ISSUER,
    origin: ORIGIN,
    redirectUri: `${ORIGIN}/callback`,
    exchanges: new Map(exchanges.map((x) => [x.id, x])),
  }
  return deriveSteps(FLOW_STEPS, inputs)
}
