import { describe, expect, test } from 'vitest'
import {
  gateway502,
  keycloakCodeNotValid,
  keycloakInvalidClientCredentials,
  keycloakTokenSuccess,
  oidcProviderTokenWithoutOpenid,
  oidcProviderWrongSecret,
} from '@/testing/fixtures/provider-responses'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { closestTokenError, processTokenResponse } from './token-response'

const res = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponseRecord => ({
  status,
  statusText: '',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

describe('processTokenResponse: success', () => {
  test('Keycloak response keeps extras', () => {
    const result = processTokenResponse(keycloakTokenSuccess)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      refresh_expires_in: 1800,
      scope: 'openid profile email',
      'not-before-policy': 0,
      session_state: '4c9d3e8a-0b6e-4a57-9b7a-1f2a3b4c5d6e',
    })
    expect(result.value.id_token).toMatch(/^eyJ/)
  })

  test('oidc-provider without openid: no id_token', () => {
    const result = processTokenResponse(oidcProviderTokenWithoutOpenid)
    expect(result.ok && result.value.id_token).toBeUndefined()
    expect(result.ok && result.value.scope).toBe('profile email')
  })

  test.each([
    {
      name: 'lower-case bearer',
      body: { access_token: 'a', token_type: 'bearer' },
      expected: { token_type: 'bearer' },
    },
    {
      name: 'DPoP',
      body: { access_token: 'a', token_type: 'DPoP' },
      expected: { token_type: 'DPoP' },
    },
    {
      name: 'expires_in as a string',
      body: { access_token: 'a', token_type: 'Bearer', expires_in: '3600' },
      expected: { expires_in: 3600 },
    },
    {
      name: 'scope as an array',
      body: { access_token: 'a', token_type: 'Bearer', scope: ['openid', 'email'] },
      expected: { scope: 'openid email' },
    },
    {
      name: '201 status',
      body: { access_token: 'a', token_type: 'Bearer' },
      expected: { access_token: 'a' },
    },
  ])('tolerates $name', ({ body, expected }) => {
    const result = processTokenResponse(res(200, body))
    expect(result.ok).toBe(true)
    expect(result.ok && result.value).toMatchObject(expected)
  })

  test('drops a non-numeric expires_in from the typed value', () => {
    const result = processTokenResponse(
      res(200, { access_token: 'a', token_type: 'Bearer', expires_in: 'soon' }),
    )
    expect(result.ok && 'expires_in' in result.value).toBe(false)
  })
})

describe('processTokenResponse: errors', () => {
  test.each([
    {
      name: 'Keycloak invalid_grant',
      response: keycloakCodeNotValid,
      code: 'invalid_grant',
      message:
        'invalid_grant: The authorization code (or refresh token) is invalid, expired, already used, or was issued for another redirect_uri or PKCE verifier. The provider said: “Code not valid”.',
      deviations: undefined,
    },
    {
      name: 'oidc-provider wrong secret with Basic challenge',
      response: oidcProviderWrongSecret,
      code: 'invalid_client',
      message:
        'invalid_client: The provider could not authenticate the client: unknown client, wrong secret, or a secret missing or sent the wrong way. The provider said: “client authentication failed”.',
      deviations: undefined,
    },
    {
      name: 'Keycloak says unauthorized_client for bad credentials',
      response: keycloakInvalidClientCredentials,
      code: 'invalid_client',
      message:
        'invalid_client: The provider could not authenticate the client: unknown client, wrong secret, or a secret missing or sent the wrong way. The provider said: “Invalid client or Invalid client credentials”.',
      deviations: [
        'The provider said “unauthorized_client” for a failed client authentication; RFC 6749 §5.2 calls that “invalid_client” (Keycloak does this).',
      ],
    },
    {
      name: '200 with an error field',
      response: res(200, { error: 'invalid_grant', error_description: 'expired' }),
      code: 'invalid_grant',
      message:
        'invalid_grant: The authorization code (or refresh token) is invalid, expired, already used, or was issued for another redirect_uri or PKCE verifier. The provider said: “expired”.',
      deviations: [
        'The error came with HTTP 200; RFC 6749 §5.2 requires 400 (401 for invalid_client).',
      ],
    },
    {
      name: '403 with a standard code',
      response: res(403, { error: 'unauthorized_client' }),
      code: 'unauthorized_client',
      message: 'unauthorized_client: This client is not allowed to use this grant type.',
      deviations: ['HTTP 403 instead of 400 for “unauthorized_client” (RFC 6749 §5.2).'],
    },
    {
      name: 'RFC 8628 authorization_pending',
      response: res(400, {
        error: 'authorization_pending',
        error_description: 'The authorization request is still pending',
      }),
      code: 'authorization_pending',
      message:
        'authorization_pending: The user has not finished the device authorization yet; keep polling. The provider said: “The authorization request is still pending”.',
      deviations: undefined,
    },
    {
      name: 'RFC 8628 slow_down with a wrong status',
      response: res(429, { error: 'slow_down' }),
      code: 'slow_down',
      message:
        'slow_down: The authorization is still pending and the client polls too fast; add 5 seconds to the interval.',
      deviations: ['HTTP 429 instead of 400 for “slow_down” (RFC 8628 §3.5).'],
    },
    {
      name: 'RFC 8628 expired_token',
      response: res(400, { error: 'expired_token' }),
      code: 'expired_token',
      message: 'expired_token: The device_code expired before the user finished.',
      deviations: undefined,
    },
    {
      name: '403 with the provider’s own code',
      response: res(403, { error: 'access_forbidden', error_description: 'Client not allowed' }),
      code: 'non_standard_response',
      message:
        'The token endpoint answered HTTP 403 with its own error code “access_forbidden”, which OAuth 2.0 does not define. The provider said: “Client not allowed”. The closest standard meaning is “unauthorized_client”.',
      deviations: ['“access_forbidden” is not one of the RFC 6749 §5.2 error codes.'],
    },
    {
      name: '500 server_error',
      response: res(500, { error: 'server_error', error_description: 'oops' }),
      code: 'server_error',
      message:
        'server_error: The provider hit an unexpected error while handling the token request. The provider said: “oops”.',
      deviations: undefined,
    },
    {
      name: '502 HTML gateway page',
      response: gateway502,
      code: 'non_standard_response',
      message:
        'The token endpoint answered HTTP 502 Bad Gateway with an HTML page titled “502 Bad Gateway” (Content-Type: text/html), starting: <html> <head><title>502 Bad Gateway</title></head> <body> <center><h1>502 Bad Gateway</h1></center> <hr><center>nginx</center> </body> </html>, not an OAuth error. The closest standard meaning is “server_error”.',
      deviations: ['RFC 6749 §5.2 error responses are JSON with an “error” field.'],
    },
    {
      name: '401 with only a Basic challenge',
      response: {
        status: 401,
        statusText: 'Unauthorized',
        headers: { 'www-authenticate': 'Basic realm="kc"' },
        body: '',
      },
      code: 'invalid_client',
      message:
        'invalid_client: HTTP 401 with a Basic challenge and no error body: the provider did not accept the client credentials.',
      deviations: ['No JSON error body (RFC 6749 §5.2 expects one, even with 401).'],
    },
    {
      name: '400 JSON without error',
      response: res(400, { message: 'Bad things' }),
      code: 'non_standard_response',
      message:
        'The token endpoint answered HTTP 400 with JSON without an “error” field, not an OAuth error. The closest standard meaning is “invalid_request”.',
      deviations: ['RFC 6749 §5.2 error responses are JSON with an “error” field.'],
    },
    {
      name: '200 HTML',
      response: {
        status: 200,
        statusText: 'OK',
        headers: { 'content-type': 'text/html' },
        body: '<!doctype html><title>App</title>',
      },
      code: 'non_standard_response',
      message:
        'The token endpoint answered HTTP 200 with an HTML page titled “App” (Content-Type: text/html), starting: <!doctype html><title>App</title>, not the JSON token response.',
      deviations: ['RFC 6749 §5.1 responses are application/json.'],
    },
    {
      name: 'JSON without access_token',
      response: res(200, { token_type: 'Bearer', id_token: 'x' }),
      code: 'non_standard_response',
      message: 'The token response has no “access_token”, which RFC 6749 §5.1 requires.',
      deviations: ['“access_token” is missing or not a string.'],
    },
    {
      name: 'no token_type',
      response: res(200, { access_token: 'a' }),
      code: 'non_standard_response',
      message:
        'The token response has no “token_type”, which RFC 6749 §5.1 requires; the lab cannot tell how to present the access token.',
      deviations: ['“token_type” is missing or not a string.'],
    },
    {
      name: 'MAC token_type',
      response: res(200, { access_token: 'a', token_type: 'mac' }),
      code: 'non_standard_response',
      message:
        'The token type is “mac”; the lab can only use Bearer (RFC 6750) or DPoP (RFC 9449) tokens.',
      deviations: undefined,
    },
  ])('$name → $code', ({ response, code, message, deviations }) => {
    const result = processTokenResponse(response)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.message).toBe(message)
    expect(result.error.deviations).toEqual(deviations)
    expect(result.error.body).toBe(response.body)
    expect(result.error.status).toBe(response.status)
  })

  test('keeps the provider triple and parsed challenge', () => {
    const result = processTokenResponse(oidcProviderWrongSecret)
    expect(!result.ok && result.error.provider).toEqual({
      error: 'invalid_client',
      error_description: 'client authentication failed',
    })
    expect(!result.ok && result.error.challenges?.[0]?.scheme).toBe('Basic')
  })

  test.each(['', 'null', '"str"', '{', '[1]'])('never throws on body %j', (body) => {
    expect(() =>
      processTokenResponse({ status: 200, statusText: '', headers: {}, body }),
    ).not.toThrow()
    expect(processTokenResponse({ status: 200, statusText: '', headers: {}, body }).ok).toBe(false)
  })
})

describe('closestTokenError', () => {
  test.each([
    { code: 'access_forbidden', status: 403, closest: 'unauthorized_client' },
    { code: 'invalid_credentials', status: 401, closest: 'invalid_client' },
    { code: 'code_expired', status: 400, closest: 'invalid_grant' },
    { code: 'bad_grant_type', status: 400, closest: 'unsupported_grant_type' },
    { code: 'scope_not_allowed', status: 400, closest: 'unauthorized_client' },
    { code: 'scope_unknown', status: 400, closest: 'invalid_scope' },
    { code: 'rate_limited', status: 429, closest: 'temporarily_unavailable' },
    { code: 'internal', status: 500, closest: 'server_error' },
    { code: undefined, status: 401, closest: 'invalid_client' },
    { code: undefined, status: 503, closest: 'temporarily_unavailable' },
    { code: undefined, status: 504, closest: 'server_error' },
    { code: undefined, status: 404, closest: undefined },
    { code: 'weird', status: 404, closest: undefined },
  ])('$code / $status → $closest', ({ code, status, closest }) => {
    expect(closestTokenError(code, status)).toBe(closest)
  })
})
