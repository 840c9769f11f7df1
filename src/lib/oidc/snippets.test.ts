import { describe, expect, test } from 'vitest'
import { buildClientCredentialsRequest } from './client-credentials'
import { buildDiscoveryRequest } from './discovery'
import type { HttpRequestSpec } from '@/lib/wire/http-types'
import { toJavaScriptFetch, toPythonRequests } from './snippets'
import { toFormBody } from '@/lib/wire/form'
import { buildRefreshRequest, buildTokenRequest } from './token-request'
import { buildUserinfoRequest } from './userinfo'

const TOKEN = 'http://localhost:8080/realms/demo/protocol/openid-connect/token'
const code = {
  tokenEndpoint: TOKEN,
  code: 'c0de',
  redirectUri: 'http://localhost:5173/callback',
  clientId: 'webapp',
}
const basicSpec = buildTokenRequest({
  ...code,
  codeVerifier: 'v',
  auth: { method: 'client_secret_basic', clientSecret: 'webapp-secret' },
})
const postSpec = buildTokenRequest({
  ...code,
  auth: { method: 'client_secret_post', clientSecret: 's3cret' },
})

describe('toPythonRequests', () => {
  test('discovery GET: no secrets, no imports beyond requests', () => {
    expect(
      toPythonRequests(buildDiscoveryRequest('https://kc/realms/x'), { revealSecrets: false }),
    ).toBe(
      [
        'import requests',
        '',
        'response = requests.get(',
        '    "https://kc/realms/x/.well-known/openid-configuration",',
        '    headers={',
        '        "Accept": "application/json",',
        '    },',
        ')',
        'print(response.status_code)',
        'print(response.text)',
      ].join('\n'),
    )
  })

  test('client_secret_basic, hidden: the Basic header is computed from CLIENT_SECRET', () => {
    expect(toPythonRequests(basicSpec, { revealSecrets: false })).toBe(
      [
        '# Secrets come from the environment (they were left out on purpose). CLIENT_SECRET is form-urlencoded before it goes into the Basic header (RFC 6749 §2.3.1).',
        'import base64',
        'import os',
        'from urllib.parse import quote_plus',
        '',
        'import requests',
        '',
        'CLIENT_SECRET = os.environ["CLIENT_SECRET"]',
        '',
        'response = requests.post(',
        `    "${TOKEN}",`,
        '    headers={',
        '        "Content-Type": "application/x-www-form-urlencoded",',
        '        "Accept": "application/json",',
        '        "Authorization": "Basic " + base64.b64encode(("webapp:" + quote_plus(CLIENT_SECRET, safe="*").replace("~", "%7E")).encode()).decode(),',
        '    },',
        '    data=[',
        '        ("grant_type", "authorization_code"),',
        '        ("code", "c0de"),',
        '        ("redirect_uri", "http://localhost:5173/callback"),',
        '        ("code_verifier", "v"),',
        '    ],',
        ')',
        'print(response.status_code)',
        'print(response.text)',
      ].join('\n'),
    )
  })

  test('client_secret_basic, revealed: the header as sent', () => {
    const out = toPythonRequests(basicSpec, { revealSecrets: true })
    expect(out).toContain(`        "Authorization": "${basicSpec.headers.Authorization ?? ''}",\n`)
    expect(out.startsWith('import requests\n')).toBe(true)
  })

  test('client_secret_post, hidden and revealed', () => {
    const hidden = toPythonRequests(postSpec, { revealSecrets: false })
    expect(hidden).toContain('        ("client_secret", CLIENT_SECRET),\n')
    expect(hidden).not.toContain('s3cret')
    expect(
      hidden.startsWith(
        '# Secrets come from the environment (they were left out on purpose).\nimport os\n\nimport requests\n\nCLIENT_SECRET = os.environ["CLIENT_SECRET"]\n\n',
      ),
    ).toBe(true)
    expect(toPythonRequests(postSpec, { revealSecrets: true })).toContain(
      '        ("client_secret", "s3cret"),\n',
    )
  })

  test('Bearer token and refresh token get their own variables', () => {
    expect(
      toPythonRequests(buildUserinfoRequest('https://kc/userinfo', 'eyJ.abc.def'), {
        revealSecrets: false,
      }),
    ).toContain('        "Authorization": "Bearer " + ACCESS_TOKEN,\n')
    const refresh = toPythonRequests(
      buildRefreshRequest({
        tokenEndpoint: TOKEN,
        refreshToken: 'rt',
        clientId: 'spa',
        auth: { method: 'none' },
      }),
      { revealSecrets: false },
    )
    expect(refresh).toContain('REFRESH_TOKEN = os.environ["REFRESH_TOKEN"]\n')
    expect(refresh).toContain('        ("refresh_token", REFRESH_TOKEN),\n')
  })

  test('quotes and escapes survive as Python string literals', () => {
    const out = toPythonRequests(
      {
        method: 'POST',
        url: 'https://x/a?b="c"',
        headers: { 'Content-Type': 'application/json' },
        body: '{"a":"b\'c\\nü"}',
      },
      { revealSecrets: false },
    )
    expect(out).toBe(
      [
        'import requests',
        '',
        'response = requests.post(',
        '    "https://x/a?b=\\"c\\"",',
        '    headers={',
        '        "Content-Type": "application/json",',
        '    },',
        '    data="{\\"a\\":\\"b\'c\\\\nü\\"}".encode(),',
        ')',
        'print(response.status_code)',
        'print(response.text)',
      ].join('\n'),
    )
  })

  test('an empty form and no headers', () => {
    expect(
      toPythonRequests(
        { method: 'POST', url: 'https://x', headers: {}, form: [] },
        { revealSecrets: false },
      ),
    ).toBe(
      [
        'import requests',
        '',
        'response = requests.post(',
        '    "https://x",',
        '    data=[],',
        ')',
        'print(response.status_code)',
        'print(response.text)',
      ].join('\n'),
    )
  })
})

describe('toJavaScriptFetch', () => {
  test('client_secret_basic, hidden', () => {
    expect(toJavaScriptFetch(basicSpec, { revealSecrets: false })).toBe(
      [
        '// Secrets come from the environment (they were left out on purpose). CLIENT_SECRET is form-urlencoded before it goes into the Basic header (RFC 6749 §2.3.1).',
        'const CLIENT_SECRET = process.env.CLIENT_SECRET',
        'const formEncode = (value) => new URLSearchParams([["", value]]).toString().slice(1)',
        '',
        `const response = await fetch("${TOKEN}", {`,
        '  method: "POST",',
        '  headers: {',
        '    "Content-Type": "application/x-www-form-urlencoded",',
        '    "Accept": "application/json",',
        '    "Authorization": "Basic " + btoa("webapp:" + formEncode(CLIENT_SECRET)),',
        '  },',
        '  body: new URLSearchParams([',
        '    ["grant_type", "authorization_code"],',
        '    ["code", "c0de"],',
        '    ["redirect_uri", "http://localhost:5173/callback"],',
        '    ["code_verifier", "v"],',
        '  ]),',
        '})',
        'console.log(response.status, await response.text())',
      ].join('\n'),
    )
  })

  test('discovery GET', () => {
    expect(
      toJavaScriptFetch(buildDiscoveryRequest('https://kc/realms/x'), { revealSecrets: true }),
    ).toBe(
      [
        'const response = await fetch("https://kc/realms/x/.well-known/openid-configuration", {',
        '  method: "GET",',
        '  headers: {',
        '    "Accept": "application/json",',
        '  },',
        '})',
        'console.log(response.status, await response.text())',
      ].join('\n'),
    )
  })

  test('Bearer token hidden, raw body kept', () => {
    const spec: HttpRequestSpec = {
      ...buildUserinfoRequest('https://kc/userinfo', 'eyJ.abc.def'),
      method: 'POST',
      body: '{"x":1}',
    }
    expect(toJavaScriptFetch(spec, { revealSecrets: false })).toBe(
      [
        '// Secrets come from the environment (they were left out on purpose).',
        'const ACCESS_TOKEN = process.env.ACCESS_TOKEN',
        '',
        'const response = await fetch("https://kc/userinfo", {',
        '  method: "POST",',
        '  headers: {',
        '    "Authorization": "Bearer " + ACCESS_TOKEN,',
        '    "Accept": "application/json, application/jwt",',
        '  },',
        '  body: "{\\"x\\":1}",',
        '})',
        'console.log(response.status, await response.text())',
      ].join('\n'),
    )
  })

  test('a secret header without a scheme, and a field name that is not an identifier', () => {
    const out = toJavaScriptFetch(
      {
        method: 'POST',
        url: 'https://x',
        headers: { 'X-Api-Key': 'k' },
        form: [['2fa-code', '123']],
        secretFields: ['x-api-key', '2fa-code'],
      },
      { revealSecrets: false },
    )
    expect(out).toContain('const X_API_KEY = process.env.X_API_KEY\n')
    expect(out).toContain('const SECRET_2FA_CODE = process.env.SECRET_2FA_CODE\n')
    expect(out).toContain('    "X-Api-Key": X_API_KEY,\n')
    expect(out).toContain('    ["2fa-code", SECRET_2FA_CODE],\n')
  })

  // Runs the generated code with a fake fetch: it must send exactly the lab's request.
  const AsyncFunction = (
    Object.getPrototypeOf(async () => {}) as {
      constructor: new (...args: string[]) => (...values: unknown[]) => Promise<void>
    }
  ).constructor

  async function run(
    snippet: string,
    env: Record<string, string>,
  ): Promise<{ url: string; init: RequestInit }> {
    const calls: { url: string; init: RequestInit }[] = []
    const fakeFetch = (url: string, init: RequestInit) => {
      calls.push({ url, init })
      return Promise.resolve(new Response('ok'))
    }
    await new AsyncFunction('fetch', 'process', 'console', snippet)(
      fakeFetch,
      { env },
      { log: () => {} },
    )
    const call = calls[0]
    if (!call) throw new Error('fetch was not called')
    return call
  }

  test.each([
    { name: 'client_secret_basic', spec: basicSpec, secret: 'webapp-secret' },
    {
      name: 'client_secret_basic with : and space in the secret',
      spec: buildClientCredentialsRequest({
        tokenEndpoint: TOKEN,
        clientId: 'svc:1',
        auth: { method: 'client_secret_basic', clientSecret: 'a:b c~*é' },
        scope: 'api read',
      }),
      secret: 'a:b c~*é',
    },
    { name: 'client_secret_post', spec: postSpec, secret: 's3cret' },
  ])('the hidden snippet sends the very same request: $name', async ({ spec, secret }) => {
    for (const revealSecrets of [false, true]) {
      const { url, init } = await run(toJavaScriptFetch(spec, { revealSecrets }), {
        CLIENT_SECRET: secret,
      })
      expect(url).toBe(spec.url)
      expect(init.method).toBe(spec.method)
      expect(init.headers).toEqual(spec.headers)
      expect(init.body).toBeInstanceOf(URLSearchParams)
      expect((init.body as URLSearchParams).toString()).toBe(toFormBody(spec.form ?? []))
    }
  })
})
