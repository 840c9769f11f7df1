import { describe, expect, test } from 'vitest'
import { defaultConfig } from '@/lib/lab-config/lab-config'
import { flowReducer, initialFlowState, type FlowState } from '@/features/flow/flow-reducer'

const config = defaultConfig('http://localhost:8080/realms/demo')
const request = { state: 's1', nonce: 'n1', codeVerifier: 'v1', codeChallenge: 'c1' }
const sent = (exchangeId: string) => ({ type: 'step/sent' as const, stepId: 'token', exchangeId })

function started(): FlowState {
  const prepared = flowReducer(initialFlowState(config), { type: 'request/prepare', request })
  return flowReducer(prepared, {
    type: 'request/start',
    url: 'http://idp/auth?x',
    startedAt: 't0',
    autoRun: true,
  })
}

describe('flowReducer', () => {
  test('starting keeps the prepared secrets and records the URL and the auto-run wish', () => {
    const state = started()
    expect(state.request).toEqual({ ...request, url: 'http://idp/auth?x', startedAt: 't0' })
    expect(state.autoRun).toBe(true)
  })

  test('starting without a prepared request changes nothing', () => {
    const state = initialFlowState(config)
    expect(
      flowReducer(state, { type: 'request/start', url: 'u', startedAt: 't', autoRun: false }),
    ).toBe(state)
  })

  test('a new callback clears the exchanges of the previous one; the same callback twice is a no-op', () => {
    let state = flowReducer(started(), {
      type: 'callback/receive',
      callback: { url: 'http://app/callback?code=1', receivedAt: 't1' },
    })
    state = flowReducer(state, sent('a'))
    const same = flowReducer(state, {
      type: 'callback/receive',
      callback: { url: 'http://app/callback?code=1', receivedAt: 't2' },
    })
    expect(same).toBe(state)
    const next = flowReducer(state, {
      type: 'callback/receive',
      callback: { url: 'http://app/callback?code=2', receivedAt: 't3' },
    })
    expect(next.sent).toEqual({})
    expect(next.callback?.url).toBe('http://app/callback?code=2')
  })

  test('every token exchange is kept in order, so a replay is visible next to the first answer', () => {
    let state = started()
    state = flowReducer(state, sent('a'))
    state = flowReducer(state, sent('b'))
    expect(state.sent.token).toEqual(['a', 'b'])
  })

  test.each([
    [{ usePkce: false }, true],
    [{ clientType: 'confidential' as const }, true],
    [{ scopes: ['openid'] }, false],
    [{ clientId: 'other' }, false],
  ])('config/update %j drops the prepared request: %s', (patch, dropped) => {
    const state = flowReducer(started(), { type: 'config/update', patch })
    expect(state.request === undefined).toBe(dropped)
    expect(state.config).toMatchObject(patch)
  })

  test('a step is running from its start until its exchange is recorded or abandoned', () => {
    let state = flowReducer(started(), { type: 'step/running', stepId: 'token' })
    expect(state.running).toEqual(['token'])
    expect(flowReducer(state, { type: 'step/running', stepId: 'token' })).toBe(state)
    state = flowReducer(state, sent('a'))
    expect(state.running).toEqual([])
    state = flowReducer(state, { type: 'step/running', stepId: 'userinfo' })
    expect(flowReducer(state, { type: 'step/abandoned', stepId: 'userinfo' }).running).toEqual([])
  })

  test('starting a new authorization forgets what the previous run sent', () => {
    const state = flowReducer(flowReducer(started(), sent('a')), {
      type: 'request/start',
      url: 'u2',
      startedAt: 't2',
      autoRun: false,
      mode: 'library',
    })
    expect(state.sent).toEqual({})
    expect(state.mode).toBe('library')
  })

  test('restart keeps the config and forgets the run', () => {
    const state = flowReducer(flowReducer(started(), sent('a')), { type: 'flow/restart' })
    // the run counter goes on: it keys "Run the whole flow" for grants without a callback
    expect(state).toEqual({ ...initialFlowState(config), run: 1 })
  })

  test('a run without a redirect forgets the last one and counts itself', () => {
    const state = flowReducer(flowReducer(started(), sent('a')), {
      type: 'run/start',
      autoRun: true,
    })
    expect(state.sent).toEqual({})
    expect(state.autoRun).toBe(true)
    expect(state.run).toBe(2)
  })
})
