import { useCallback, useState } from 'react'
import type { Lab } from '@/features/flow/lab'
import type { StepDefinition } from '@/features/flow/steps/types'

/**
 * Sends a step's request: never retried (codes are single-use), one at a time (a second click
 * while one is in flight does nothing). `send` sends exactly what the step shows now.
 */
export function useStepRunner<I>(lab: Lab, step: StepDefinition<unknown, I>) {
  const [inFlight, setInFlight] = useState(false)
  const { send: sendStep } = lab
  const send = useCallback(
    (input: I) => {
      if (inFlight) return
      setInFlight(true)
      // a failure is recorded as the step's exchange (or abandoned in the flow): nothing to rethrow
      void sendStep(step, input)
        .catch(() => undefined)
        .finally(() => setInFlight(false))
    },
    [inFlight, sendStep, step],
  )
  return { send, pending: inFlight || lab.statusOf(step) === 'running' }
}
