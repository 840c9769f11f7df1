import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, test } from 'vitest'
import {
  APP_ORIGIN,
  basicAuth,
  claims,
  CONFIDENTIAL_SECRET,
  loginForCode,
  postForm,
  submitLogin,
  TestBrowser,
  useTestRealm,
  userinfo,
  type TestRealm,
  type TokenResponse,
} from './test-support.ts'

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'
const POLL_INTERVAL = 1
const realm = useTestRealm({ devicePollInterval: POLL_INTERVAL })
const expiring = useTestRealm({ devicePollInterval: POLL_INTERVAL, deviceCodeTtl: 1 })

interface DeviceAuthorization {
  device_code: string
  user_code: string
  verification_uri: string
  verification_uri_complete: string
  expires_in: number
  interval: number
}

function deviceEndpoint(target: TestRealm): string {
  return `${target.issuer}/protocol/openid-connect/auth/device`
}

async function authorizeDevice(
  target: TestRealm = realm,
  form: Record<string, string> = { client_id: 'oidc-lab-device', scope: 'openid' },
  headers: Record<string, string> = {},
): Promise<DeviceAuthorization> {
  const response = await postForm(deviceEndpoint(target), form, headers)
  expect(response.status).toBe(200)
  return (await response.json()) as DeviceAuthorization
}

function poll(
  deviceCode: string,
  target: TestRealm = realm,
  client: Record<string, string> = { client_id: 'oidc-lab-device' },
  headers: Record<string, string> = {},
): Promise<Response> {
  return postForm(
    target.endpoint('token'),
    { grant_type: DEVICE_GRANT, device_code: deviceCode, ...client },
    headers,
  )
}

async function pollError(deviceCode: string, target: TestRealm = realm): Promise<unknown> {
  const response = await poll(deviceCode, target)
  expect(response.status).toBe(400)
  return response.json()
}

/** The first form of a page: its action and every named input with a value. */
function firstForm(page: string, base: string): { action: URL; fields: URLSearchParams } {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(page)
  if (!form?.[1]) throw new Error(`no form in page: ${page}`)
  const fields = new URLSearchParams()
  for (const input of (form[2] ?? '').matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1]
    const value = /value="([^"]*)"/.exec(input[0])?.[1]
    if (name !== undefined) fields.set(name, value ?? '')
  }
  return { action: new URL(form[1].replaceAll('&amp;', '&'), base), fields }
}

async function submit(
  browser: TestBrowser,
  page: { html: string; url: string },
  extra: Record<string, string> = {},
): Promise<Response> {
  const { action, fields } = firstForm(page.html, page.url)
  for (const [name, value] of Object.entries(extra)) fields.set(name, value)
  const response = await browser.request(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields,
  })
  return browser.follow(response, action, realm.origin)
}

async function pageOf(response: Response): Promise<{ html: string; url: string }> {
  expect(response.status).toBe(200)
  return { html: await response.text(), url: response.url || realm.origin }
}

/** verification_uri_complete in a browser: the code form, already filled in. */
async function openCompleteUri(browser: TestBrowser, authorization: DeviceAuthorization) {
  const url = authorization.verification_uri_complete
  return pageOf(await browser.follow(await browser.request(url), url, realm.origin))
}

describe('device authorization endpoint', () => {
  test("Keycloak's path and answer: verification URI at /realms/demo/device, interval", async () => {
    const authorization = await authorizeDevice()
    expect(authorization).toMatchObject({
      verification_uri: `${realm.issuer}/device`,
      expires_in: 600,
      interval: POLL_INTERVAL,
    })
    expect(authorization.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/)
    expect(authorization.verification_uri_complete).toBe(
      `${realm.issuer}/device?user_code=${authorization.user_code}`,
    )
    expect(authorization.device_code).toEqual(expect.any(String))
  })

  test('CORS for the lab origins, as at the token endpoint', async () => {
    const preflight = await fetch(deviceEndpoint(realm), {
      method: 'OPTIONS',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)

    const response = await postForm(
      deviceEndpoint(realm),
      { client_id: 'oidc-lab-device', scope: 'openid' },
      { origin: 'http://127.0.0.1:4173' },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173')

    const foreign = await postForm(
      deviceEndpoint(realm),
      { client_id: 'oidc-lab-device' },
      { origin: 'http://evil.example' },
    )
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('a client without the device grant is refused', async () => {
    const response = await postForm(deviceEndpoint(realm), { client_id: 'oidc-lab' })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'unauthorized_client',
      error_description:
        'Client is not allowed to initiate OAuth 2.0 Device Authorization Grant. The flow is disabled for the client.',
    })
  })

  test('the client-scope policy applies: an unknown scope is invalid_scope', async () => {
    const response = await postForm(deviceEndpoint(realm), {
      client_id: 'oidc-lab-device',
      scope: 'openid admin:all',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_scope' })
  })
})

describe('the device flow, end to end over HTTP', () => {
  test('code form, login, consent, success; pending and slow_down while polling; tokens', async () => {
    const authorization = await authorizeDevice()
    expect(await pollError(authorization.device_code)).toEqual({
      error: 'authorization_pending',
      error_description: 'The authorization request is still pending',
    })
    // polled again before `interval` seconds: Keycloak says slow down
    expect(await pollError(authorization.device_code)).toEqual({
      error: 'slow_down',
      error_description: 'Slow down',
    })

    const browser = new TestBrowser()
    const codePage = await openCompleteUri(browser, authorization)
    expect(new URL(codePage.url).pathname).toBe('/realms/demo/device')
    expect(codePage.html).toContain('<h1 id="kc-page-title">Enter the code</h1>')
    expect(codePage.html).toContain('<label for="device-user-code">User code</label>')
    expect(codePage.html).toMatch(
      new RegExp(
        `<input\\s+id="device-user-code"\\s+name="user_code"\\s+type="text"\\s+value="${authorization.user_code}"`,
      ),
    )
    expect(codePage.html).toMatch(/<button[^>]*type="submit">\s*Submit\s*<\/button>/)
    expect(codePage.html).toContain('Demo realm — not for production')

    const loginPage = await pageOf(await submit(browser, codePage))
    expect(new URL(loginPage.url).pathname).toMatch(
      /^\/realms\/demo\/login-actions\/authenticate\//,
    )
    expect(loginPage.html).toContain('<label for="username">Username or email</label>')
    expect(loginPage.html).toContain('OIDC Lab (device) (<code>oidc-lab-device</code>)')

    const consent = await pageOf(await submitLogin(browser, realm, loginPage, 'alice', 'alice'))
    expect(consent.html).toContain('Grant Access to OIDC Lab (device)')
    expect(consent.html).toContain('Do you grant these access privileges?')
    expect(consent.html).toContain('<li>User profile</li>')
    expect(consent.html).toContain('<li>Email address</li>')
    expect(consent.html).toMatch(/<button[^>]*name="accept"[^>]*>\s*Yes\s*<\/button>/)
    expect(consent.html).toMatch(/<button[^>]*name="cancel"[^>]*>\s*No\s*<\/button>/)

    const done = await pageOf(await submit(browser, consent, { accept: 'Yes' }))
    expect(done.html).toContain('Device Login Successful')
    expect(done.html).toContain('You may close this browser window and go back to your device.')

    await sleep(POLL_INTERVAL * 1000 + 100)
    const response = await poll(authorization.device_code)
    expect(response.status).toBe(200)
    const tokens = (await response.json()) as TokenResponse
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      scope: 'openid profile email',
      refresh_expires_in: 1800,
    })
    expect(tokens.refresh_token).toEqual(expect.any(String))
    expect(claims(tokens.access_token)).toMatchObject({
      azp: 'oidc-lab-device',
      preferred_username: 'alice',
      scope: 'openid profile email',
      sid: tokens.session_state,
    })
    expect(claims(tokens.id_token)).toMatchObject({
      aud: 'oidc-lab-device',
      azp: 'oidc-lab-device',
      typ: 'ID',
      email: 'alice@example.com',
    })
    expect((await userinfo(realm, tokens.access_token)).status).toBe(200)
    const refreshed = await postForm(realm.endpoint('token'), {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: 'oidc-lab-device',
    })
    expect(refreshed.status).toBe(200)

    // the device code is spent
    await sleep(POLL_INTERVAL * 1000 + 100)
    expect(await pollError(authorization.device_code)).toMatchObject({ error: 'invalid_grant' })
  })

  test('typing the code on /device, then No: access_denied for the device', async () => {
    const authorization = await authorizeDevice(realm, {
      client_id: 'oidc-lab-device',
      scope: 'profile',
    })
    const browser = new TestBrowser()
    const form = await pageOf(await browser.request(authorization.verification_uri))
    expect(form.html).toContain('<label for="device-user-code">User code</label>')
    expect(form.html).toMatch(
      /<input\s+id="device-user-code"\s+name="user_code"\s+type="text"\s+value=""/,
    )
    // people type codes in lower case and without the dash
    const typed = authorization.user_code.replace('-', '').toLowerCase()
    const loginPage = await pageOf(await submit(browser, form, { user_code: typed }))
    const consent = await pageOf(await submitLogin(browser, realm, loginPage, 'bob', 'bob'))
    expect(consent.html).not.toContain('<li>openid</li>')

    const denied = await pageOf(await submit(browser, consent, { cancel: 'No' }))
    expect(denied.html).toContain('Device Login Failed')
    expect(denied.html).toContain('Consent denied for connecting the device.')
    expect(await pollError(authorization.device_code)).toEqual({
      error: 'access_denied',
      error_description: 'The end user denied the authorization request',
    })
  })

  test('a wrong code is shown again with the error, and the form still works', async () => {
    const authorization = await authorizeDevice()
    const browser = new TestBrowser()
    const form = await pageOf(await browser.request(authorization.verification_uri))
    const wrong = await pageOf(await submit(browser, form, { user_code: 'BCDF-GHJK' }))
    expect(wrong.html).toContain('Invalid code, please try again.')
    expect(wrong.html).toContain('value="BCDF-GHJK"')
    const loginPage = await pageOf(
      await submit(browser, wrong, { user_code: authorization.user_code }),
    )
    expect(loginPage.html).toContain('Sign In')
  })

  test('the confidential client, with the SSO session of an earlier login: no login form', async () => {
    const browser = new TestBrowser()
    await loginForCode(browser, realm, { scope: 'openid' })
    const secret = basicAuth('oidc-lab-confidential', CONFIDENTIAL_SECRET)
    const authorization = await authorizeDevice(realm, { scope: 'openid api:read' }, secret)
    const codePage = await openCompleteUri(browser, authorization)
    const consent = await pageOf(await submit(browser, codePage))
    expect(consent.html).toContain('Grant Access to OIDC Lab (confidential)')
    expect(consent.html).toContain('<li>api:read</li>')
    await pageOf(await submit(browser, consent, { accept: 'Yes' }))
    await sleep(POLL_INTERVAL * 1000 + 100)
    const response = await poll(authorization.device_code, realm, {}, secret)
    expect(response.status).toBe(200)
    const tokens = (await response.json()) as TokenResponse
    expect(tokens.scope).toBe('openid profile email api:read')
    expect(claims(tokens.id_token).aud).toBe('oidc-lab-confidential')
  })

  test('an unknown device code: Device code not valid', async () => {
    expect(await pollError('no-such-device-code')).toEqual({
      error: 'invalid_grant',
      error_description: 'Device code not valid',
    })
  })
})

describe('expiry (IDP_DEVICE_CODE_TTL=1 for this realm)', () => {
  test('polling after the lifetime: expired_token; the code page says the code expired', async () => {
    const authorization = await authorizeDevice(expiring)
    expect(authorization.expires_in).toBe(1)
    await sleep(1200)
    expect(await pollError(authorization.device_code, expiring)).toEqual({
      error: 'expired_token',
      error_description: 'Device code is expired',
    })
    const browser = new TestBrowser()
    const url = authorization.verification_uri_complete
    const page = await browser.follow(await browser.request(url), url, expiring.origin)
    expect(await page.text()).toContain(
      'The code has expired. Please go back to your device and try connecting again.',
    )
  })
})
