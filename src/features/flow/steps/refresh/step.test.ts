import { describe, expect, test } from 'vitest'
import {
  REFRESH_DEFAULT,
  refreshStep,
  type RefreshResult,
} from '@/features/flow/steps/refresh/step'
import {
  keycloakTokenSuccess,
  oidcProviderGrantInvalid,
  oidcProviderTokenWithoutOpenid,
} from '@/testing/fixtures/provider-responses'
import { derive, recorded, returnedFlow, withSent } from '@/testing/step-inputs'

describe('refresh step', () => {
  test('sends the newest refresh token: the code exchange’s, then the last refresh’s', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const first = derive(withSent(returnedFlow(), [token]), [token])
    const prepared = refreshStep.prepare?.(first.context, REFRESH_DEFAULT)
    expect(prepared?.ok && prepared.request.form).toEqual(
      expect.arrayContaining([
        ['grant_type', 'refresh_token'],
        ['refresh_token', 'eyJhbGciOiJIUzUxMiJ9.eyJ0eXAiOiJSZWZyZXNoIn0.c2ln'],
      ]),
    )
    const refreshed = recorded('refresh', oidcProviderTokenWithoutOpenid)
    const second = derive(withSent(returnedFlow(), [token, refreshed]), [token, refreshed])
    expect(second.context.currentTokens()?.response?.refresh_token).toBe('yR2bJ0tQ3rVnYwZ8pXo1')
    const again = refreshStep.prepare?.(second.context, REFRESH_DEFAULT)
    expect(again?.ok && again.request.form).toContainEqual([
      'refresh_token',
      'yR2bJ0tQ3rVnYwZ8pXo1',
    ])
    expect(second.statuses.get('refresh')).toBe('done')
  })

  test('a refused refresh keeps the earlier tokens current and is diagnosed', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const refused = recorded('refresh', oidcProviderGrantInvalid)
    const { context, statuses, results } = derive(withSent(returnedFlow(), [token, refused]), [
      token,
      refused,
    ])
    expect(context.currentTokens()?.exchange.id).toBe(token.id)
    expect(statuses.get('refresh')).toBe('fail')
    expect(refreshStep.diagnosis?.(results.get('refresh') as never)?.code).toBe('invalid_grant')
  })

  test('without a refresh token the step waits', () => {
    expect(derive(returnedFlow()).statuses.get('refresh')).toBe('waiting')
  })
})

describe('refresh generations', () => {
  test('a rotation is compared with the generation it replaced; the replaced token can be sent again', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const refreshed = recorded('refresh', oidcProviderTokenWithoutOpenid, [
      ['refresh_token', 'eyJhbGciOiJIUzUxMiJ9.eyJ0eXAiOiJSZWZyZXNoIn0.c2ln'],
    ])
    const { context, results } = derive(withSent(returnedFlow(), [token, refreshed]), [
      token,
      refreshed,
    ])
    const refresh = results.get('refresh') as RefreshResult
    expect(refresh.previous?.exchange.id).toBe(token.id)
    expect(refresh.current?.exchange.id).toBe(refreshed.id)
    expect(refresh.reusedOld).toBe(false)
    const again = refreshStep.prepare?.(context, { scope: '', token: 'previous' })
    expect(again?.ok && again.request.form).toContainEqual([
      'refresh_token',
      'eyJhbGciOiJIUzUxMiJ9.eyJ0eXAiOiJSZWZyZXNoIn0.c2ln',
    ])
  })

  test('the replaced token sent again and refused: the fate is recorded as a reuse, the newest tokens stay', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const refreshed = recorded('refresh', oidcProviderTokenWithoutOpenid, [
      ['refresh_token', 'eyJhbGciOiJIUzUxMiJ9.eyJ0eXAiOiJSZWZyZXNoIn0.c2ln'],
    ])
    const reused = recorded('refresh', oidcProviderGrantInvalid, [
      ['refresh_token', 'eyJhbGciOiJIUzUxMiJ9.eyJ0eXAiOiJSZWZyZXNoIn0.c2ln'],
    ])
    const { context, results, statuses } = derive(
      withSent(returnedFlow(), [token, refreshed, reused]),
      [token, refreshed, reused],
    )
    const refresh = results.get('refresh') as RefreshResult
    expect(refresh.reusedOld).toBe(true)
    expect(refresh.latest.diagnosis?.code).toBe('invalid_grant')
    expect(context.currentTokens()?.exchange.id).toBe(refreshed.id)
    expect(statuses.get('refresh')).toBe('done')
  })

  test('a narrower scope is sent with the refresh', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const { context } = derive(withSent(returnedFlow(), [token]), [token])
    const prepared = refreshStep.prepare?.(context, { scope: 'openid', token: 'newest' })
    expect(prepared?.ok && prepared.request.form).toContainEqual(['scope', 'openid'])
  })
})
