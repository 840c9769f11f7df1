import { expect, test } from 'vitest'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { unsignedToken } from '@/testing/fixtures/jwt-signing'
import { guessTokenRole } from './token-role'

const jwt = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
  decodeJwt(unsignedToken({ alg: 'RS256', ...header }, payload))

test.each([
  [
    'Keycloak ID token',
    { typ: 'ID', aud: 'spa', nonce: 'n' },
    {},
    { role: 'id', reason: 'its payload typ is "ID" (Keycloak)' },
  ],
  [
    'Keycloak access token, despite auth_time',
    { typ: 'Bearer', aud: 'account', auth_time: 1, scope: 'openid' },
    {},
    { role: 'access', reason: 'its payload typ is "Bearer" (Keycloak)' },
  ],
  [
    'Keycloak offline token',
    { typ: 'Offline' },
    {},
    { role: 'refresh', reason: 'its payload typ is "Offline" (Keycloak)' },
  ],
  [
    'RFC 9068 access token',
    { aud: 'api', nonce: 'n' },
    { typ: 'at+jwt' },
    { role: 'access', reason: 'its header typ is "at+jwt" (RFC 9068 access token)' },
  ],
  [
    'ID token with nonce',
    { aud: 'spa', nonce: 'n', scope: 'x' },
    {},
    { role: 'id', reason: 'it has aud and nonce, which ID tokens carry' },
  ],
  [
    'ID token with auth_time only',
    { aud: 'spa', auth_time: 1 },
    {},
    {
      role: 'id',
      reason: 'it has aud and auth_time but no scope or client_id: typical of an ID token',
    },
  ],
  [
    'access token with auth_time and scope',
    { aud: 'api', auth_time: 1, scope: 'openid' },
    {},
    { role: 'access', reason: 'it has scope, which access tokens carry' },
  ],
  [
    'nothing to go on',
    { sub: 'x' },
    {},
    { role: 'access', reason: 'no ID token markers (typ "ID", aud with nonce or auth_time)' },
  ],
  [
    'a typ that is an Object.prototype name',
    { typ: 'constructor', aud: 'x', nonce: 'n' },
    {},
    { role: 'id', reason: 'it has aud and nonce, which ID tokens carry' },
  ],
])('%s', (_name, payload, header, expected) => {
  expect(guessTokenRole(jwt(payload, header))).toEqual(expected)
})

test('opaque and unreadable tokens are treated as access tokens; a JWE as an ID token', () => {
  expect(guessTokenRole(decodeJwt('8f14e45f-ceea-467f-a2b3-1c2d3e4f5a6b')).role).toBe('access')
  expect(guessTokenRole(decodeJwt('eyJhbGciOiJSUzI1NiJ9.%%%.x')).role).toBe('access')
  expect(
    guessTokenRole(decodeJwt('eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.AAAA.AAAA.AAAA.AAAA'))
      .role,
  ).toBe('id')
})
