import { createHash } from 'node:crypto'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { describe, expect, test } from 'vitest'
import {
  basicAuth,
  claims,
  CONFIDENTIAL_SECRET,
  postForm,
  useTestRealm,
  userinfo,
  type TokenResponse,
} from './test-support.ts'

const realm = useTestRealm()
const SERVICE_ACCOUNT_ID = 'e9f8a7b6-c5d4-4e3f-b2a1-0f9e8d7c6b94'
const confidential = basicAuth('oidc-lab-confidential', CONFIDENTIAL_SECRET)

async function clientCredentials(form: Record<string, string> = {}): Promise<TokenResponse> {
  const response = await postForm(
    realm.endpoint('token'),
    { grant_type: 'client_credentials', ...form },
    confidential,
  )
  expect(response.status).toBe(200)
  return (await response.json()) as TokenResponse
}

function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest()
  return digest.subarray(0, digest.length / 2).toString('base64url')
}

describe('client_credentials: a Keycloak service-account token', () => {
  test('without a scope: the default scopes, the service_account claims, no session', async () => {
    const tokens = await clientCredentials()
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'profile email',
      refresh_expires_in: 0,
      'not-before-policy': 0,
    })
    expect(tokens).not.toHaveProperty('refresh_token')
    expect(tokens).not.toHaveProperty('id_token')
    // Keycloak keeps no user session for client_credentials, so there is no session_state or sid
    expect(tokens).not.toHaveProperty('session_state')
    const accessToken = claims(tokens.access_token)
    expect(accessToken).toMatchObject({
      sub: SERVICE_ACCOUNT_ID,
      preferred_username: 'service-account-oidc-lab-confidential',
      email_verified: false,
      azp: 'oidc-lab-confidential',
      client_id: 'oidc-lab-confidential',
      typ: 'Bearer',
      scope: 'profile email',
      realm_access: { roles: ['default-roles-demo', 'offline_access', 'uma_authorization'] },
    })
    expect(accessToken).not.toHaveProperty('sid')
    for (const claim of ['clientHost', 'clientAddress']) {
      expect(accessToken[claim]).toMatch(/^(127\.0\.0\.1|::1)$/)
    }
  })

  test('scope=api:read adds the optional scope', async () => {
    const tokens = await clientCredentials({ scope: 'api:read' })
    expect(tokens.scope).toBe('profile email api:read')
    expect(claims(tokens.access_token).scope).toBe('profile email api:read')
    expect(tokens).not.toHaveProperty('id_token')
  })

  test('scope=openid also returns an ID token about the service account', async () => {
    const tokens = await clientCredentials({ scope: 'openid api:read' })
    expect(tokens.scope).toBe('openid profile email api:read')
    expect(claims(tokens.access_token).scope).toBe('openid profile email api:read')
    const jwks = createRemoteJWKSet(new URL(realm.endpoint('certs')))
    const { payload } = await jwtVerify(tokens.id_token ?? '', jwks, {
      issuer: realm.issuer,
      audience: 'oidc-lab-confidential',
    })
    expect(payload).toMatchObject({
      sub: SERVICE_ACCOUNT_ID,
      typ: 'ID',
      azp: 'oidc-lab-confidential',
      at_hash: atHash(tokens.access_token),
      preferred_username: 'service-account-oidc-lab-confidential',
      client_id: 'oidc-lab-confidential',
      clientHost: claims(tokens.access_token).clientHost,
      clientAddress: claims(tokens.access_token).clientAddress,
    })
    expect(tokens).not.toHaveProperty('refresh_token')
  })

  test('client_secret_post works too', async () => {
    const response = await postForm(realm.endpoint('token'), {
      grant_type: 'client_credentials',
      client_id: 'oidc-lab-confidential',
      client_secret: CONFIDENTIAL_SECRET,
      scope: 'openid',
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as TokenResponse).id_token).toEqual(expect.any(String))
  })
})

describe('userinfo with a service-account token', () => {
  test('without openid: 403 insufficient_scope, exactly as for a user token', async () => {
    const tokens = await clientCredentials({ scope: 'api:read' })
    const response = await userinfo(realm, tokens.access_token)
    expect(response.status).toBe(403)
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="demo", error="insufficient_scope", error_description="Missing openid scope"',
    )
  })

  test("with openid: 200 with the service account's claims", async () => {
    const tokens = await clientCredentials({ scope: 'openid' })
    const response = await userinfo(realm, tokens.access_token)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      sub: SERVICE_ACCOUNT_ID,
      preferred_username: 'service-account-oidc-lab-confidential',
      email_verified: false,
    })
  })
})
