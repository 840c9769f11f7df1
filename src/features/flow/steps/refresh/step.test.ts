import { describe, expect, test } from 'vitest'
import { refreshStep } from '@/features/flow/steps/refresh/step'
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
    const prepared = refreshStep.prepare?.(first.context)
    expect(prepared?.ok && prepared.request.form).toEqual(
      expect.arrayContaining([
        ['grant_type', 'refresh_token'],
        ['refresh_token', 'eyJhbGciOiJIUzUxMiJ9.eyJ0eXAiOiJSZWZyZXNoIn0.c2ln'],
      ]),
    )
    const refreshed = recorded('refresh', oidcProviderTokenWithoutOpenid)
    const second = derive(withSent(returnedFlow(), [token, refreshed]), [token, refreshed])
    expect(second.context.currentTokens()?.response?.refresh_token).toBe('yR2bJ0tQ3rVnYwZ8pXo1')
    const again = refreshStep.prepare?.(second.context)
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
