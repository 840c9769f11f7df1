import { describe, expect, test } from 'vitest'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { userinfoStep, type UserinfoResult } from '@/features/flow/steps/userinfo/step'
import { unsignedToken } from '@/testing/fixtures/jwt-signing'
import {
  KC_ISSUER,
  keycloakUserinfoMissingOpenid,
  keycloakUserinfoSuccess,
} from '@/testing/fixtures/provider-responses'
import { derive, recorded, returnedFlow, withSent } from '@/testing/step-inputs'

const tokenResponse = (scope: string): HttpResponseRecord => ({
  status: 200,
  statusText: 'OK',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    access_token: unsignedToken(
      { alg: 'RS256', typ: 'JWT' },
      { iss: KC_ISSUER, sub: 'u-1', scope, exp: 4_000_000_000 },
    ),
    token_type: 'Bearer',
    scope,
  }),
})

describe('userinfo step', () => {
  test('waits for an access token, then prepares the Bearer request with it', () => {
    const before = derive(returnedFlow())
    expect(userinfoStep.prepare?.(before.context)).toEqual({
      ok: false,
      reason: 'Needs an access token from the token request.',
    })
    const token = recorded('token', tokenResponse('openid profile'))
    const after = derive(withSent(returnedFlow(), [token]), [token])
    const prepared = userinfoStep.prepare?.(after.context)
    expect(prepared?.ok && prepared.request.headers.Authorization).toMatch(/^Bearer ey/)
    expect(after.statuses.get('userinfo')).toBe('ready')
  })

  test('a 403 for a token without openid is insufficient_scope, with a rerun with openid', () => {
    const token = recorded('token', tokenResponse('profile email'))
    const userinfo = recorded('userinfo', keycloakUserinfoMissingOpenid)
    const { results, statuses } = derive(
      withSent(returnedFlow('?code=c&state=st-1', { scopes: ['profile', 'email'] }), [
        token,
        userinfo,
      ]),
      [token, userinfo],
    )
    const result = results.get('userinfo') as UserinfoResult
    expect(result.diagnosis?.code).toBe('insufficient_scope')
    expect(result.diagnosis?.action).toEqual({ kind: 'rerun_with_scope', scope: 'openid' })
    expect(statuses.get('userinfo')).toBe('fail')
  })

  test('a 200 gives the claims and the step is done', () => {
    const token = recorded('token', tokenResponse('openid email'))
    const userinfo = recorded('userinfo', keycloakUserinfoSuccess)
    const { results, statuses } = derive(withSent(returnedFlow(), [token, userinfo]), [
      token,
      userinfo,
    ])
    expect((results.get('userinfo') as UserinfoResult).claims?.sub).toBeDefined()
    expect(statuses.get('userinfo')).toBe('done')
  })
})
