import { describe, expect, test } from 'vitest'
import {
  buildDeviceAuthorizationRequest,
  buildDeviceTokenRequest,
  classifyDevicePoll,
  DEVICE_CODE_GRANT_TYPE,
  nextPollDelay,
  processDeviceAuthorizationResponse,
  processDeviceTokenResponse,
} from './device-authorization'
import type { HttpResponseRecord } from '@/lib/wire/http-types'

const KC = 'http://localhost:8080/realms/demo/protocol/openid-connect'

const json = (status: number, body: unknown): HttpResponseRecord => ({
  status,
  statusText: '',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

const KEYCLOAK_ANSWER = {
  device_code: 'dc-123',
  user_code: 'WDJB-MJHT',
  verification_uri: 'http://localhost:8080/realms/demo/device',
  verification_uri_complete: 'http://localhost:8080/realms/demo/device?user_code=WDJB-MJHT',
  expires_in: 600,
  interval: 5,
}

describe('buildDeviceAuthorizationRequest', () => {
  test.each([
    {
      name: 'public client',
      auth: { method: 'none' as const },
      form: [
        ['scope', 'openid profile'],
        ['client_id', 'tv-app'],
      ],
      headers: {},
      secretFields: [],
    },
    {
      name: 'client_secret_basic',
      auth: { method: 'client_secret_basic' as const, clientSecret: 's' },
      form: [['scope', 'openid profile']],
      headers: { Authorization: 'Basic dHYtYXBwOnM=' },
      secretFields: ['Authorization'],
    },
    {
      name: 'client_secret_post',
      auth: { method: 'client_secret_post' as const, clientSecret: 's' },
      form: [
        ['scope', 'openid profile'],
        ['client_id', 'tv-app'],
        ['client_secret', 's'],
      ],
      headers: {},
      secretFields: ['client_secret'],
    },
  ])('$name', ({ auth, form, headers, secretFields }) => {
    expect(
      buildDeviceAuthorizationRequest({
        endpoint: `${KC}/auth/device`,
        clientId: 'tv-app',
        auth,
        scope: 'openid profile',
      }),
    ).toEqual({
      method: 'POST',
      url: `${KC}/auth/device`,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        ...headers,
      },
      form,
      secretFields,
    })
  })

  test('an empty scope is omitted', () => {
    expect(
      buildDeviceAuthorizationRequest({
        endpoint: `${KC}/auth/device`,
        clientId: 'tv-app',
        auth: { method: 'none' },
        scope: ' ',
      }).form,
    ).toEqual([['client_id', 'tv-app']])
  })
})

describe('processDeviceAuthorizationResponse', () => {
  test('a complete answer', () => {
    expect(processDeviceAuthorizationResponse(json(200, KEYCLOAK_ANSWER))).toEqual({
      ok: true,
      value: { ...KEYCLOAK_ANSWER, intervalDefaulted: false, deviations: [] },
    })
  })

  test('no interval: 5 seconds (RFC 8628 §3.2)', () => {
    const { interval: _, verification_uri_complete: __, ...rest } = KEYCLOAK_ANSWER
    expect(processDeviceAuthorizationResponse(json(200, rest))).toEqual({
      ok: true,
      value: { ...rest, interval: 5, intervalDefaulted: true, deviations: [] },
    })
  })

  test('Google’s verification_url is read as verification_uri, with a deviation', () => {
    const result = processDeviceAuthorizationResponse(
      json(200, {
        device_code: 'AH-1Ng',
        user_code: 'GQVQ-JKEC',
        verification_url: 'https://www.google.com/device',
        expires_in: 1800,
        interval: 5,
      }),
    )
    expect(result).toEqual({
      ok: true,
      value: {
        device_code: 'AH-1Ng',
        user_code: 'GQVQ-JKEC',
        verification_uri: 'https://www.google.com/device',
        expires_in: 1800,
        interval: 5,
        intervalDefaulted: false,
        deviations: [
          'The provider sent “verification_url”, not “verification_uri” as RFC 8628 §3.2 names it (Google does this); read as verification_uri.',
        ],
      },
    })
  })

  test('numeric strings are tolerated; an unusable interval or complete URI is reported', () => {
    const result = processDeviceAuthorizationResponse(
      json(200, {
        ...KEYCLOAK_ANSWER,
        expires_in: '600',
        interval: -1,
        verification_uri_complete: 42,
      }),
    )
    expect(result).toEqual({
      ok: true,
      value: {
        device_code: 'dc-123',
        user_code: 'WDJB-MJHT',
        verification_uri: 'http://localhost:8080/realms/demo/device',
        expires_in: 600,
        interval: 5,
        intervalDefaulted: true,
        deviations: [
          '“expires_in” is the string "600", not a JSON number; read as 600.',
          '“verification_uri_complete” is 42, not a string; ignored.',
          '“interval” is -1, not a positive number of seconds; the default of 5 applies.',
        ],
      },
    })
  })

  test.each(['javascript:alert(document.domain)', 'data:text/html,<script>1</script>', '/device'])(
    'a verification_uri_complete that is not an absolute http(s) URL (%s) is never offered',
    (complete) => {
      const result = processDeviceAuthorizationResponse(
        json(200, { ...KEYCLOAK_ANSWER, verification_uri_complete: complete }),
      )
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.value.verification_uri_complete).toBeUndefined()
      expect(result.value.deviations).toEqual([
        `“verification_uri_complete” “${complete}” is not an absolute http(s) URL; ignored (the user types the code at verification_uri instead).`,
      ])
    },
  )

  test('missing and mistyped required members are listed', () => {
    const response = json(200, { device_code: '', verification_uri: 7, expires_in: 'soon' })
    expect(processDeviceAuthorizationResponse(response)).toEqual({
      ok: false,
      error: {
        code: 'non_standard_response',
        message:
          'The device authorization response lacks a usable “device_code”, “user_code”, “verification_uri”, “expires_in”, which RFC 8628 §3.2 requires.',
        detail: 'missing_fields',
        status: 200,
        body: response.body,
        deviations: [
          '“device_code” is "", not a non-empty string.',
          '“user_code” is missing.',
          '“verification_uri” is 7, not a non-empty string.',
          '“expires_in” is "soon", not a positive number of seconds.',
        ],
      },
    })
  })

  test('a relative verification URI is refused', () => {
    const result = processDeviceAuthorizationResponse(
      json(200, { ...KEYCLOAK_ANSWER, verification_uri: '/device' }),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({
      code: 'non_standard_response',
      detail: 'invalid_url',
      message:
        'The verification URI “/device” is not an absolute http(s) URL, so the user cannot be sent there.',
    })
  })

  test.each([
    {
      name: 'device grant disabled for the client (Keycloak)',
      response: json(400, {
        error: 'unauthorized_client',
        error_description:
          'Client is not allowed to initiate OAuth 2.0 Device Authorization Grant. The flow is disabled for the client.',
      }),
      code: 'unauthorized_client',
      message:
        'unauthorized_client: This client is not allowed to use this grant type. The provider said: “Client is not allowed to initiate OAuth 2.0 Device Authorization Grant. The flow is disabled for the client.”.',
      detail: undefined,
    },
    {
      name: 'invalid_scope',
      response: json(400, { error: 'invalid_scope' }),
      code: 'invalid_scope',
      message:
        'invalid_scope: The requested scope is invalid, unknown, or exceeds what was granted.',
      detail: undefined,
    },
    {
      name: 'an HTML page',
      response: {
        status: 200,
        statusText: 'OK',
        headers: { 'content-type': 'text/html' },
        body: '<html><title>Sign in</title></html>',
      },
      code: 'non_standard_response',
      message:
        'The device authorization endpoint answered HTTP 200 with an HTML page titled “Sign in” (Content-Type: text/html), starting: <html><title>Sign in</title></html>, not the device authorization JSON.',
      detail: 'html',
    },
    {
      name: 'a JSON array',
      response: json(200, []),
      code: 'non_standard_response',
      message:
        'The device authorization endpoint answered HTTP 200 with JSON that is not an object, not the device authorization JSON.',
      detail: 'not_an_object',
    },
    {
      name: 'a 404 page',
      response: { status: 404, statusText: 'Not Found', headers: {}, body: 'Not Found' },
      code: 'non_standard_response',
      message:
        'The device authorization endpoint answered HTTP 404 Not Found with plain text, starting: Not Found, not an OAuth error.',
      detail: 'not_json',
    },
  ])('error: $name', ({ response, code, message, detail }) => {
    const result = processDeviceAuthorizationResponse(response)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.message).toBe(message)
    expect(result.error.detail).toBe(detail)
  })
})

describe('buildDeviceTokenRequest', () => {
  test('grant type, device code (secret), client authentication', () => {
    expect(
      buildDeviceTokenRequest({
        tokenEndpoint: `${KC}/token`,
        deviceCode: 'dc-123',
        clientId: 'tv-app',
        auth: { method: 'none' },
      }),
    ).toEqual({
      method: 'POST',
      url: `${KC}/token`,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      form: [
        ['grant_type', 'urn:ietf:params:oauth:grant-type:device_code'],
        ['device_code', 'dc-123'],
        ['client_id', 'tv-app'],
      ],
      secretFields: ['device_code'],
    })
    expect(DEVICE_CODE_GRANT_TYPE).toBe('urn:ietf:params:oauth:grant-type:device_code')
  })

  test('a confidential client lists the secret first', () => {
    expect(
      buildDeviceTokenRequest({
        tokenEndpoint: `${KC}/token`,
        deviceCode: 'dc',
        clientId: 'tv-app',
        auth: { method: 'client_secret_basic', clientSecret: 's' },
      }).secretFields,
    ).toEqual(['Authorization', 'device_code'])
  })
})

describe('processDeviceTokenResponse', () => {
  test.each([
    [
      'authorization_pending',
      'authorization_pending: The user has not finished at the verification page yet; keep polling at the same interval.',
    ],
    [
      'slow_down',
      'slow_down: Polling too fast: keep polling, but add 5 seconds to the interval for this and every later request.',
    ],
    [
      'access_denied',
      'access_denied: The user declined the request at the verification page; stop polling.',
    ],
    [
      'expired_token',
      'expired_token: The device_code expired before the user finished; stop polling and start a new device authorization.',
    ],
  ])('%s keeps its code', (code, message) => {
    const response = json(400, { error: code })
    expect(processDeviceTokenResponse(response)).toEqual({
      ok: false,
      error: { code, message, status: 400, body: response.body, provider: { error: code } },
    })
  })

  test('a device code with the wrong status is reported', () => {
    const result = processDeviceTokenResponse(json(401, { error: 'authorization_pending' }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.deviations).toEqual([
      'HTTP 401 instead of 400 for “authorization_pending” (RFC 6749 §5.2).',
    ])
  })

  test('tokens and other errors are read as processTokenResponse reads them', () => {
    expect(
      processDeviceTokenResponse(
        json(200, { access_token: 'at', token_type: 'Bearer', expires_in: 300 }),
      ),
    ).toEqual({ ok: true, value: { access_token: 'at', token_type: 'Bearer', expires_in: 300 } })
    const result = processDeviceTokenResponse(json(400, { error: 'invalid_grant' }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_grant')
  })
})

describe('classifyDevicePoll', () => {
  test.each([
    ['authorization_pending', 'pending'],
    ['slow_down', 'slow_down'],
    ['expired_token', 'expired'],
    ['access_denied', 'denied'],
    ['invalid_grant', 'other'],
    ['invalid_client', 'other'],
    [undefined, 'other'],
  ])('%s → %s', (code, outcome) => {
    expect(classifyDevicePoll(code)).toBe(outcome)
  })
})

describe('nextPollDelay', () => {
  test.each([
    { interval: 5, lastError: undefined, delay: 5 },
    { interval: 5, lastError: 'authorization_pending', delay: 5 },
    { interval: 5, lastError: 'slow_down', delay: 10 },
    { interval: 10, lastError: 'slow_down', delay: 15 },
    { interval: 8, lastError: 'network_error', delay: 16 },
    { interval: 5, lastError: 'expired_token', delay: undefined },
    { interval: 5, lastError: 'access_denied', delay: undefined },
    { interval: 5, lastError: 'invalid_grant', delay: undefined },
    { interval: 0, lastError: 'authorization_pending', delay: 5 },
    { interval: Number.NaN, lastError: undefined, delay: 5 },
  ])('interval $interval after $lastError → $delay', ({ interval, lastError, delay }) => {
    expect(nextPollDelay({ interval, ...(lastError ? { lastError } : {}) })).toBe(delay)
  })

  test('slow_down is kept for later polls', () => {
    let interval = 5
    for (const lastError of [
      'authorization_pending',
      'slow_down',
      'authorization_pending',
      'slow_down',
    ]) {
      interval = nextPollDelay({ interval, lastError }) ?? -1
    }
    expect(interval).toBe(15)
  })
})
