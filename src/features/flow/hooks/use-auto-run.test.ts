import { describe, expect, test } from 'vitest'
import { flowReducer } from '@/features/flow/flow-reducer'
import { nextAutoRunStep } from '@/features/flow/hooks/use-auto-run'
import { FLOW_STEPS } from '@/features/flow/steps/registry'
import { keycloakTokenSuccess, keycloakCodeNotValid } from '@/testing/fixtures/provider-responses'
import { derive, recorded, returnedFlow, withSent } from '@/testing/step-inputs'
import type { HttpExchange } from '@/lib/wire/http-types'
import type { FlowState } from '@/features/flow/flow-reducer'

function next(flow: FlowState, exchanges: HttpExchange[] = []) {
  const { context, statuses } = derive(flow, exchanges)
  const result = nextAutoRunStep(
    { flow, context, statusOf: (s) => statuses.get(s.id) ?? 'waiting' },
    FLOW_STEPS,
  )
  return typeof result === 'object' ? result.send.id : result
}

const autoRun = (flow: FlowState): FlowState => ({ ...flow, autoRun: true })

describe('Run the whole flow', () => {
  test('sends the token step, then userinfo, then stops; never refresh or introspection', () => {
    expect(next(autoRun(returnedFlow()))).toBe('token')
    const token = recorded('token', keycloakTokenSuccess)
    expect(next(withSent(autoRun(returnedFlow()), [token]), [token])).toBe('userinfo')
    const userinfo = recorded('userinfo', keycloakTokenSuccess)
    expect(next(withSent(autoRun(returnedFlow()), [token, userinfo]), [token, userinfo])).toBe(
      'stop',
    )
  })

  test('stops at a failed step instead of sending the next', () => {
    expect(next(autoRun(returnedFlow('?code=c&state=forged')))).toBe('stop')
    const refused = recorded('token', keycloakCodeNotValid)
    expect(next(withSent(autoRun(returnedFlow()), [refused]), [refused])).toBe('stop')
  })

  test('waits while a step is on the wire, and does nothing unless asked', () => {
    const running = flowReducer(autoRun(returnedFlow()), { type: 'step/running', stepId: 'token' })
    expect(next(running)).toBe('wait')
    expect(next(returnedFlow())).toBe('wait')
  })
})
