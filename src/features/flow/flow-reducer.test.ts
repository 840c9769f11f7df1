import { describe, expect, test } from 'vitest'
import type { HttpExchange } from '@/lib/wire/http-types'
import { defaultConfig } from '@/lib/lab-config/lab-config'
import { flowReducer, initialFlowState, type FlowState } from '@/features/flow/flow-reducer'

const config = defaultConfig('http://localhost:8080/realms/demo')
const request = { state: 's1', nonce: 'n1', codeVerifier: 'v1', codeChallenge: 'c1' }
const exchange = (id: string): HttpExchange => ({
  id,
  startedAt: '2026-11-23T10:00:00.000Z',
  durationMs: 12,
  request: { method: 'POST', url: 'http://localhost:8080/token', headers: {} },
  response: { status: 200, statusText: 'OK', headers: {}, body: '{}' },
})

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
    state = flowReducer(state, { type: 'token/record', exchange: exchange('a') })
    const same = flowReducer(state, {
      type: 'callback/receive',
      callback: { url: 'http://app/callback?code=1', receivedAt: 't2' },
    })
    expect(same).toBe(state)
    const next = flowReducer(state, {
      type: 'callback/receive',
      callback: { url: 'http://app/callback?code=2', receivedAt: 't3' },
    })
    expect(next.tokenExchanges).toEqual([])
    expect(next.callback?.url).toBe('http://app/callback?code=2')
  })

  test('every token exchange is kept in order, so a replay is visible next to the first answer', () => {
    let state = started()
    state = flowReducer(state, { type: 'token/record', exchange: exchange('a') })
    state = flowReducer(state, { type: 'token/record', exchange: exchange('b') })
    expect(state.tokenExchanges.map((x) => x.id)).toEqual(['a', 'b'])
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

  test('restart keeps the config and forgets the run', () => {
    const state = flowReducer(
      flowReducer(started(), { type: 'token/record', exchange: exchange('a') }),
      { type: 'flow/restart' },
    )
    expect(state).toEqual(initialFlowState(config))
  })
})
