import { describe, expect, test } from 'vitest'
import { buildRefreshRequest, buildTokenRequest } from '@/lib/oidc/token-request'
import { MASK } from '@/lib/wire/mask'
import { buildUserinfoRequest } from '@/lib/oidc/userinfo'
import { redactExchange } from './redact'
import type { HttpExchange, HttpRequestSpec, HttpResponseRecord } from '@/lib/wire/http-types'

const exchange = (request: HttpRequestSpec, response?: HttpResponseRecord): HttpExchange => ({
  id: 'x1',
  stepId: 'token',
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 12,
  request,
  ...(response ? { response } : {}),
})

const tokenBody = JSON.stringify({
  access_token: 'eyJa.b.c',
  token_type: 'Bearer',
  refresh_token: 'rt-1',
  id_token: 'eyJi.d.e',
  scope: 'openid email',
})
const tokenResponse: HttpResponseRecord = {
  status: 200,
  statusText: 'OK',
  headers: { 'content-type': 'application/json' },
  body: tokenBody,
}
const codeRequest = (method: 'client_secret_basic' | 'client_secret_post') =>
  buildTokenRequest({
    tokenEndpoint: 'https://kc/token',
    code: 'the-code',
    redirectUri: 'http://localhost:5173/callback',
    clientId: 'webapp',
    codeVerifier: 'the-verifier',
    auth: { method, clientSecret: 's3cret' },
  })

describe('redactExchange', () => {
  test.each([
    {
      name: 'post secret, tokens kept',
      x: exchange(codeRequest('client_secret_post'), tokenResponse),
      tokens: false,
      form: { client_secret: MASK, code: 'the-code', code_verifier: 'the-verifier' },
      authorization: undefined,
      body: tokenBody,
    },
    {
      name: 'post secret, tokens hidden',
      x: exchange(codeRequest('client_secret_post'), tokenResponse),
      tokens: true,
      form: { client_secret: MASK, code: MASK, code_verifier: MASK },
      authorization: undefined,
      body: JSON.stringify({
        access_token: MASK,
        token_type: 'Bearer',
        refresh_token: MASK,
        id_token: MASK,
        scope: 'openid email',
      }),
    },
    {
      name: 'basic secret, tokens kept',
      x: exchange(codeRequest('client_secret_basic')),
      tokens: false,
      form: { code: 'the-code' },
      authorization: `Basic ${MASK}`,
      body: undefined,
    },
  ])('$name', ({ x, tokens, form, authorization, body }) => {
    const redacted = redactExchange(x, { tokens })
    const fields = Object.fromEntries(redacted.request.form ?? [])
    expect(fields).toMatchObject(form)
    expect(redacted.request.headers.Authorization).toBe(authorization)
    expect(redacted.response?.body).toBe(body)
    expect(JSON.stringify(redacted)).not.toContain('s3cret')
  })

  test('never mutates the original', () => {
    const x = exchange(codeRequest('client_secret_basic'), tokenResponse)
    const copy = structuredClone(x)
    redactExchange(x, { tokens: true })
    expect(x).toEqual(copy)
  })

  test('Bearer header only with tokens', () => {
    const x = exchange(buildUserinfoRequest('https://kc/userinfo', 'eyJa.b.c'))
    expect(redactExchange(x, { tokens: false }).request.headers.Authorization).toBe(
      'Bearer eyJa.b.c',
    )
    expect(redactExchange(x, { tokens: true }).request.headers.Authorization).toBe(`Bearer ${MASK}`)
  })

  test('refresh_token listed in secretFields follows the tokens flag', () => {
    const x = exchange(
      buildRefreshRequest({
        tokenEndpoint: 'https://kc/token',
        refreshToken: 'rt',
        clientId: 'spa',
        auth: { method: 'none' },
      }),
    )
    expect(
      Object.fromEntries(redactExchange(x, { tokens: false }).request.form ?? []).refresh_token,
    ).toBe('rt')
    expect(
      Object.fromEntries(redactExchange(x, { tokens: true }).request.form ?? []).refresh_token,
    ).toBe(MASK)
  })

  test('JWT userinfo bodies, JSON client_secret, URLs and library form bodies', () => {
    const jwtUserinfo = exchange(buildUserinfoRequest('https://kc/userinfo', 't'), {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/jwt' },
      body: 'eyJh.eyJz.sig',
    })
    expect(redactExchange(jwtUserinfo, { tokens: true }).response?.body).toBe(MASK)
    expect(redactExchange(jwtUserinfo, { tokens: false }).response?.body).toBe('eyJh.eyJz.sig')

    const registration = exchange(
      { method: 'GET', url: 'https://kc/reg?client_secret=abc&x=1', headers: {} },
      {
        status: 200,
        statusText: '',
        headers: {},
        body: '{\n  "client_id": "a",\n  "client_secret": "q\\"uoted"\n}',
      },
    )
    const redacted = redactExchange(registration, { tokens: false })
    expect(redacted.response?.body).toBe(`{\n  "client_id": "a",\n  "client_secret": "${MASK}"\n}`)
    expect(redacted.request.url).toBe(
      `https://kc/reg?client_secret=${encodeURIComponent(MASK).replace(/%20/g, '+')}&x=1`,
    )

    const library = exchange({
      method: 'POST',
      url: 'https://kc/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=rt&client_secret=zz%ZZ',
    })
    expect(redactExchange(library, { tokens: true }).request.body).toBe(
      `grant_type=refresh_token&refresh_token=${encodeURIComponent(MASK)}&client_secret=${encodeURIComponent(MASK)}`,
    )
  })
})
