import { describe, expect, test } from 'vitest'
import {
  bearerChallenge,
  dropNonceWithoutOpenid,
  refreshFailureDescription,
  resolveClientScopes,
  resolveRefreshScope,
  userClaims,
  type RefusedRefreshToken,
} from './keycloak-compat.ts'
import { findClient, users, type RealmClient } from './realm.ts'

function client(clientId: string): RealmClient {
  const found = findClient(clientId)
  if (!found) throw new Error(`no client ${clientId}`)
  return found
}

describe('resolveClientScopes', () => {
  test.each([
    ['oidc-lab', '', ['profile']],
    ['oidc-lab', 'openid', ['openid', 'profile']],
    ['oidc-lab', 'openid email', ['openid', 'profile', 'email']],
    ['oidc-lab', 'email', ['profile', 'email']],
    ['oidc-lab', 'openid profile roles', ['openid', 'profile']],
    [
      'oidc-lab',
      'openid offline_access api:read',
      ['openid', 'profile', 'offline_access', 'api:read'],
    ],
    ['oidc-lab-defaults', 'openid', ['openid', 'profile', 'email']],
    [
      'oidc-lab-defaults',
      'openid phone address',
      ['openid', 'profile', 'email', 'phone', 'address'],
    ],
    ['oidc-lab-confidential', 'openid', ['openid', 'profile', 'email']],
  ])('%s requesting "%s" gets %j', (clientId, requested, expected) => {
    expect(resolveClientScopes(client(clientId), requested.split(' ').filter(Boolean))).toEqual({
      ok: true,
      scope: expected,
    })
  })

  test('anything neither default nor optional is invalid', () => {
    expect(resolveClientScopes(client('oidc-lab'), ['openid', 'foo', 'email', 'bar'])).toEqual({
      ok: false,
      invalid: ['foo', 'bar'],
    })
  })
})

describe('userClaims', () => {
  const [alice, bob, carol] = users
  if (!alice || !bob || !carol) throw new Error('demo users missing')

  test('only the claims of the granted scopes', () => {
    expect(userClaims(alice, new Set(['openid']))).toEqual({})
    expect(userClaims(alice, new Set(['profile']))).toEqual({
      name: 'Alice Liddell',
      given_name: 'Alice',
      family_name: 'Liddell',
      preferred_username: 'alice',
      locale: 'en',
    })
    expect(userClaims(alice, new Set(['email']))).toEqual({
      email: 'alice@example.com',
      email_verified: true,
    })
  })

  test('bob is unverified, carol has no email at all', () => {
    expect(userClaims(bob, new Set(['email']))).toEqual({
      email: 'bob@example.com',
      email_verified: false,
    })
    expect(userClaims(carol, new Set(['email']))).toEqual({ email_verified: false })
  })

  test('address and phone only for users who have them', () => {
    expect(userClaims(alice, new Set(['address', 'phone']))).toMatchObject({
      address: { country: 'GB' },
      phone_number: '+44 1865 000001',
      phone_number_verified: true,
    })
    expect(userClaims(bob, new Set(['address', 'phone']))).toEqual({})
  })
})

test('bearerChallenge names the realm like Keycloak', () => {
  expect(bearerChallenge()).toBe('Bearer realm="demo"')
  expect(
    bearerChallenge({ error: 'insufficient_scope', description: 'Missing openid scope' }),
  ).toBe(
    'Bearer realm="demo", error="insufficient_scope", error_description="Missing openid scope"',
  )
})

test.each([
  ['/auth?scope=email&nonce=n&state=s', '/auth?scope=email&state=s'],
  ['/auth?scope=openid+email&nonce=n', '/auth?scope=openid+email&nonce=n'],
  ['/auth?scope=email', '/auth?scope=email'],
])('dropNonceWithoutOpenid(%s)', (target, expected) => {
  expect(dropNonceWithoutOpenid(target)).toBe(expected)
})

describe('resolveRefreshScope: a narrower scope on refresh', () => {
  const granted = new Set(['openid', 'profile', 'email', 'phone'])
  test.each([
    ['openid email', ['openid', 'profile', 'email']],
    ['email', ['profile', 'email']],
    ['openid phone address', ['openid', 'profile', 'phone']],
  ])('oidc-lab asks for "%s"', (requested, expected) => {
    expect(resolveRefreshScope(client('oidc-lab'), requested.split(' '), granted)).toEqual(expected)
  })
})

describe('refreshFailureDescription: Keycloak TokenManager wording', () => {
  const alive: RefusedRefreshToken = {
    known: true,
    sameClient: true,
    expired: false,
    offline: false,
    sessionAlive: true,
    grantAlive: true,
  }
  test.each<[string, Partial<RefusedRefreshToken>, string | undefined]>([
    ['unknown', { known: false }, 'Invalid refresh token'],
    [
      'other client',
      { sameClient: false },
      "Invalid refresh token. Token client and authorized client don't match",
    ],
    ['expired', { expired: true, sessionAlive: false }, 'Token is not active'],
    ['logged out', { sessionAlive: false, grantAlive: false }, 'Session not active'],
    ['client detached', { grantAlive: false }, "Session doesn't have required client"],
    ['offline, revoked', { offline: true, grantAlive: false }, 'Offline user session not found'],
    ['offline, after logout', { offline: true, sessionAlive: false }, undefined],
    ['nothing known wrong', {}, undefined],
  ])('%s', (_name, facts, expected) => {
    expect(refreshFailureDescription({ ...alive, ...facts })).toBe(expected)
  })
})
