import { useMutation } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import type { Lab } from '@/features/flow/lab'
import type { StepDefinition } from '@/features/flow/steps/types'

/**
 * Sends a step's request as a mutation: never retried (codes are single-use), one at a time.
 * `request` is what the step would send now, for the screen; `send` sends exactly that.
 *
 * The send button is disabled while the request runs, which would drop keyboard focus to `<body>`:
 * `resultRef` goes on the step's result container (with `tabIndex={-1}`), and focus moves there
 * once the answer of a send from this hook arrives (never for auto-run or restored results).
 */
export function useStepRunner<I>(lab: Lab, step: StepDefinition<unknown, I>) {
  const mutation = useMutation({
    mutationKey: ['step', step.id],
    mutationFn: (input: I) => lab.send(step, input),
  })
  const { mutate } = mutation
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
      awaiting.current = { before: result }
      mutate(input)
    },
    [mutate, result],
  )
  return {
    send,
    pending: mutation.isPending || lab.statusOf(step) === 'running',
    resultRef,
  }
}
