import { describe, expect, test } from 'vitest'
import { compareScopes, scopeForClaim } from './scope-comparison'
import { parseScope, SCOPE_NOTES } from './scopes'

describe('parseScope', () => {
  test.each([
    { input: 'openid profile email', expected: ['openid', 'profile', 'email'] },
    { input: '  openid\t profile  openid ', expected: ['openid', 'profile'] },
    { input: '', expected: [] },
    { input: undefined, expected: [] },
    { input: null, expected: [] },
    { input: ['openid email', 'email'], expected: ['openid', 'email'] },
    { input: 'repo,gist', expected: ['repo,gist'] },
    {
      input: 'api:read https://graph.microsoft.com/User.Read',
      expected: ['api:read', 'https://graph.microsoft.com/User.Read'],
    },
  ])('$input', ({ input, expected }) => {
    expect(parseScope(input)).toEqual(expected)
  })
})

describe('compareScopes', () => {
  test('Keycloak default scopes are added', () => {
    const c = compareScopes({ requested: ['openid'], granted: 'openid profile email' })
    expect(c.grantedSource).toBe('token_response')
    expect(c.granted).toEqual({
      scopes: ['openid', 'profile', 'email'],
      added: ['profile', 'email'],
      dropped: [],
      hasOpenid: true,
    })
    expect(c.notes).toEqual([
      'The provider granted “profile”, “email” without being asked: usually default client scopes (Keycloak adds a client’s default scopes to every request).',
    ])
  })

  test('a scope not assigned to the client is dropped', () => {
    const c = compareScopes({ requested: 'openid phone', granted: 'openid' })
    expect(c.granted.dropped).toEqual(['phone'])
    expect(c.notes).toEqual([
      'The provider did not grant “phone”: not assigned to the client (Keycloak: neither a default nor an optional client scope), unknown, or refused by policy.',
    ])
  })

  test('omitted scope means same as requested (RFC 6749 §5.1)', () => {
    const c = compareScopes({ requested: ['profile', 'email'] })
    expect(c.grantedSource).toBe('assumed_same_as_requested')
    expect(c.granted).toEqual({
      scopes: ['profile', 'email'],
      added: [],
      dropped: [],
      hasOpenid: false,
    })
    expect(c.notes).toEqual([
      'The token response has no “scope”, so by RFC 6749 §5.1 the granted scope is the requested one.',
    ])
    expect(c.accessToken).toBeUndefined()
  })

  test.each([
    {
      name: 'access token agrees',
      at: 'openid email',
      accessToken: { added: [], dropped: [], hasOpenid: true },
      note: undefined,
    },
    {
      name: 'access token lacks openid',
      at: 'email',
      accessToken: { added: [], dropped: ['openid'], hasOpenid: false },
      note: 'The access token’s own scope claim differs from the token response: it lacks “openid”.',
    },
    {
      name: 'access token as scp array with more',
      at: ['openid', 'email', 'api'],
      accessToken: { added: ['api'], dropped: [], hasOpenid: true },
      note: 'The access token’s own scope claim differs from the token response: it adds “api”.',
    },
    {
      name: 'both',
      at: 'email api',
      accessToken: { added: ['api'], dropped: ['openid'], hasOpenid: false },
      note: 'The access token’s own scope claim differs from the token response: it lacks “openid” and it adds “api”.',
    },
  ])('$name', ({ at, accessToken, note }) => {
    const c = compareScopes({
      requested: 'openid email',
      granted: 'openid email',
      accessTokenScope: at,
    })
    expect(c.accessToken).toMatchObject(accessToken)
    expect(c.notes.at(-1)).toBe(note)
  })
})

describe('SCOPE_NOTES / scopeForClaim', () => {
  test('has one line for every well-known scope', () => {
    for (const scope of [
      'openid',
      'profile',
      'email',
      'address',
      'phone',
      'offline_access',
      'roles',
      'web-origins',
      'microprofile-jwt',
      'acr',
      'basic',
    ]) {
      expect(SCOPE_NOTES[scope]).toMatch(/\S/)
      expect(SCOPE_NOTES[scope]).not.toContain('\n')
    }
  })

  test.each([
    ['email', 'email'],
    ['email_verified', 'email'],
    ['preferred_username', 'profile'],
    ['realm_access', 'roles'],
    ['groups', 'microprofile-jwt'],
    ['custom', undefined],
  ])('%s comes with %s', (claim, scope) => {
    expect(scopeForClaim(claim)).toBe(scope)
  })
})
