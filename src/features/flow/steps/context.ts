import type { HttpExchange } from '@/lib/http/types'
import type { AnyStep, StepContext, StepInputs, StepStatus } from '@/features/flow/steps/types'

/** Every step's result and status for one state of the flow, derived in registry order. */
export interface DerivedSteps {
  context: StepContext
  results: ReadonlyMap<string, unknown>
  statuses: ReadonlyMap<string, StepStatus>
}

/**
 * Derives each step's result and status from the flow's inputs, in registry order, so a step may
 * read the results of the steps before it. Pure: no network, no storage, no `window`.
 */
export function deriveSteps(steps: readonly AnyStep[], inputs: StepInputs): DerivedSteps {
  const results = new Map<string, unknown>()
  const statuses = new Map<string, StepStatus>()
  const { discovery, flow, exchanges } = inputs
  const context: StepContext = {
    ...inputs,
    document: discovery.status === 'ok' ? discovery.document : undefined,
    exchangesOf: (stepId) =>
      (flow.sent[stepId] ?? [])
        .map((id) => exchanges.get(id))
        .filter((x): x is HttpExchange => x !== undefined),
    resultOf: <R>(step: { id: string }) => results.get(step.id) as R | undefined,
    statusOf: (step) => statuses.get(step.id) ?? 'waiting',
  }
  for (const step of steps) {
    const result = step.derive?.(context)
    if (result !== undefined) results.set(step.id, result)
    const status = flow.running.includes(step.id) ? 'running' : step.status(context, result)
    statuses.set(step.id, status)
  }
  return { context, results, statuses }
}
