import { createHash } from 'node:crypto'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { describe, expect, test } from 'vitest'
import {
  basicAuth,
  claims,
  CONFIDENTIAL_SECRET,
  createPkce,
  exchangeCode,
  header,
  loginForCode,
  loginForTokens,
  postForm,
  REDIRECT_URI,
  startAuthorization,
  TestBrowser,
  userinfo,
  type TokenResponse,
  useTestRealm,
} from './test-support.ts'

const realm = useTestRealm()

function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest()
  return digest.subarray(0, digest.length / 2).toString('base64url')
}

const confidential = basicAuth('oidc-lab-confidential', CONFIDENTIAL_SECRET)

function refresh(refreshToken: string, clientId = 'oidc-lab'): Promise<Response> {
  return postForm(realm.endpoint('token'), {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: clientId,
  })
}

function introspect(token: string, headers = confidential): Promise<Response> {
  return postForm(realm.endpoint('introspect'), { token }, headers)
}

describe('token shapes', () => {
  test('a Keycloak-like JWT access token, signed with the realm key', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid email' })
    expect(tokens.token_type).toBe('Bearer')
    expect(tokens.expires_in).toBe(300)
    expect(tokens.refresh_token).toEqual(expect.any(String))
    expect(tokens.session_state).toEqual(expect.any(String))

    expect(header(tokens.access_token)).toMatchObject({ alg: 'RS256', typ: 'JWT' })
    const jwks = createRemoteJWKSet(new URL(realm.endpoint('certs')))
    const { payload } = await jwtVerify(tokens.access_token, jwks, {
      issuer: realm.issuer,
      audience: 'account',
    })
    expect(payload).toMatchObject({
      iss: realm.issuer,
      aud: 'account',
      typ: 'Bearer',
      azp: 'oidc-lab',
      scope: 'openid profile email',
      sid: tokens.session_state,
      preferred_username: 'alice',
      name: 'Alice Liddell',
      email: 'alice@example.com',
      email_verified: true,
      realm_access: {
        roles: ['default-roles-demo', 'offline_access', 'uma_authorization', 'user', 'admin'],
      },
      resource_access: {
        account: { roles: ['manage-account', 'manage-account-links', 'view-profile'] },
      },
    })
    for (const claim of ['sub', 'exp', 'iat', 'jti', 'auth_time'])
      expect(payload).toHaveProperty(claim)
    expect(payload).not.toHaveProperty('client_id')
  })

  test('an ID token with the scope claims, azp, auth_time, nonce and a correct at_hash', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, {
      scope: 'openid email',
      nonce: 'n-0S6_WzA2Mj',
    })
    const jwks = createRemoteJWKSet(new URL(realm.endpoint('certs')))
    const { payload } = await jwtVerify(tokens.id_token ?? '', jwks, {
      issuer: realm.issuer,
      audience: 'oidc-lab',
    })
    expect(payload).toMatchObject({
      typ: 'ID',
      azp: 'oidc-lab',
      nonce: 'n-0S6_WzA2Mj',
      acr: '1',
      sid: tokens.session_state,
      at_hash: atHash(tokens.access_token),
      email: 'alice@example.com',
      name: 'Alice Liddell',
    })
    expect(payload.auth_time).toEqual(expect.any(Number))
    expect(payload.sub).toBe(claims(tokens.access_token).sub)
  })

  test('stable subject identifiers', async () => {
    const first = await loginForTokens(new TestBrowser(), realm, { scope: 'openid' })
    const second = await loginForTokens(new TestBrowser(), realm, { scope: 'openid' })
    expect(claims(first.id_token).sub).toBe('4f8a1c2e-6b3d-4e5f-9a7b-1c2d3e4f5a61')
    expect(claims(second.id_token).sub).toBe(claims(first.id_token).sub)
  })
})

describe('PKCE and client authentication', () => {
  test('public clients must send a code_challenge', async () => {
    const response = await startAuthorization(new TestBrowser(), realm, {
      scope: 'openid',
      state: 'st',
      codeChallenge: null,
    })
    const location = new URL(response.headers.get('location') ?? '')
    expect(location.searchParams.get('error')).toBe('invalid_request')
    expect(location.searchParams.get('error_description')).toContain('PKCE')
    expect(location.searchParams.get('state')).toBe('st')
  })

  test('a wrong code_verifier is invalid_grant', async () => {
    const login = await loginForCode(new TestBrowser(), realm, { scope: 'openid' })
    const response = await postForm(realm.endpoint('token'), {
      grant_type: 'authorization_code',
      code: login.code,
      redirect_uri: REDIRECT_URI,
      code_verifier: createPkce().verifier,
      client_id: 'oidc-lab',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' })
  })

  test('the confidential client: basic and post both work, PKCE optional', async () => {
    const basic = await loginForCode(new TestBrowser(), realm, {
      clientId: 'oidc-lab-confidential',
      scope: 'openid',
      codeChallenge: null,
    })
    const viaBasic = await postForm(
      realm.endpoint('token'),
      { grant_type: 'authorization_code', code: basic.code, redirect_uri: REDIRECT_URI },
      confidential,
    )
    expect(viaBasic.status).toBe(200)

    const post = await loginForCode(new TestBrowser(), realm, {
      clientId: 'oidc-lab-confidential',
      scope: 'openid',
    })
    const viaPost = await postForm(realm.endpoint('token'), {
      grant_type: 'authorization_code',
      code: post.code,
      redirect_uri: REDIRECT_URI,
      code_verifier: post.verifier,
      client_id: 'oidc-lab-confidential',
      client_secret: CONFIDENTIAL_SECRET,
    })
    expect(viaPost.status).toBe(200)
  })

  test('a wrong secret is 401 invalid_client', async () => {
    const login = await loginForCode(new TestBrowser(), realm, {
      clientId: 'oidc-lab-confidential',
      scope: 'openid',
    })
    const response = await postForm(
      realm.endpoint('token'),
      {
        grant_type: 'authorization_code',
        code: login.code,
        redirect_uri: REDIRECT_URI,
        code_verifier: login.verifier,
      },
      basicAuth('oidc-lab-confidential', 'wrong'),
    )
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: 'invalid_client' })
  })
})

describe('codes and refresh tokens', () => {
  test('a code works once; the replay is invalid_grant, logged, and kills the first tokens', async () => {
    const login = await loginForCode(new TestBrowser(), realm, { scope: 'openid' })
    const tokens = await exchangeCode(realm, login)
    const replay = await postForm(realm.endpoint('token'), {
      grant_type: 'authorization_code',
      code: login.code,
      redirect_uri: REDIRECT_URI,
      code_verifier: login.verifier,
      client_id: 'oidc-lab',
    })
    expect(replay.status).toBe(400)
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' })
    expect(realm.logs).toContain('token: invalid_grant (authorization code already consumed)')
    expect((await userinfo(realm, tokens.access_token)).status).toBe(401)
  })

  test('a scope sent again with the code is ignored: /auth decided the scope', async () => {
    const login = await loginForCode(new TestBrowser(), realm, { scope: 'openid profile' })
    const response = await postForm(realm.endpoint('token'), {
      grant_type: 'authorization_code',
      code: login.code,
      redirect_uri: REDIRECT_URI,
      code_verifier: login.verifier,
      client_id: 'oidc-lab',
      scope: 'openid profile email',
    })
    expect(response.status).toBe(200)
    const tokens = (await response.json()) as TokenResponse
    expect(tokens.scope).toBe('openid profile')
    expect(claims(tokens.access_token).scope).toBe('openid profile')
    expect(claims(tokens.access_token)).not.toHaveProperty('email')
    expect(claims(tokens.id_token)).not.toHaveProperty('email')
    expect(await (await userinfo(realm, tokens.access_token)).json()).not.toHaveProperty('email')
  })

  test('refresh returns a new JWT access token and ID token', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid email' })
    const response = await refresh(tokens.refresh_token ?? '')
    expect(response.status).toBe(200)
    const refreshed = (await response.json()) as TokenResponse
    expect(refreshed.access_token).not.toBe(tokens.access_token)
    expect(claims(refreshed.access_token)).toMatchObject({
      scope: 'openid profile email',
      email: 'alice@example.com',
    })
    expect(claims(refreshed.id_token)).toMatchObject({
      at_hash: atHash(refreshed.access_token),
      email: 'alice@example.com',
    })
    expect((await userinfo(realm, refreshed.access_token)).status).toBe(200)
  })

  test('offline_access without prompt=consent gives an offline refresh token', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, {
      scope: 'openid offline_access',
    })
    expect(tokens.scope).toBe('openid profile offline_access')
    // Keycloak: an offline token has no expiry to report (Offline Session Max Limited is off)
    expect(tokens.refresh_expires_in).toBe(0)
    expect((await refresh(tokens.refresh_token ?? '')).status).toBe(200)
  })
})

describe('client_credentials', () => {
  test('the confidential client gets a service-account token with its default scopes', async () => {
    const response = await postForm(
      realm.endpoint('token'),
      { grant_type: 'client_credentials' },
      confidential,
    )
    expect(response.status).toBe(200)
    const tokens = (await response.json()) as TokenResponse
    expect(tokens.scope).toBe('profile email')
    expect(tokens.refresh_token).toBeUndefined()
    expect(tokens.id_token).toBeUndefined()
    expect(claims(tokens.access_token)).toMatchObject({
      sub: 'e9f8a7b6-c5d4-4e3f-b2a1-0f9e8d7c6b94',
      preferred_username: 'service-account-oidc-lab-confidential',
      azp: 'oidc-lab-confidential',
      client_id: 'oidc-lab-confidential',
      aud: 'account',
      typ: 'Bearer',
    })
  })

  test('an unknown scope is invalid_scope', async () => {
    const response = await postForm(
      realm.endpoint('token'),
      { grant_type: 'client_credentials', scope: 'admin:all' },
      confidential,
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_scope' })
  })

  test('a public client cannot use it', async () => {
    const response = await postForm(realm.endpoint('token'), {
      grant_type: 'client_credentials',
      client_id: 'oidc-lab',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error_description: 'requested grant type is not allowed for this client',
    })
  })
})

describe('introspection and revocation', () => {
  test('introspection: JWT access tokens and refresh tokens, confidential clients only', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid email' })

    const active = await introspect(tokens.access_token)
    expect(active.status).toBe(200)
    expect(await active.json()).toMatchObject({
      active: true,
      sub: claims(tokens.access_token).sub,
      client_id: 'oidc-lab',
      username: 'alice',
      token_type: 'Bearer',
      scope: 'openid profile email',
      email: 'alice@example.com',
    })

    expect(await (await introspect(tokens.refresh_token ?? '')).json()).toMatchObject({
      active: true,
      client_id: 'oidc-lab',
    })
    expect(await (await introspect('garbage')).json()).toEqual({ active: false })
    const publicCaller = await postForm(realm.endpoint('introspect'), {
      token: tokens.access_token,
      client_id: 'oidc-lab',
    })
    expect(await publicCaller.json()).toEqual({ active: false })
  })

  test('revoking a JWT access token: inactive at introspection and userinfo', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid' })
    const byOther = await postForm(
      realm.endpoint('revoke'),
      { token: tokens.access_token },
      confidential,
    )
    expect(byOther.status).toBe(400)
    expect(await byOther.json()).toMatchObject({ error_description: 'Unmatching clients' })

    const revoked = await postForm(realm.endpoint('revoke'), {
      token: tokens.access_token,
      client_id: 'oidc-lab',
    })
    expect(revoked.status).toBe(200)
    expect(await (await introspect(tokens.access_token)).json()).toEqual({ active: false })
    const refused = await userinfo(realm, tokens.access_token)
    expect(refused.status).toBe(401)
    // Keycloak's TokenRevocationCheck fails the token verification
    expect(refused.headers.get('www-authenticate')).toBe(
      'Bearer realm="demo", error="invalid_token", error_description="Token verification failed"',
    )
    // the session and its refresh token are untouched
    expect((await refresh(tokens.refresh_token ?? '')).status).toBe(200)
  })

  test('revoking the refresh token ends the grant and its access tokens', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid' })
    const revoked = await postForm(realm.endpoint('revoke'), {
      token: tokens.refresh_token ?? '',
      client_id: 'oidc-lab',
    })
    expect(revoked.status).toBe(200)
    const response = await refresh(tokens.refresh_token ?? '')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' })
    expect((await userinfo(realm, tokens.access_token)).status).toBe(401)
  })

  test("revoking the only client's refresh token ends the SSO session, as in Keycloak", async () => {
    const browser = new TestBrowser()
    const tokens = await loginForTokens(browser, realm, { scope: 'openid' })
    await postForm(realm.endpoint('revoke'), {
      token: tokens.refresh_token ?? '',
      client_id: 'oidc-lab',
    })
    const response = await refresh(tokens.refresh_token ?? '')
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Session not active',
    })
    const refused = await userinfo(realm, tokens.access_token)
    expect(refused.headers.get('www-authenticate')).toBe(
      'Bearer realm="demo", error="invalid_token", error_description="User session not found or doesn\'t have client attached on it"',
    )
    const loginAgain = await startAuthorization(browser, realm, {
      scope: 'openid',
      codeChallenge: createPkce().challenge,
    })
    expect(loginAgain.status).toBe(200)
    expect(await loginAgain.text()).toContain('Sign In')
  })

  test('with a second client in the session, the SSO stays and the refresh says the client is gone', async () => {
    const browser = new TestBrowser()
    const tokens = await loginForTokens(browser, realm, { scope: 'openid' })
    await loginForTokens(browser, realm, { clientId: 'oidc-lab-defaults', scope: 'openid' })
    await postForm(realm.endpoint('revoke'), {
      token: tokens.refresh_token ?? '',
      client_id: 'oidc-lab',
    })
    expect(await (await refresh(tokens.refresh_token ?? '')).json()).toEqual({
      error: 'invalid_grant',
      error_description: "Session doesn't have required client",
    })
    const silent = await startAuthorization(browser, realm, {
      scope: 'openid',
      prompt: 'none',
      codeChallenge: createPkce().challenge,
    })
    expect(new URL(silent.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy()
  })

  test('a refresh token the realm never issued: Invalid refresh token', async () => {
    expect(await (await refresh('not-a-refresh-token')).json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid refresh token',
    })
  })

  test("another client's refresh token: the Keycloak client-mismatch wording", async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid' })
    const response = await refresh(tokens.refresh_token ?? '', 'oidc-lab-defaults')
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: "Invalid refresh token. Token client and authorized client don't match",
    })
  })
})
