import { useEffect } from 'react'
import type { Lab } from '@/features/flow/lab'
import { appliesTo } from '@/features/flow/steps/context'
import type { AnyStep } from '@/features/flow/steps/types'

// codes are single-use: the automatic run must never send the same step twice (StrictMode runs effects twice)
const autoSent = new Set<string>()

/**
 * The next step "Run the whole flow" should send, if any: the first auto-run step of the run phase
 * that has sent nothing yet, once it can be prepared. `stop` when nothing more can follow (a step
 * failed, or everything was sent); `wait` while discovery is still loading.
 */
export function nextAutoRunStep(
  lab: Pick<Lab, 'flow' | 'context' | 'statusOf'>,
  steps: readonly AnyStep[],
): { send: AnyStep } | 'stop' | 'wait' {
  const { flow, context } = lab
  const { grant } = context.config
  if (!flow.autoRun || flow.mode !== 'guided') return 'wait'
  if (grant === 'authorization_code' && !flow.callback) return 'wait'
  if (flow.running.length > 0) return 'wait'
  for (const step of steps.filter((s) => s.phase === 'run' && appliesTo(s, grant))) {
    if (lab.statusOf(step) === 'fail') return 'stop'
    if (!step.autoRun || context.exchangesOf(step.id).length > 0) continue
    if (step.prepare?.(context, undefined as never).ok) return { send: step }
    return context.discovery.status === 'loading' ? 'wait' : 'stop'
  }
  return 'stop'
}

/** "Run the whole flow": after the callback, send every auto-run step in order without pausing. */
export function useAutoRun(lab: Lab, steps: readonly AnyStep[]) {
  const next = lab.flow.autoRun ? nextAutoRunStep(lab, steps) : 'wait'
  const runKey = lab.flow.callback?.url ?? `run:${lab.flow.run}`
  const { dispatch, send } = lab
  const stepToSend = typeof next === 'object' ? next.send : undefined
  useEffect(() => {
    if (next === 'stop') {
      dispatch({ type: 'autorun/stop' })
      return
    }
    if (!stepToSend) return
    const key = `${runKey}#${stepToSend.id}`
    if (autoSent.has(key)) return
    autoSent.add(key)
    void send(stepToSend, undefined as never)
  }, [next, stepToSend, runKey, dispatch, send])
}
