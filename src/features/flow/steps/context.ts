import type { HttpExchange } from '@/lib/wire/http-types'
import type { TokenResult } from '@/features/flow/steps/token-result'
import type { AnyStep, StepContext, StepInputs, StepStatus } from '@/features/flow/steps/types'

/** Every step's result and status for one state of the flow. */
export interface DerivedSteps {
  context: StepContext
  results: ReadonlyMap<string, unknown>
  statuses: ReadonlyMap<string, StepStatus>
}

/** Whether a step takes part in the setup's grant. */
export const appliesTo = (step: AnyStep, grant: StepInputs['config']['grant']): boolean =>
  !step.grants || step.grants.includes(grant)

/**
 * Derives each step's result and status from the flow's inputs. Results are computed on first
 * use, so a step may read any other step's result whatever their order on the page; a step of
 * another grant has none. Pure: no network, no storage, no `window`.
 */
export function deriveSteps(steps: readonly AnyStep[], inputs: StepInputs): DerivedSteps {
  const results = new Map<string, unknown>()
  const statuses = new Map<string, StepStatus>()
  const computing = new Set<string>()
  const { discovery, flow, exchanges, config } = inputs
  const byId = new Map(steps.map((s) => [s.id, s]))

  function resultOf(step: AnyStep): unknown {
    if (results.has(step.id) || computing.has(step.id)) return results.get(step.id)
    const own = byId.get(step.id) ?? step
    if (!appliesTo(own, config.grant) || !own.derive) return undefined
    computing.add(step.id)
    const result = own.derive(context)
    computing.delete(step.id)
    if (result !== undefined) results.set(step.id, result)
    return result
  }

  function currentTokens(): TokenResult | undefined {
    let newest: TokenResult | undefined
    for (const step of steps) {
      const result = step.tokens ? resultOf(step) : undefined
      const tokens = result === undefined ? undefined : step.tokens?.(result)
      if (tokens && (!newest || tokens.exchange.startedAt >= newest.exchange.startedAt))
        newest = tokens
    }
    return newest
  }

  const context: StepContext = {
    ...inputs,
    document: discovery.status === 'ok' ? discovery.document : undefined,
    exchangesOf: (stepId) =>
      (flow.sent[stepId] ?? [])
        .map((id) => exchanges.get(id))
        .filter((x): x is HttpExchange => x !== undefined),
    resultOf: <R>(step: { id: string }) => resultOf(step as AnyStep) as R | undefined,
    statusOf: (step) => statuses.get(step.id) ?? 'waiting',
    currentTokens,
  }
  for (const step of steps) {
    if (!appliesTo(step, config.grant)) {
      statuses.set(step.id, 'waiting')
      continue
    }
    const result = resultOf(step)
    const status = flow.running.includes(step.id) ? 'running' : step.status(context, result)
    statuses.set(step.id, status)
  }
  return { context, results, statuses }
}
