import { beforeAll, describe, expect, test } from 'vitest'
import { createTestSigner, type TestSigner } from '@/testing/fixtures/jwt-signing'
import { analyzeHar } from './analyze-har'
import { readHar } from './read-har'

const ISSUER = 'http://localhost:8080/realms/demo'
const OIDC = `${ISSUER}/protocol/openid-connect`
const APP = 'http://localhost:5173'
const REDIRECT = `${APP}/callback`
const T0 = Date.parse('2026-03-01T10:00:00Z')

type Pair = { name: string; value: string }
const pairs = (o: Record<string, string>): Pair[] =>
  Object.entries(o).map(([name, value]) => ({ name, value }))

let clock = 0
/** One HAR 1.2 entry, as Chromium's DevTools or Playwright write it. */
function entry(
  method: string,
  url: string,
  status: number,
  options: {
    requestHeaders?: Record<string, string>
    form?: Record<string, string>
    responseHeaders?: Record<string, string>
    body?: unknown
    mimeType?: string
    location?: string
  } = {},
) {
  clock += 1000
  const text =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body)
  return {
    startedDateTime: new Date(T0 + clock).toISOString(),
    time: 12,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs({ ':authority': 'x', ...options.requestHeaders }),
      queryString: [],
      ...(options.form
        ? {
            postData: {
              mimeType: 'application/x-www-form-urlencoded',
              text: new URLSearchParams(options.form).toString(),
              params: pairs(options.form),
            },
          }
        : {}),
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs({
        ...(options.location ? { Location: options.location } : {}),
        ...options.responseHeaders,
      }),
      content: {
        size: text?.length ?? 0,
        mimeType:
          options.mimeType ?? (typeof options.body === 'object' ? 'application/json' : 'text/html'),
        ...(text === undefined ? {} : { text }),
      },
      redirectURL: options.location ?? '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
  }
}

const har = (entries: unknown[]) =>
  JSON.stringify({
    log: { version: '1.2', creator: { name: 'Playwright', version: '1.65' }, entries },
  })

const DISCOVERY = {
  issuer: ISSUER,
  authorization_endpoint: `${OIDC}/auth`,
  token_endpoint: `${OIDC}/token`,
  userinfo_endpoint: `${OIDC}/userinfo`,
  jwks_uri: `${OIDC}/certs`,
  response_types_supported: ['code'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256'],
  scopes_supported: ['openid', 'profile', 'email'],
}

let signer: TestSigner
beforeAll(async () => {
  signer = await createTestSigner('RS256', 'k1')
})

interface SignInOptions {
  scope: string
  state: string
  userinfoStatus?: number
  /** A confidential client: the secret in the token request form. */
  secret?: string
  refresh?: boolean
}

/** The entries of one sign-in of the app at the demo realm, with junk around it. */
async function signIn({ scope, state, userinfoStatus = 200, secret, refresh }: SignInOptions) {
  const openid = scope.split(' ').includes('openid')
  const nonce = `nonce-${state}`
  const iat = Math.floor((T0 + clock + 5000) / 1000)
  const claims = { sub: 'sub-alice', preferred_username: 'alice', email: 'alice@example.com' }
  const accessToken = await signer.sign({
    iss: ISSUER,
    sub: claims.sub,
    azp: 'oidc-lab',
    scope: scope,
    iat,
    exp: iat + 300,
    preferred_username: 'alice',
  })
  const idToken = openid
    ? await signer.sign({ iss: ISSUER, aud: 'oidc-lab', nonce, iat, exp: iat + 300, ...claims })
    : undefined
  const auth = new URL(`${OIDC}/auth`)
  for (const [k, v] of Object.entries({
    client_id: 'oidc-lab',
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope,
    state,
    nonce,
    code_challenge: 'abc',
    code_challenge_method: 'S256',
  }))
    auth.searchParams.set(k, v)
  const code = `code-${state}`
  const callback = `${REDIRECT}?state=${state}&iss=${encodeURIComponent(ISSUER)}&code=${code}`
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    client_id: 'oidc-lab',
    code_verifier: 'verifier',
    ...(secret ? { client_secret: secret } : {}),
  }
  const entries = [
    entry('GET', `${APP}/login`, 302, { location: auth.href }),
    entry('GET', auth.href, 200, { body: '<form>login</form>' }),
    entry('POST', `${ISSUER}/login-actions/authenticate`, 302, {
      form: { username: 'alice', password: 'alice' },
      location: callback,
    }),
    entry('GET', callback, 200, { body: '<html>app</html>' }),
    entry('GET', `${APP}/assets/index-abc.js`, 200, {
      body: 'console.log(1)',
      mimeType: 'text/javascript',
    }),
    entry('POST', `${OIDC}/token`, 200, {
      form,
      body: {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: 300,
        refresh_token: `refresh-${state}`,
        scope,
        ...(idToken ? { id_token: idToken } : {}),
      },
    }),
    userinfoStatus === 200
      ? entry('GET', `${OIDC}/userinfo`, 200, {
          requestHeaders: { Authorization: `Bearer ${accessToken}` },
          body: claims,
        })
      : entry('GET', `${OIDC}/userinfo`, userinfoStatus, {
          requestHeaders: { Authorization: `Bearer ${accessToken}` },
          responseHeaders: {
            'WWW-Authenticate':
              'Bearer error="insufficient_scope", error_description="Invalid scope"',
          },
          body: { error: 'insufficient_scope', error_description: 'Invalid scope' },
        }),
  ]
  if (refresh)
    entries.push(
      entry('POST', `${OIDC}/token`, 400, {
        form: {
          grant_type: 'refresh_token',
          refresh_token: `refresh-${state}`,
          client_id: 'oidc-lab',
        },
        body: { error: 'invalid_grant', error_description: 'Session not active' },
      }),
    )
  return { entries, accessToken, idToken }
}

const providerEntries = () => [
  entry('GET', `${ISSUER}/.well-known/openid-configuration`, 200, { body: DISCOVERY }),
  entry('GET', `${OIDC}/certs`, 200, { body: { keys: [signer.jwk] } }),
]

const now = new Date('2026-03-02T00:00:00Z')

describe('analyzeHar', () => {
  test('a sign-in with openid: tokens decoded, checks pass, userinfo claims, junk listed', async () => {
    const provider = providerEntries()
    const flow = await signIn({ scope: 'openid profile email', state: 's1' })
    const result = await analyzeHar(har([...provider, ...flow.entries]), {
      fileName: 'app.har',
      now,
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [run] = result.runs
    expect(result.runs).toHaveLength(1)
    expect(run).toMatchObject({
      id: 'har-s1',
      issuer: ISSUER,
      clientId: 'oidc-lab',
      clientType: 'public',
      requestedScope: ['openid', 'profile', 'email'],
      grantedScope: ['openid', 'profile', 'email'],
      user: 'alice',
      tokenStatus: 200,
      userinfo: { status: 200, claims: { sub: 'sub-alice', email: 'alice@example.com' } },
      imported: { from: 'har', file: 'app.har' },
      tokens: { idToken: flow.idToken, accessToken: flow.accessToken, refreshToken: 'refresh-s1' },
    })
    expect(run?.label).toMatch(/^HAR · alice · oidc-lab · openid profile email/)
    const status = Object.fromEntries(run?.checks.idToken.map((c) => [c.id, c.status]) ?? [])
    expect(status).toMatchObject({
      signature: 'pass',
      iss: 'pass',
      aud: 'pass',
      nonce: 'pass',
      exp: 'pass',
    })
    expect(run?.checks.userinfo.map((c) => [c.id, c.status])).toEqual([['userinfo_sub', 'pass']])
    expect(run?.diagnoses).toEqual([])
    expect(run?.exchanges.map((x) => x.stepId)).toEqual([
      'discovery',
      'jwks',
      'authorize',
      'callback',
      'token',
      'userinfo',
    ])
    // the login form at the provider is not part of the protocol; the app's assets neither
    expect(result.ignored).toEqual([
      expect.stringMatching(/^not part of the sign-in: GET .*index-abc\.js \(200\)$/) as unknown,
    ])
    expect(JSON.stringify(run)).not.toContain('password')
    expect(result.understood.map((u) => u.role)).toEqual([
      'discovery',
      'jwks',
      'authorize',
      'authorize',
      'callback',
      'callback',
      'token',
      'userinfo',
    ])
  })

  test('without openid: no ID token, userinfo 403 diagnosed as insufficient_scope', async () => {
    const flow = await signIn({ scope: 'profile email', state: 's2', userinfoStatus: 403 })
    const result = await analyzeHar(har([...providerEntries(), ...flow.entries]), { now })
    if (!result.ok) throw new Error(result.message)
    const [run] = result.runs
    expect(run?.tokens.idToken).toBeUndefined()
    expect(run?.userinfo).toEqual({ status: 403 })
    expect(run?.checks.idToken).toEqual([])
    const codes = run?.diagnoses?.map((d) => [d.stepId, d.diagnosis.code])
    expect(codes).toContainEqual(['userinfo', 'insufficient_scope'])
    expect(codes).toContainEqual(['token', 'no_id_token'])
  })

  test('two sign-ins in one HAR are two runs; a refresh and its refusal belong to its own', async () => {
    const a = await signIn({ scope: 'openid', state: 'a' })
    const b = await signIn({ scope: 'openid email', state: 'b', refresh: true })
    const result = await analyzeHar(har([...providerEntries(), ...a.entries, ...b.entries]), {
      now,
    })
    if (!result.ok) throw new Error(result.message)
    expect(result.runs.map((r) => r.id)).toEqual(['har-a', 'har-b'])
    expect(result.runs[0]?.exchanges.some((x) => x.stepId === 'refresh')).toBe(false)
    const refresh = result.runs[1]?.diagnoses?.find((d) => d.stepId === 'refresh')
    expect(refresh?.diagnosis.code).toBe('invalid_grant')
  })

  test('a confidential client: the secret is masked in the stored exchanges', async () => {
    const flow = await signIn({ scope: 'openid', state: 'c', secret: 'oidc-lab-secret' })
    const result = await analyzeHar(har([...providerEntries(), ...flow.entries]), { now })
    if (!result.ok) throw new Error(result.message)
    expect(result.runs[0]?.clientType).toBe('confidential')
    expect(JSON.stringify(result.runs[0]?.exchanges)).not.toContain('oidc-lab-secret')
  })

  test('no JWKS in the HAR: the signature is not verified, the rest still checked', async () => {
    const flow = await signIn({ scope: 'openid', state: 'k' })
    const [discovery] = providerEntries()
    const result = await analyzeHar(har([discovery, ...flow.entries]), { now })
    if (!result.ok) throw new Error(result.message)
    const signature = result.runs[0]?.checks.idToken.find((c) => c.id === 'signature')
    expect(signature?.status).not.toBe('pass')
    expect(result.runs[0]?.checks.idToken.find((c) => c.id === 'nonce')?.status).toBe('pass')
  })

  test('junk entries are listed or noted, never fatal', async () => {
    const flow = await signIn({ scope: 'openid', state: 'j' })
    const result = await analyzeHar(
      har([
        'junk',
        { request: { method: 'GET' } },
        entry('OPTIONS', `${OIDC}/userinfo`, 204),
        {
          ...entry('GET', 'https://cdn.example.com/x.png', 0),
          response: { status: 0, _error: 'net::ERR_BLOCKED_BY_CLIENT' },
        },
        ...providerEntries(),
        ...flow.entries,
      ]),
      { now },
    )
    if (!result.ok) throw new Error(result.message)
    expect(result.runs).toHaveLength(1)
    expect(result.notes).toEqual([
      'Skipped: entry 1 is not an object.',
      'Skipped: entry 2 has no request method and URL.',
    ])
    expect(result.ignored).toContainEqual(
      expect.stringMatching(/^CORS preflight: .*userinfo \(204\)$/),
    )
    expect(result.ignored).toContainEqual(
      'not part of the sign-in: GET https://cdn.example.com/x.png (no response)',
    )
    expect(result.runs[0]?.imported?.notes).toEqual(expect.arrayContaining(result.ignored))
  })

  test.each([
    ['not JSON', 'GET / HTTP/1.1', /not a HAR: it is not JSON/],
    ['JSON without log.entries', '{"log":{}}', /no log\.entries/],
    ['a runs export', '{"format":"oidc-lab-runs","version":1,"runs":[]}', /use Import runs/],
    [
      'a HAR without a sign-in',
      har([entry('GET', `${APP}/`, 200, { body: 'x' })]),
      /No sign-in found in this HAR \(1 entries\)/,
    ],
  ])('%s gets a specific message', async (_name, text, message) => {
    const result = await analyzeHar(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })
})

describe('readHar', () => {
  test('base64 bodies, pseudo headers dropped, a missing body noted', () => {
    const withBase64 = entry('GET', `${APP}/a`, 200)
    withBase64.response.content = {
      size: 2,
      mimeType: 'text/plain',
      text: btoa('hi'),
      encoding: 'base64',
    } as never
    const noBody = entry('GET', `${APP}/b`, 200)
    const read = readHar(har([withBase64, noBody]))
    if (!read.ok) throw new Error(read.message)
    expect(read.exchanges[0]?.response?.body).toBe('hi')
    expect(read.exchanges[0]?.request.headers).toEqual({})
    expect(read.exchanges[1]?.bodyMissing).toBe(true)
    expect(read.creator).toBe('Playwright 1.65')
  })
})
