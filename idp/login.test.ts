import { describe, expect, test } from 'vitest'
import {
  authorizeUrl,
  createPkce,
  loginForCode,
  REDIRECT_URI,
  startAuthorization,
  submitLogin,
  TestBrowser,
  useTestRealm,
} from './test-support.ts'

const realm = useTestRealm()

async function openLoginPage(
  browser: TestBrowser,
  params: Parameters<typeof startAuthorization>[2],
) {
  const response = await startAuthorization(browser, realm, {
    codeChallenge: createPkce().challenge,
    ...params,
  })
  expect(response.status).toBe(200)
  return { html: await response.text(), url: response.url, response }
}

describe('the login page', () => {
  test('looks like Keycloak: labelled fields, Sign In, demo note, who is asking for what', async () => {
    const page = await openLoginPage(new TestBrowser(), { scope: 'openid email' })
    expect(new URL(page.url).pathname).toMatch(/^\/realms\/demo\/login-actions\/authenticate\//)
    expect(page.response.headers.get('content-type')).toContain('text/html')
    expect(page.html).toContain('<label for="username">Username or email</label>')
    expect(page.html).toMatch(/<input\s+id="username"\s+name="username"\s+type="text"/)
    expect(page.html).toContain('<label for="password">Password</label>')
    expect(page.html).toMatch(/<input\s+id="password"\s+name="password"\s+type="password"/)
    expect(page.html).toMatch(/<button[^>]*type="submit">\s*Sign In\s*<\/button>/)
    expect(page.html).toContain('Demo realm — not for production')
    expect(page.html).toContain('OIDC Lab (<code>oidc-lab</code>)')
    expect(page.html).toContain('<code>openid email</code>')
    expect(page.html).toContain('<code>openid profile email</code>')
    expect(page.html).not.toMatch(/https?:\/\/(?!localhost)[^"]*\.(css|js)/)
  })

  test('a wrong password shows the form again with the error and the username kept', async () => {
    const browser = new TestBrowser()
    const page = await openLoginPage(browser, { scope: 'openid' })
    const response = await submitLogin(browser, realm, page, 'alice', 'wrong')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Invalid username or password.')
    expect(html).toContain('value="alice"')
    expect(html).toContain('<label for="password">Password</label>')
    expect(realm.logs).toContain('login: failed for "alice" (client oidc-lab)')

    // the same interaction still accepts the right password
    const retry = await submitLogin(browser, realm, { html, url: response.url }, 'alice', 'alice')
    expect(retry.status).toBe(303)
    expect(retry.headers.get('location')).toMatch(/^http:\/\/localhost:5173\/callback\?code=/)
  })

  test('an unknown user gets the same message', async () => {
    const browser = new TestBrowser()
    const page = await openLoginPage(browser, { scope: 'openid' })
    const response = await submitLogin(browser, realm, page, 'mallory', 'mallory')
    expect(await response.text()).toContain('Invalid username or password.')
  })

  test('the email works as username, login_hint prefills it', async () => {
    const browser = new TestBrowser()
    const page = await openLoginPage(browser, {
      scope: 'openid',
      extra: { login_hint: 'alice@example.com' },
    })
    expect(page.html).toContain('value="alice@example.com"')
    const response = await submitLogin(browser, realm, page, 'Alice@Example.com', 'alice')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toContain('code=')
  })

  test('a stale login page says the attempt timed out', async () => {
    const response = await fetch(`${realm.issuer}/login-actions/authenticate/unknown-uid`)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Your login attempt timed out.')
  })
})

describe('sessions and prompts', () => {
  test('no consent screen, cookies renamed away from the app', async () => {
    const browser = new TestBrowser()
    const result = await loginForCode(browser, realm, { scope: 'openid email phone' })
    expect(result.params.get('state')).toBe(result.state)
    expect(result.params.get('iss')).toBe(realm.issuer)
    expect(browser.jar.names()).toEqual(
      expect.arrayContaining(['KC_DEMO_SESSION', 'KC_DEMO_SESSION.sig']),
    )
    expect(browser.jar.names().filter((name) => name.startsWith('_'))).toEqual([])
  })

  test('SSO: a second client gets a code without the form', async () => {
    const browser = new TestBrowser()
    await loginForCode(browser, realm, { scope: 'openid' })
    const response = await startAuthorization(browser, realm, {
      clientId: 'oidc-lab-defaults',
      scope: 'openid',
      codeChallenge: createPkce().challenge,
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toContain('code=')
  })

  test('prompt=login shows the form again despite the session', async () => {
    const browser = new TestBrowser()
    await loginForCode(browser, realm, { scope: 'openid' })
    const page = await openLoginPage(browser, { scope: 'openid', prompt: 'login' })
    expect(page.html).toContain('Sign In')
    const response = await submitLogin(browser, realm, page, 'bob', 'bob')
    expect(response.headers.get('location')).toContain('code=')
  })

  test('prompt=none: login_required without a session, a code with one', async () => {
    const browser = new TestBrowser()
    const url = authorizeUrl(realm, {
      scope: 'openid',
      prompt: 'none',
      state: 's1',
      codeChallenge: createPkce().challenge,
    })
    const anonymous = await browser.request(url)
    expect(anonymous.status).toBe(303)
    const error = new URL(anonymous.headers.get('location') ?? '')
    expect(`${error.origin}${error.pathname}`).toBe(REDIRECT_URI)
    expect(error.searchParams.get('error')).toBe('login_required')
    expect(error.searchParams.get('state')).toBe('s1')
    expect(error.searchParams.get('iss')).toBe(realm.issuer)

    await loginForCode(browser, realm, { scope: 'openid' })
    const silent = await startAuthorization(browser, realm, {
      scope: 'openid',
      prompt: 'none',
      codeChallenge: createPkce().challenge,
    })
    expect(silent.status).toBe(303)
    expect(new URL(silent.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy()
  })

  test('prompt=consent is granted without asking, like "Consent required: OFF"', async () => {
    const browser = new TestBrowser()
    await loginForCode(browser, realm, { scope: 'openid' })
    const response = await startAuthorization(browser, realm, {
      scope: 'openid email',
      prompt: 'consent',
      codeChallenge: createPkce().challenge,
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toContain('code=')
  })
})
