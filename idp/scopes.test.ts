import { describe, expect, test } from 'vitest'
import {
  APP_ORIGIN,
  claims,
  createPkce,
  loginForTokens,
  REDIRECT_URI,
  startAuthorization,
  TestBrowser,
  userinfo,
  useTestRealm,
} from './test-support.ts'

const realm = useTestRealm()

describe('client scopes: openid (if requested) + defaults + requested optional', () => {
  test.each([
    ['oidc-lab', 'openid', 'openid profile', false],
    ['oidc-lab', 'openid email', 'openid profile email', true],
    ['oidc-lab', 'openid phone api:read', 'openid profile phone api:read', false],
    ['oidc-lab-defaults', 'openid', 'openid profile email', true],
    ['oidc-lab-defaults', 'openid email', 'openid profile email', true],
    ['oidc-lab-confidential', 'openid', 'openid profile email', true],
  ])('%s asking for "%s" gets "%s" (email: %s)', async (clientId, scope, granted, hasEmail) => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { clientId, scope })
    expect(tokens.scope).toBe(granted)
    const accessToken = claims(tokens.access_token)
    const idToken = claims(tokens.id_token)
    expect(accessToken.scope).toBe(granted)
    expect('email' in accessToken).toBe(hasEmail)
    expect('email' in idToken).toBe(hasEmail)
    // `roles` is a default scope that never shows in `scope`, but its claims are there
    expect(accessToken).toHaveProperty('realm_access.roles', expect.arrayContaining(['user']))
    expect(idToken.preferred_username).toBe('alice')
  })

  test('an unknown scope is an invalid_scope error redirect with state and iss', async () => {
    const response = await startAuthorization(new TestBrowser(), realm, {
      scope: 'openid foo',
      state: 'xyz',
      codeChallenge: createPkce().challenge,
    })
    expect(response.status).toBe(303)
    const location = new URL(response.headers.get('location') ?? '')
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI)
    expect(location.searchParams.get('error')).toBe('invalid_scope')
    expect(location.searchParams.get('error_description')).toBe('Invalid scopes: openid foo')
    expect(location.searchParams.get('state')).toBe('xyz')
    expect(location.searchParams.get('iss')).toBe(realm.issuer)
  })

  test('a default scope of another client is not an optional one of this client', async () => {
    const response = await startAuthorization(new TestBrowser(), realm, {
      clientId: 'oidc-lab-defaults',
      scope: 'openid unknown:write',
      codeChallenge: createPkce().challenge,
    })
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'invalid_scope',
    )
  })
})

describe('without openid: plain OAuth 2.0', () => {
  test('no ID token, and userinfo answers 403 Missing openid scope, readable by the app', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, {
      scope: 'email',
      // Keycloak ignores a nonce without openid; so does the realm
      nonce: 'ignored',
    })
    expect(tokens.id_token).toBeUndefined()
    expect(tokens.scope).toBe('profile email')
    expect(claims(tokens.access_token).scope).toBe('profile email')

    const response = await userinfo(realm, tokens.access_token, { origin: APP_ORIGIN })
    expect(response.status).toBe(403)
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="demo", error="insufficient_scope", error_description="Missing openid scope"',
    )
    expect(await response.json()).toEqual({
      error: 'insufficient_scope',
      error_description: 'Missing openid scope',
    })
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
    expect(response.headers.get('access-control-expose-headers')).toBe('WWW-Authenticate')
  })
})

describe('userinfo', () => {
  test('200 with the claims of the granted scopes; email only with the email scope', async () => {
    const plain = await loginForTokens(new TestBrowser(), realm, { scope: 'openid' })
    const withoutEmail = await userinfo(realm, plain.access_token, { origin: APP_ORIGIN })
    expect(withoutEmail.status).toBe(200)
    expect(withoutEmail.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
    const body = (await withoutEmail.json()) as Record<string, unknown>
    expect(body).toMatchObject({ sub: claims(plain.access_token).sub, name: 'Alice Liddell' })
    expect(body).not.toHaveProperty('email')

    const withEmail = await loginForTokens(new TestBrowser(), realm, {
      scope: 'openid email address phone',
    })
    expect(await (await userinfo(realm, withEmail.access_token)).json()).toMatchObject({
      email: 'alice@example.com',
      email_verified: true,
      address: { locality: 'Oxford' },
      phone_number: '+44 1865 000001',
    })
  })

  test('bob: email_verified false', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, {
      scope: 'openid email',
      username: 'bob',
    })
    expect(claims(tokens.id_token)).toMatchObject({
      email: 'bob@example.com',
      email_verified: false,
    })
    expect(await (await userinfo(realm, tokens.access_token)).json()).toMatchObject({
      email: 'bob@example.com',
      email_verified: false,
    })
  })

  test('carol: no email claim at all, even with the email scope', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, {
      scope: 'openid email',
      username: 'carol',
    })
    expect(tokens.scope).toBe('openid profile email')
    expect(claims(tokens.id_token)).not.toHaveProperty('email')
    expect(claims(tokens.access_token)).not.toHaveProperty('email')
    const body = (await (await userinfo(realm, tokens.access_token)).json()) as Record<
      string,
      unknown
    >
    expect(body).not.toHaveProperty('email')
    expect(body.preferred_username).toBe('carol')
  })

  test('no token: 401 with a bare Bearer challenge', async () => {
    const response = await fetch(realm.endpoint('userinfo'), { headers: { origin: APP_ORIGIN } })
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="demo"')
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
  })

  test('a tampered or garbage token: 401 invalid_token', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid' })
    const [headerPart, payload, signature = ''] = tokens.access_token.split('.')
    const tampered = `${headerPart}.${payload}.${signature.slice(0, -4)}AAAA`
    for (const token of [tampered, 'garbage']) {
      const response = await userinfo(realm, token)
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe(
        'Bearer realm="demo", error="invalid_token", error_description="Token verification failed"',
      )
    }
  })

  test('the token can also come in a POST body', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid' })
    const response = await fetch(realm.endpoint('userinfo'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: tokens.access_token }),
    })
    expect(response.status).toBe(200)
  })

  test('a foreign origin is refused once the token names its client', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid' })
    const response = await userinfo(realm, tokens.access_token, { origin: 'http://evil.example' })
    expect(response.status).toBe(400)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})
