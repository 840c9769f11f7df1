import { describe, expect, test } from 'vitest'
import { tokenStep } from '@/features/flow/steps/token/step'
import { tokensOf, type TokenResult } from '@/features/flow/steps/token-result'
import { keycloakCodeNotValid, keycloakTokenSuccess } from '@/testing/fixtures/provider-responses'
import { derive, recorded, returnedFlow, withSent, ORIGIN } from '@/testing/step-inputs'

describe('token step', () => {
  test('prepares the code exchange from the callback, the verifier and the passed-in origin', () => {
    const { context, statuses } = derive(returnedFlow())
    const prepared = tokenStep.prepare?.(context)
    expect(prepared?.ok).toBe(true)
    if (!prepared?.ok) return
    expect(prepared.request.form).toEqual(
      expect.arrayContaining([
        ['grant_type', 'authorization_code'],
        ['code', 'c-1'],
        ['redirect_uri', `${ORIGIN}/callback`],
        ['code_verifier', 've-1'],
      ]),
    )
    expect(statuses.get('token')).toBe('ready')
  })

  test('a scope typed for /token goes into the code exchange; none, when the box is empty', () => {
    const flow = returnedFlow(undefined, { tokenRequestScope: 'openid email' })
    const prepared = tokenStep.prepare?.(derive(flow).context)
    expect(prepared?.ok && prepared.request.form).toContainEqual(['scope', 'openid email'])
    const plain = tokenStep.prepare?.(derive(returnedFlow()).context)
    expect(plain?.ok && plain.request.form?.some(([name]) => name === 'scope')).toBe(false)
  })

  test('blocked, and waiting, while the callback failed its checks', () => {
    const { context, statuses } = derive(returnedFlow('?code=c-1&state=forged'))
    expect(tokenStep.prepare?.(context)).toEqual({
      ok: false,
      reason: 'Needs a callback with a valid code and state.',
    })
    expect(statuses.get('token')).toBe('waiting')
  })

  test('a 200 is decoded into tokens and scopes, and the step is done', () => {
    const ok = recorded('token', keycloakTokenSuccess)
    const { results, statuses } = derive(withSent(returnedFlow(), [ok]), [ok])
    const token = results.get('token') as TokenResult
    expect(token.response?.scope).toBe('openid profile email')
    expect(token.idToken?.payload?.nonce).toBe('n')
    expect(token.accessToken?.payload?.scope).toBe('openid profile email')
    expect(token.attempts).toBe(1)
    expect(statuses.get('token')).toBe('done')
  })

  test('the same code sent again: the replay is diagnosed as invalid_grant after a success', () => {
    const first = recorded('token', keycloakTokenSuccess)
    const replay = recorded('token', keycloakCodeNotValid)
    const { results, statuses } = derive(withSent(returnedFlow(), [first, replay]), [first, replay])
    const token = results.get('token') as TokenResult
    expect(token.attempts).toBe(2)
    expect(token.diagnosis?.code).toBe('invalid_grant')
    expect(token.diagnosis?.action).toEqual({ kind: 'restart_flow' })
    expect(statuses.get('token')).toBe('fail')
    // the first answer's tokens stay: they are what the run has
    expect(token.earlier?.exchange.id).toBe(first.id)
    expect(tokensOf(token)?.response?.scope).toBe('openid profile email')
  })

  test('no HTTP answer (CORS or network) is diagnosed with the app’s origin', () => {
    const lost = recorded('token', undefined)
    const { results } = derive(withSent(returnedFlow(), [lost]), [lost])
    const token = results.get('token') as TokenResult
    expect(token.diagnosis?.code).toBe('cors_or_network')
    expect(JSON.stringify(token.diagnosis)).toContain(ORIGIN)
  })
})
