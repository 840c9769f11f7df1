import { describe, expect, test } from 'vitest'
import {
  claims,
  loginForTokens,
  postForm,
  TestBrowser,
  useTestRealm,
  userinfo,
  type TokenResponse,
} from './test-support.ts'

const realm = useTestRealm()

function refresh(refreshToken: string | undefined, scope?: string): Promise<Response> {
  return postForm(realm.endpoint('token'), {
    grant_type: 'refresh_token',
    refresh_token: refreshToken ?? '',
    client_id: 'oidc-lab',
    ...(scope === undefined ? {} : { scope }),
  })
}

async function refreshed(refreshToken: string | undefined, scope?: string): Promise<TokenResponse> {
  const response = await refresh(refreshToken, scope)
  expect(response.status).toBe(200)
  return (await response.json()) as TokenResponse
}

describe('refresh like Keycloak with "Revoke Refresh Token" off', () => {
  test('each refresh returns a new refresh token, and the old one keeps working', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid email' })
    const first = await refreshed(tokens.refresh_token)
    const second = await refreshed(tokens.refresh_token)
    expect(first.refresh_token).toEqual(expect.any(String))
    expect(first.refresh_token).not.toBe(tokens.refresh_token)
    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect(second.refresh_token).not.toBe(tokens.refresh_token)
    expect(first.refresh_expires_in).toBe(30 * 60)
    expect(second.scope).toBe('openid profile email')
    // the new ones work too, and so does the access token each refresh returned
    expect((await refresh(first.refresh_token)).status).toBe(200)
    expect((await userinfo(realm, second.access_token)).status).toBe(200)
    expect(realm.logs.filter((line) => line.includes('already used'))).toEqual([])
  })

  test('a narrower scope narrows the access and ID token; default scopes stay', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, {
      scope: 'openid email phone',
    })
    expect(tokens.scope).toBe('openid profile email phone')

    const narrow = await refreshed(tokens.refresh_token, 'openid email')
    // profile is a default client scope of oidc-lab: Keycloak applies it whatever is asked for
    expect(narrow.scope).toBe('openid profile email')
    expect(claims(narrow.access_token).scope).toBe('openid profile email')
    expect(claims(narrow.access_token)).not.toHaveProperty('phone_number')
    expect(claims(narrow.id_token)).toHaveProperty('email', 'alice@example.com')
    expect(claims(narrow.id_token)).not.toHaveProperty('phone_number')

    // the refresh token it returned still carries the whole grant
    const whole = await refreshed(narrow.refresh_token)
    expect(whole.scope).toBe('openid profile email phone')

    const withoutOpenid = await refreshed(tokens.refresh_token, 'email')
    expect(withoutOpenid.scope).toBe('profile email')
    expect(withoutOpenid.id_token).toBeUndefined()
  })

  test('a scope the refresh token was not granted is invalid_scope', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, { scope: 'openid' })
    const response = await refresh(tokens.refresh_token, 'openid address')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_scope' })
  })

  test('offline tokens: refresh_expires_in 0, and each refresh returns a new offline token', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, {
      scope: 'openid offline_access',
    })
    expect(tokens.refresh_expires_in).toBe(0)
    const next = await refreshed(tokens.refresh_token)
    expect(next.refresh_expires_in).toBe(0)
    expect(next.scope).toBe('openid profile offline_access')
    expect(next.refresh_token).not.toBe(tokens.refresh_token)
    expect((await refresh(next.refresh_token)).status).toBe(200)
    expect((await refresh(tokens.refresh_token)).status).toBe(200)
  })

  test('a revoked offline token: Offline user session not found', async () => {
    const tokens = await loginForTokens(new TestBrowser(), realm, {
      scope: 'openid offline_access',
    })
    const revoked = await postForm(realm.endpoint('revoke'), {
      token: tokens.refresh_token ?? '',
      client_id: 'oidc-lab',
    })
    expect(revoked.status).toBe(200)
    expect(await (await refresh(tokens.refresh_token)).json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Offline user session not found',
    })
  })
})
