import { describe, expect, test } from 'vitest'
import {
  APP_ORIGIN,
  loginForCode,
  postForm,
  REDIRECT_URI,
  TestBrowser,
  useTestRealm,
} from './test-support.ts'

const realm = useTestRealm()

describe('discovery', () => {
  test('Keycloak paths under /realms/demo, issuer with the actual port', async () => {
    const response = await fetch(`${realm.issuer}/.well-known/openid-configuration`)
    expect(response.status).toBe(200)
    const port = new URL(realm.issuer).port
    expect(port).not.toBe('0')
    expect(realm.issuer).toBe(`http://localhost:${port}/realms/demo`)

    const base = `${realm.issuer}/protocol/openid-connect`
    expect(await response.json()).toMatchObject({
      issuer: realm.issuer,
      authorization_endpoint: `${base}/auth`,
      token_endpoint: `${base}/token`,
      userinfo_endpoint: `${base}/userinfo`,
      jwks_uri: `${base}/certs`,
      end_session_endpoint: `${base}/logout`,
      introspection_endpoint: `${base}/token/introspect`,
      revocation_endpoint: `${base}/revoke`,
      device_authorization_endpoint: `${base}/auth/device`,
      scopes_supported: [
        'openid',
        'profile',
        'email',
        'address',
        'phone',
        'offline_access',
        'roles',
        'api:read',
      ],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'client_credentials',
        'urn:ietf:params:oauth:grant-type:device_code',
      ],
      id_token_signing_alg_values_supported: ['RS256'],
    })
  })

  test('the JWKS holds one public RS256 key', async () => {
    const response = await fetch(realm.endpoint('certs'))
    expect(response.status).toBe(200)
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] }
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' })
    expect(keys[0]).not.toHaveProperty('d')
  })

  test('the realm URL answers like Keycloak, the root with a small page', async () => {
    const realmInfo = await fetch(realm.issuer)
    expect(realmInfo.status).toBe(200)
    expect(await realmInfo.json()).toMatchObject({
      realm: 'demo',
      'token-service': `${realm.issuer}/protocol/openid-connect`,
    })

    const home = await fetch(`${realm.origin}/`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain(`${realm.issuer}/.well-known/openid-configuration`)

    const missing = await fetch(
      `${realm.origin}/auth/realms/demo/.well-known/openid-configuration`,
      {
        headers: { origin: 'http://localhost:4173' },
      },
    )
    expect(missing.status).toBe(404)
    // a browser page can read the 404, so the lab can say "wrong path" instead of "CORS or network"
    expect(missing.headers.get('access-control-allow-origin')).toBe('*')
    expect(await missing.json()).toMatchObject({ error: 'not_found' })
  })

  test('listens on both loopbacks, so localhost works whichever one it resolves to', async () => {
    const { port } = new URL(realm.issuer)
    for (const host of ['127.0.0.1', '[::1]']) {
      const response = await fetch(`http://${host}:${port}/realms/demo`)
      expect(response.status, host).toBe(200)
    }
  })
})

describe('CORS: the origins of the redirect URIs only', () => {
  test('preflight of the token endpoint', async () => {
    const response = await fetch(realm.endpoint('token'), {
      method: 'OPTIONS',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
  })

  test('preflight of userinfo allows the Authorization header', async () => {
    const response = await fetch(realm.endpoint('userinfo'), {
      method: 'OPTIONS',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization')
  })

  test('token endpoint echoes an allowed origin and exposes WWW-Authenticate', async () => {
    const login = await loginForCode(new TestBrowser(), realm, { scope: 'openid' })
    const response = await postForm(
      realm.endpoint('token'),
      {
        grant_type: 'authorization_code',
        code: login.code,
        redirect_uri: REDIRECT_URI,
        code_verifier: login.verifier,
        client_id: 'oidc-lab',
      },
      { origin: 'http://127.0.0.1:4173' },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173')
    expect(response.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate')
  })

  test('a foreign origin is refused, without CORS headers', async () => {
    const login = await loginForCode(new TestBrowser(), realm, { scope: 'openid' })
    const response = await postForm(
      realm.endpoint('token'),
      {
        grant_type: 'authorization_code',
        code: login.code,
        redirect_uri: REDIRECT_URI,
        code_verifier: login.verifier,
        client_id: 'oidc-lab',
      },
      { origin: 'http://evil.example' },
    )
    expect(response.status).toBe(400)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(await response.json()).toMatchObject({ error: 'invalid_request' })
  })
})
