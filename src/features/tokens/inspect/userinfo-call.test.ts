import { describe, expect, test } from 'vitest'
import type { HttpExchange, HttpResponseRecord } from '@/lib/wire/http-types'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { buildUserinfoRequest } from '@/lib/oidc/userinfo'
import { unsignedToken } from '@/testing/fixtures/jwt-signing'
import { readUserinfoOutcome, resolveUserinfoIssuer } from './userinfo-call'

const ISSUER = 'http://localhost:8080/realms/demo'
const ENDPOINT = `${ISSUER}/protocol/openid-connect/userinfo`
const NOW = Math.floor(Date.now() / 1000)

const accessToken = (claims: Record<string, unknown>) =>
  decodeJwt(unsignedToken({ alg: 'RS256', typ: 'JWT' }, { iss: ISSUER, exp: NOW + 300, ...claims }))

function exchange(response?: Partial<HttpResponseRecord>, networkError?: string): HttpExchange {
  return {
    id: 'x',
    startedAt: new Date().toISOString(),
    durationMs: 5,
    request: buildUserinfoRequest(ENDPOINT, 'token'),
    ...(response
      ? { response: { status: 200, statusText: '', headers: {}, body: '', ...response } }
      : {}),
    ...(networkError ? { networkError } : {}),
  }
}

const json = (value: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
})

describe('resolveUserinfoIssuer', () => {
  test.each([
    ['', { iss: ISSUER }, { ok: true, issuer: ISSUER, from: 'iss' }],
    [` ${ISSUER} `, { iss: 'https://other.example' }, { ok: true, issuer: ISSUER, from: 'field' }],
    ['', undefined, { ok: false }],
    ['', { iss: 42 }, { ok: false }],
    ['', { iss: 'not a url' }, { ok: false }],
    ['ftp://x', { iss: ISSUER }, { ok: false }],
  ])('field %j, claims %j → %j', (field, claims, expected) => {
    expect(resolveUserinfoIssuer(field, claims)).toMatchObject(expected)
  })

  test('says what to enter when the token names no issuer', () => {
    expect(resolveUserinfoIssuer('', {})).toEqual({
      ok: false,
      reason: 'The token names no issuer (iss): enter the Issuer to find its userinfo endpoint.',
    })
  })
})

describe('readUserinfoOutcome', () => {
  test('403 insufficient_scope for a token without openid: diagnosed, no claims', () => {
    const outcome = readUserinfoOutcome(
      exchange({
        status: 403,
        headers: {
          'www-authenticate':
            'Bearer realm="demo", error="insufficient_scope", error_description="Missing openid scope"',
        },
        body: '{"error":"insufficient_scope","error_description":"Missing openid scope"}',
      }),
      { token: accessToken({ scope: 'profile email api:read' }), expectedIssuer: ISSUER },
    )
    expect(outcome.claims).toBeUndefined()
    expect(outcome.acceptedWithoutOpenid).toBe(false)
    expect(outcome.diagnosis?.code).toBe('insufficient_scope')
    expect(outcome.diagnosis?.known).toContain(
      'The access token’s scope is `profile email api:read`; it lacks `openid`.',
    )
  })

  test('2xx although the scope lacks openid: a fact about this provider, with the claims', () => {
    const outcome = readUserinfoOutcome(exchange(json({ sub: 'svc' })), {
      token: accessToken({ scp: ['api:read'] }),
    })
    expect(outcome).toEqual({ claims: { sub: 'svc' }, acceptedWithoutOpenid: true })
  })

  test.each([[{ scope: 'openid api:read' }], [{}]])(
    '2xx for a token with %j: claims, nothing surprising',
    (claims) => {
      const outcome = readUserinfoOutcome(exchange(json({ sub: 'svc' })), {
        token: accessToken(claims),
      })
      expect(outcome).toEqual({ claims: { sub: 'svc' }, acceptedWithoutOpenid: false })
    },
  )

  test('a signed userinfo response is decoded (not verified)', () => {
    const jwt = unsignedToken({ alg: 'RS256' }, { sub: 'svc' })
    const outcome = readUserinfoOutcome(
      exchange({ headers: { 'content-type': 'application/jwt' }, body: jwt }),
      { token: accessToken({ scope: 'openid' }) },
    )
    expect(outcome.jwt?.raw).toBe(jwt)
    expect(outcome.claims).toEqual({ sub: 'svc' })
  })

  test('401 with an expired token: invalid_token, expired', () => {
    const outcome = readUserinfoOutcome(
      exchange({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } }),
      { token: accessToken({ scope: 'openid', exp: NOW - 600 }) },
    )
    expect(outcome.diagnosis).toMatchObject({ code: 'invalid_token', detail: 'expired' })
  })

  test('no answer: cors_or_network, with the origin the token allows', () => {
    const outcome = readUserinfoOutcome(exchange(undefined, 'TypeError: Failed to fetch'), {
      token: accessToken({ scope: 'openid', 'allowed-origins': ['http://localhost:5173'] }),
      origin: 'http://localhost:4173',
    })
    expect(outcome.diagnosis?.code).toBe('cors_or_network')
    expect(JSON.stringify(outcome.diagnosis)).toContain(
      'allowed-origins claim is `http://localhost:5173` and does not include `http://localhost:4173`',
    )
    expect(outcome.claims).toBeUndefined()
  })
})
