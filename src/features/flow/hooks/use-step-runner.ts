import { useCallback, useEffect, useRef, useState } from 'react'
import type { Lab } from '@/features/flow/lab'
import type { StepDefinition } from '@/features/flow/steps/types'

/**
 * Sends a step's request: never retried (codes are single-use), one at a time (a second click
 * while one is in flight does nothing). `send` sends exactly what the step shows now.
 *
 * The send button is disabled while the request runs, which would drop keyboard focus to `<body>`:
 * `resultRef` goes on the step's result container (with `tabIndex={-1}`), and focus moves there
 * once the answer of a send from this hook arrives (never for auto-run or restored results).
 */
export function useStepRunner<I>(lab: Lab, step: StepDefinition<unknown, I>) {
  const [inFlight, setInFlight] = useState(false)
  const { send: sendStep } = lab
  const result = lab.resultOf(step)
  const resultRef = useRef<HTMLDivElement>(null)
  // the result shown when the user sent; a different one is the answer to focus
  const awaiting = useRef<{ before: unknown } | undefined>(undefined)
  useEffect(() => {
    if (!awaiting.current || result === awaiting.current.before) return
    awaiting.current = undefined
    // the answer starts right under the button just pressed: no jump of the page
    resultRef.current?.focus({ preventScroll: true })
  }, [result])
  const send = useCallback(
    (input: I) => {
      if (inFlight) return
      awaiting.current = { before: result }
      setInFlight(true)
      // a failure is recorded as the step's exchange (or abandoned in the flow): nothing to rethrow
      void sendStep(step, input)
        .catch(() => undefined)
        .finally(() => setInFlight(false))
    },
    [inFlight, result, sendStep, step],
  )
  return { send, pending: inFlight || lab.statusOf(step) === 'running', resultRef }
}
