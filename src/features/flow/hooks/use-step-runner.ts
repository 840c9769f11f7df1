import { useMutation } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Lab } from '@/features/flow/lab'
import type { StepDefinition } from '@/features/flow/steps/types'

/**
 * Sends a step's request as a mutation: never retried (codes are single-use), one at a time.
 * `request` is what the step would send now, for the screen; `send` sends exactly that.
 */
export function useStepRunner<I>(lab: Lab, step: StepDefinition<unknown, I>) {
  const mutation = useMutation({
    mutationKey: ['step', step.id],
    mutationFn: (input: I) => lab.send(step, input),
  })
  const { mutate } = mutation
  const send = useCallback((input: I) => mutate(input), [mutate])
  return {
    send,
    pending: mutation.isPending || lab.statusOf(step) === 'running',
  }
}
