import { describe, expect, test } from 'vitest'
import {
  keycloakUserinfoMissingOpenid,
  keycloakUserinfoSuccess,
  oidcProviderUserinfoInvalidToken,
  userinfo403Opaque,
} from '@/testing/fixtures/provider-responses'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { buildUserinfoRequest, checkUserinfoSub, processUserinfoResponse } from './userinfo'

const res = (
  status: number,
  body: string,
  headers: Record<string, string> = {},
): HttpResponseRecord => ({
  status,
  statusText: '',
  headers,
  body,
})

describe('buildUserinfoRequest', () => {
  test.each([
    { tokenType: undefined, header: 'Bearer at' },
    { tokenType: 'bearer', header: 'Bearer at' },
    { tokenType: 'BEARER', header: 'Bearer at' },
    { tokenType: 'dpop', header: 'DPoP at' },
  ])('token_type $tokenType → $header', ({ tokenType, header }) => {
    const spec = buildUserinfoRequest('https://kc/userinfo', 'at', tokenType)
    expect(spec).toEqual({
      method: 'GET',
      url: 'https://kc/userinfo',
      headers: { Authorization: header, Accept: 'application/json, application/jwt' },
      secretFields: ['Authorization'],
    })
  })
})

describe('processUserinfoResponse', () => {
  test('JSON claims', () => {
    const result = processUserinfoResponse(keycloakUserinfoSuccess)
    expect(result.ok && result.value).toMatchObject({ format: 'json', missingSub: false })
    expect(result.ok && result.value.format === 'json' && result.value.claims.email).toBe(
      'alice@example.com',
    )
  })

  test.each([
    {
      name: 'signed JWT',
      body: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.sig',
      encrypted: false,
      ct: 'application/jwt',
    },
    {
      name: 'encrypted JWT',
      body: 'eyJhbGciOiJSU0EtT0FFUCJ9.key.iv.cipher.tag',
      encrypted: true,
      ct: 'application/jwt',
    },
    {
      name: 'mislabelled JWT',
      body: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.sig\n',
      encrypted: false,
      ct: 'text/plain',
    },
  ])('$name', ({ body, encrypted, ct }) => {
    const result = processUserinfoResponse(res(200, body, { 'content-type': ct }))
    expect(result).toEqual({ ok: true, value: { format: 'jwt', jwt: body.trim(), encrypted } })
  })

  test('flags a missing sub', () => {
    const result = processUserinfoResponse(res(200, '{"email":"a@b"}'))
    expect(result.ok && result.value).toMatchObject({ format: 'json', missingSub: true })
  })

  test.each([
    {
      name: 'Keycloak 403 missing openid',
      response: keycloakUserinfoMissingOpenid,
      code: 'insufficient_scope',
      message:
        'insufficient_scope: The access token is valid but lacks a scope this resource requires. The provider said: “Missing openid scope”.',
    },
    {
      name: 'oidc-provider 401 invalid token',
      response: oidcProviderUserinfoInvalidToken,
      code: 'invalid_token',
      message:
        'invalid_token: The access token is expired, revoked, malformed, or not valid for this resource (e.g. another realm). The provider said: “invalid token provided”.',
    },
    {
      name: '403 with no header and no body (CORS hides the header)',
      response: userinfo403Opaque,
      code: 'userinfo_http_error',
      message: 'Userinfo answered HTTP 403 Forbidden. No readable WWW-Authenticate header.',
    },
    {
      name: 'error only in the JSON body',
      response: res(401, '{"error":"invalid_token","error_description":"Token is not active"}'),
      code: 'invalid_token',
      message:
        'invalid_token: The access token is expired, revoked, malformed, or not valid for this resource (e.g. another realm). The provider said: “Token is not active”.',
    },
    {
      name: 'provider-specific error code',
      response: res(403, '{"error":"access_denied","error_description":"Client disabled"}'),
      code: 'userinfo_http_error',
      message:
        'Userinfo answered HTTP 403 with error “access_denied”. The provider said: “Client disabled”. No readable WWW-Authenticate header.',
    },
    {
      name: '200 with an error body',
      response: res(200, '{"error":"invalid_token"}'),
      code: 'non_standard_response',
      message: 'Userinfo answered HTTP 200 but the body is an error: “invalid_token”.',
    },
    {
      name: '200 HTML',
      response: res(200, '<html><title>Login</title></html>', { 'content-type': 'text/html' }),
      code: 'non_standard_response',
      message:
        'Userinfo answered HTTP 200 with an HTML page titled “Login” (Content-Type: text/html), starting: <html><title>Login</title></html>, not the claims JSON.',
    },
  ])('$name → $code', ({ response, code, message }) => {
    const result = processUserinfoResponse(response)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.message).toBe(message)
    expect(result.error.body).toBe(response.body)
  })

  test('the challenge wins over the body and is kept parsed', () => {
    const result = processUserinfoResponse(keycloakUserinfoMissingOpenid)
    expect(!result.ok && result.error.challenges).toEqual([
      {
        scheme: 'Bearer',
        params: {
          realm: 'demo',
          error: 'insufficient_scope',
          error_description: 'Missing openid scope',
        },
      },
    ])
  })
})

describe('checkUserinfoSub', () => {
  test.each([
    { claims: { sub: 'a' }, idSub: 'a', status: 'pass' },
    { claims: { sub: 'a' }, idSub: 'b', status: 'fail' },
    { claims: { sub: 'a' }, idSub: undefined, status: 'skip' },
    { claims: {}, idSub: 'a', status: 'fail' },
  ])('$claims vs $idSub → $status', ({ claims, idSub, status }) => {
    expect(checkUserinfoSub(claims, idSub)).toMatchObject({ id: 'userinfo_sub', status })
  })
})
