import { describe, expect, test } from 'vitest'
import { callbackStep } from '@/features/flow/steps/callback/step'
import { derive, returnedFlow } from '@/testing/step-inputs'

describe('callback step', () => {
  test('the answer to this tab’s request proceeds: code read, state checked', () => {
    const { results, statuses } = derive(returnedFlow())
    const callback = results.get(callbackStep.id) as ReturnType<
      NonNullable<typeof callbackStep.derive>
    >
    expect(callback?.params.code).toBe('c-1')
    expect(callback?.validation.proceed).toBe(true)
    expect(callback?.diagnosis).toBeUndefined()
    expect(statuses.get('callback')).toBe('done')
  })

  test('a forged state is refused, diagnosed, and offers a new sign-in', () => {
    const { results, statuses } = derive(returnedFlow('?code=c-1&state=forged'))
    const callback = results.get(callbackStep.id) as ReturnType<
      NonNullable<typeof callbackStep.derive>
    >
    expect(callback?.validation.proceed).toBe(false)
    expect(callback?.diagnosis?.code).toBe('state_mismatch')
    expect(callback?.diagnosis?.action).toEqual({ kind: 'restart_flow' })
    expect(statuses.get('callback')).toBe('fail')
  })

  test('an error callback is diagnosed from the provider’s error code', () => {
    const { results } = derive(returnedFlow('?error=invalid_scope&state=st-1'), [])
    const callback = results.get(callbackStep.id) as ReturnType<
      NonNullable<typeof callbackStep.derive>
    >
    expect(callback?.diagnosis?.code).toBe('invalid_scope')
  })

  test('before any callback the step waits and has no result', () => {
    const flow = { ...returnedFlow(), callback: undefined }
    const { results, statuses } = derive(flow)
    expect(results.has('callback')).toBe(false)
    expect(statuses.get('callback')).toBe('waiting')
  })
})
