import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import {
  authorizeUrl,
  createPkce,
  formAction,
  loginForTokens,
  postForm,
  startAuthorization,
  TestBrowser,
  userinfo,
  useTestRealm,
} from './test-support.ts'

const realm = useTestRealm()

function refresh(refreshToken: string | undefined, clientId: string): Promise<Response> {
  return postForm(realm.endpoint('token'), {
    grant_type: 'refresh_token',
    refresh_token: refreshToken ?? '',
    client_id: clientId,
  })
}

describe('RP-initiated logout', () => {
  test('with id_token_hint: no question, back to the app with state; the session is over', async () => {
    const browser = new TestBrowser()
    const tokens = await loginForTokens(browser, realm, { scope: 'openid' })
    const offline = await loginForTokens(browser, realm, {
      clientId: 'oidc-lab-defaults',
      scope: 'openid offline_access',
    })
    expect((await userinfo(realm, tokens.access_token)).status).toBe(200)

    const url = new URL(realm.endpoint('logout'))
    url.searchParams.set('id_token_hint', tokens.id_token ?? '')
    url.searchParams.set('post_logout_redirect_uri', 'http://localhost:5173/')
    url.searchParams.set('state', 'bye')
    const page = await browser.request(url)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).not.toContain('Do you want to log out?')
    // the auto-submit script must be allowed by the page's Content-Security-Policy
    const script = /<script>(.*?)<\/script>/s.exec(html)?.[1] ?? ''
    expect(script).toContain('.submit()')
    const hash = createHash('sha256').update(script).digest('base64')
    expect(page.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`)

    const action = formAction(html, url.href)
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
    const confirmed = await browser.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    })
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.get('location')).toBe('http://localhost:5173/?state=bye')

    const afterLogout = await userinfo(realm, tokens.access_token)
    expect(afterLogout.status).toBe(401)
    expect(afterLogout.headers.get('www-authenticate')).toBe(
      'Bearer realm="demo", error="invalid_token", error_description="User session not found or doesn\'t have client attached on it"',
    )
    const refreshed = await refresh(tokens.refresh_token, 'oidc-lab')
    expect(refreshed.status).toBe(400)
    const refusal: unknown = await refreshed.json()
    expect(refusal).toMatchObject({ error: 'invalid_grant' })
    // Keycloak's TokenManager: the online user session is gone
    expect(refusal).toEqual({ error: 'invalid_grant', error_description: 'Session not active' })

    // an offline token survives the logout, like Keycloak's offline sessions
    expect((await refresh(offline.refresh_token, 'oidc-lab-defaults')).status).toBe(200)

    const loginAgain = await startAuthorization(browser, realm, {
      scope: 'openid',
      codeChallenge: createPkce().challenge,
    })
    expect(loginAgain.status).toBe(200)
    expect(await loginAgain.text()).toContain('Sign In')

    const silent = await startAuthorization(browser, realm, {
      scope: 'openid',
      prompt: 'none',
      codeChallenge: createPkce().challenge,
    })
    expect(new URL(silent.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'login_required',
    )
  })

  test('without id_token_hint Keycloak asks "Do you want to log out?"', async () => {
    const browser = new TestBrowser()
    const tokens = await loginForTokens(browser, realm, { scope: 'openid' })

    const page = await browser.request(realm.endpoint('logout'))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Do you want to log out?')
    expect(html).toMatch(/<button[^>]*name="logout"\s+value="yes"[^>]*>\s*Logout\s*<\/button>/)

    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
    const confirmed = await browser.request(formAction(html, realm.endpoint('logout')), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    })
    expect(confirmed.status).toBe(303)
    const done = await browser.request(
      new URL(confirmed.headers.get('location') ?? '', realm.origin),
    )
    expect(await done.text()).toContain('You are logged out')
    expect((await userinfo(realm, tokens.access_token)).status).toBe(401)
  })
})

/** RP-initiated logout as a browser runs it: the self-submitting page included. */
async function logoutWithHint(
  browser: TestBrowser,
  idToken: string | undefined,
  postLogoutRedirectUri: string,
  state?: string,
): Promise<Response> {
  const url = new URL(realm.endpoint('logout'))
  url.searchParams.set('id_token_hint', idToken ?? '')
  url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri)
  if (state) url.searchParams.set('state', state)
  return browser.follow(await browser.request(url), url, realm.origin)
}

describe('post-logout redirect URIs: <origin>/ of each app origin, on every client', () => {
  test.each([
    'http://localhost:5173',
    'http://localhost:4173',
    'http://127.0.0.1:5173',
    'http://127.0.0.1:4173',
  ])('%s/ with state', async (origin) => {
    const browser = new TestBrowser()
    const tokens = await loginForTokens(browser, realm, { scope: 'openid' })
    const done = await logoutWithHint(browser, tokens.id_token, `${origin}/`, 'st-1')
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`${origin}/?state=st-1`)
    expect((await userinfo(realm, tokens.access_token)).status).toBe(401)
  })

  test.each(['oidc-lab', 'oidc-lab-defaults', 'oidc-lab-confidential'])(
    '%s, without state: back to exactly <origin>/',
    async (clientId) => {
      const browser = new TestBrowser()
      const tokens = await loginForTokens(browser, realm, { clientId, scope: 'openid' })
      const done = await logoutWithHint(browser, tokens.id_token, 'http://localhost:4173/')
      expect(done.status).toBe(303)
      expect(done.headers.get('location')).toBe('http://localhost:4173/')
    },
  )

  test('an unregistered post_logout_redirect_uri is refused on the realm error page', async () => {
    const browser = new TestBrowser()
    const tokens = await loginForTokens(browser, realm, { scope: 'openid' })
    const page = await logoutWithHint(browser, tokens.id_token, 'http://localhost:4173/elsewhere')
    expect(page.status).toBe(400)
    expect(await page.text()).toContain('post_logout_redirect_uri not registered')
    // nothing was logged out
    const silent = await browser.request(
      authorizeUrl(realm, {
        scope: 'openid',
        prompt: 'none',
        codeChallenge: createPkce().challenge,
      }),
    )
    expect(silent.headers.get('location')).toContain('code=')
  })
})
