/**
 * Drives the demo realm over real HTTP like a browser would: a cookie jar, manual redirects,
 * PKCE, and the login form. Used by the idp tests only.
 */
import { createHash, randomBytes } from 'node:crypto'
import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose'
import { afterAll, beforeAll } from 'vitest'
import { startRealm, type RealmOptions, type RunningRealm } from './server.ts'

export const APP_ORIGIN = 'http://localhost:5173'
export const REDIRECT_URI = `${APP_ORIGIN}/callback`
export const CONFIDENTIAL_SECRET = 'oidc-lab-secret'

export interface TestRealm extends RunningRealm {
  logs: string[]
  endpoint(
    name: 'auth' | 'token' | 'userinfo' | 'certs' | 'logout' | 'introspect' | 'revoke',
  ): string
}

/** Realm options a test may set; port, quiet and log are the test's own. */
export type TestRealmOptions = Omit<RealmOptions, 'port' | 'quiet' | 'log'>

export async function startTestRealm(options: TestRealmOptions = {}): Promise<TestRealm> {
  const logs: string[] = []
  const realm = await startRealm({
    ...options,
    port: 0,
    quiet: true,
    log: (line) => logs.push(line),
  })
  const paths = {
    auth: 'auth',
    token: 'token',
    userinfo: 'userinfo',
    certs: 'certs',
    logout: 'logout',
    introspect: 'token/introspect',
    revoke: 'revoke',
  } as const
  return {
    ...realm,
    logs,
    endpoint: (name) => `${realm.issuer}/protocol/openid-connect/${paths[name]}`,
  }
}

/**
 * A realm on a random port for the tests of one file: started before them, closed after them. The
 * returned object is filled in once the realm runs, so use it inside tests and hooks only.
 */
export function useTestRealm(options: TestRealmOptions = {}): TestRealm {
  const realm = {} as TestRealm
  beforeAll(async () => {
    Object.assign(realm, await startTestRealm(options))
  })
  afterAll(async () => {
    await realm.close()
  })
  return realm
}

interface StoredCookie {
  value: string
  path: string
}

/** Enough of RFC 6265 for one host: name, value, path and deletion by expiry. */
export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>()

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim())
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator)
      const value = pair.slice(separator + 1)
      let path = '/'
      let expired = value === ''
      for (const attribute of attributes) {
        const [key = '', attributeValue = ''] = attribute.split('=')
        if (key.toLowerCase() === 'path') path = attributeValue
        if (key.toLowerCase() === 'expires' && Date.parse(attributeValue) <= Date.now()) {
          expired = true
        }
        if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0) expired = true
      }
      if (expired) this.#cookies.delete(name)
      else this.#cookies.set(name, { value, path })
    }
  }

  header(url: URL): string {
    return [...this.#cookies]
      .filter(([, cookie]) => url.pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ')
  }

  names(): string[] {
    return [...this.#cookies.keys()]
  }
}

export class TestBrowser {
  readonly jar = new CookieJar()

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url)
    const headers = new Headers(init.headers)
    const cookie = this.jar.header(target)
    if (cookie) headers.set('cookie', cookie)
    const response = await fetch(target, { ...init, headers, redirect: 'manual' })
    this.jar.store(response)
    return response
  }

  /**
   * Follows redirects while they stay on the realm, and submits the self-submitting forms a browser
   * would submit with JavaScript. Returns the last response.
   */
  async follow(response: Response, from: string | URL, realmOrigin: string): Promise<Response> {
    let current = response
    let base = new URL(from)
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location')
      if (current.status === 200 && current.headers.get('content-type')?.includes('text/html')) {
        const page = await current.text()
        const form = selfSubmittingForm(page, base)
        if (!form || form.action.origin !== realmOrigin) return withUrl(page, current, base)
        current = await this.request(form.action, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.fields,
        })
        base = form.action
        continue
      }
      if (current.status < 300 || current.status >= 400 || !location) return current
      const next = new URL(location, base)
      if (next.origin !== realmOrigin) return current
      await current.body?.cancel()
      current = await this.request(next)
      base = next
    }
    throw new Error('too many redirects')
  }
}

/** A page that submits its form on load: oidc-provider's form_post pages and the logout page. */
export function selfSubmittingForm(
  page: string,
  base: URL,
): { action: URL; fields: URLSearchParams } | undefined {
  if (!/\.submit\(\)/.test(page)) return undefined
  const action = formAction(page, base.href)
  const fields = new URLSearchParams()
  for (const input of page.matchAll(/<input type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1]
    const value = /value="([^"]*)"/.exec(input[0])?.[1]
    if (name !== undefined && value !== undefined) fields.set(name, value)
  }
  return { action, fields }
}

/** The body has been read: hand back an equivalent response that still knows its URL. */
function withUrl(body: string, response: Response, url: URL): Response {
  const copy = new Response(body, { status: response.status, headers: response.headers })
  Object.defineProperty(copy, 'url', { value: url.href })
  return copy
}

export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

export interface AuthorizeParams {
  clientId?: string
  scope?: string
  state?: string
  nonce?: string
  prompt?: string
  codeChallenge?: string | null
  extra?: Record<string, string>
}

export function authorizeUrl(realm: TestRealm, params: AuthorizeParams): URL {
  const url = new URL(realm.endpoint('auth'))
  url.searchParams.set('client_id', params.clientId ?? 'oidc-lab')
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('redirect_uri', REDIRECT_URI)
  if (params.scope !== undefined) url.searchParams.set('scope', params.scope)
  url.searchParams.set('state', params.state ?? randomBytes(8).toString('hex'))
  if (params.nonce) url.searchParams.set('nonce', params.nonce)
  if (params.prompt) url.searchParams.set('prompt', params.prompt)
  if (params.codeChallenge) {
    url.searchParams.set('code_challenge', params.codeChallenge)
    url.searchParams.set('code_challenge_method', 'S256')
  }
  for (const [key, value] of Object.entries(params.extra ?? {})) url.searchParams.set(key, value)
  return url
}

/** Starts an authorization request and follows it to the login form or back to the app. */
export async function startAuthorization(
  browser: TestBrowser,
  realm: TestRealm,
  params: AuthorizeParams,
): Promise<Response> {
  const url = authorizeUrl(realm, params)
  return browser.follow(await browser.request(url), url, realm.origin)
}

export function formAction(html: string, base: string): URL {
  const match = /<form[^>]*action="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('no form in page')
  return new URL(match[1].replaceAll('&amp;', '&'), base)
}

/** Posts the login form of the page `loginPage` (fetched from `pageUrl`) and follows the redirects. */
export async function submitLogin(
  browser: TestBrowser,
  realm: TestRealm,
  page: { html: string; url: string },
  username: string,
  password: string,
): Promise<Response> {
  const action = formAction(page.html, page.url)
  const response = await browser.request(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }),
  })
  return browser.follow(response, action, realm.origin)
}

export interface CallbackResult {
  params: URLSearchParams
  code: string
  verifier: string
  state: string
}

/** A full login: authorize with PKCE, sign in on the form, return the callback parameters. */
export async function loginForCode(
  browser: TestBrowser,
  realm: TestRealm,
  params: AuthorizeParams & { username?: string; password?: string } = {},
): Promise<CallbackResult> {
  const pkce = createPkce()
  const state = params.state ?? randomBytes(8).toString('hex')
  let response = await startAuthorization(browser, realm, {
    ...params,
    state,
    codeChallenge: params.codeChallenge === null ? null : pkce.challenge,
  })
  if (response.status === 200) {
    const username = params.username ?? 'alice'
    response = await submitLogin(
      browser,
      realm,
      { html: await response.text(), url: response.url || realm.origin },
      username,
      params.password ?? username,
    )
  }
  const location = response.headers.get('location')
  if (response.status !== 303 || !location) {
    throw new Error(
      `expected a redirect to the app, got ${response.status}: ${await response.text()}`,
    )
  }
  const callback = new URL(location)
  const code = callback.searchParams.get('code')
  if (!code) throw new Error(`no code in callback: ${location}`)
  return { params: callback.searchParams, code, verifier: pkce.verifier, state }
}

export interface TokenResponse {
  access_token: string
  id_token?: string
  refresh_token?: string
  scope?: string
  token_type: string
  expires_in: number
  [key: string]: unknown
}

export async function postForm(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  })
}

export function basicAuth(clientId: string, secret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` }
}

export async function exchangeCode(
  realm: TestRealm,
  login: CallbackResult,
  clientId = 'oidc-lab',
): Promise<TokenResponse> {
  const response = await postForm(
    realm.endpoint('token'),
    {
      grant_type: 'authorization_code',
      code: login.code,
      redirect_uri: REDIRECT_URI,
      code_verifier: login.verifier,
      ...(clientId === 'oidc-lab-confidential' ? {} : { client_id: clientId }),
    },
    clientId === 'oidc-lab-confidential' ? basicAuth(clientId, CONFIDENTIAL_SECRET) : {},
  )
  if (response.status !== 200) {
    throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`)
  }
  return (await response.json()) as TokenResponse
}

/** Login + code exchange in one go. */
export async function loginForTokens(
  browser: TestBrowser,
  realm: TestRealm,
  params: AuthorizeParams & { username?: string } = {},
): Promise<TokenResponse> {
  const login = await loginForCode(browser, realm, params)
  return exchangeCode(realm, login, params.clientId ?? 'oidc-lab')
}

export function claims(jwt: string | undefined): JWTPayload {
  if (!jwt) throw new Error('no token')
  return decodeJwt(jwt)
}

export function header(jwt: string): ReturnType<typeof decodeProtectedHeader> {
  return decodeProtectedHeader(jwt)
}

export async function userinfo(
  realm: TestRealm,
  accessToken: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(realm.endpoint('userinfo'), {
    headers: { authorization: `Bearer ${accessToken}`, ...headers },
  })
}
