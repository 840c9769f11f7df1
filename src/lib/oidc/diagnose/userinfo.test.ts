import { afterEach, describe, expect, test, vi } from 'vitest'
import { expectWellFormed, ORIGIN, res, userinfoErrorOf } from '@/testing/diagnosis'
import {
  keycloakUserinfoMissingOpenid,
  keycloakUserinfoSuccess,
  oidcProviderUserinfoInvalidToken,
  userinfo403Opaque,
} from '@/testing/fixtures/provider-responses'
import {
  accessTokenFacts,
  describeUserinfoSuccess,
  diagnoseUserinfoError,
  type UserinfoErrorInput,
} from './userinfo'

/** As the userinfo step does: process the response once, then diagnose with its error. */
const diagnose = (input: Omit<UserinfoErrorInput, 'error'>) =>
  diagnoseUserinfoError({ ...input, error: userinfoErrorOf(input.response) })

describe('diagnoseUserinfoError', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  test('Keycloak 403 with WWW-Authenticate and a JWT access token without openid', () => {
    const d = diagnose({
      response: keycloakUserinfoMissingOpenid,
      accessTokenScopeClaim: 'profile email',
      tokenResponseScope: 'profile email',
      requestedScope: ['profile', 'email'],
    })
    expect(d?.code).toBe('insufficient_scope')
    expect(d?.action).toEqual({ kind: 'rerun_with_scope', scope: 'openid' })
    expect(d?.known).toEqual([
      'Userinfo answered HTTP 403 Forbidden.',
      'WWW-Authenticate: Bearer realm="demo", error="insufficient_scope", error_description="Missing openid scope"',
      'The access token’s scope is `profile email`; it lacks `openid`.',
    ])
    expect(d?.guessed).toEqual([])
    expect(d?.providerError).toEqual({
      error: 'insufficient_scope',
      error_description: 'Missing openid scope',
    })
    if (d) expectWellFormed(d)
  })

  test('403 with no readable header and an opaque token: the scope makes it an inference', () => {
    const d = diagnose({
      response: userinfo403Opaque,
      tokenResponseScope: 'profile email',
      requestedScope: ['profile', 'email'],
    })
    expect(d?.code).toBe('insufficient_scope')
    expect(d?.known).toEqual([
      'Userinfo answered HTTP 403 Forbidden.',
      'No readable WWW-Authenticate header: either none was sent, or the browser hid it because the provider did not list it in Access-Control-Expose-Headers.',
      'The token response’s scope is `profile email`; it lacks `openid`.',
    ])
    expect(d?.guessed).toEqual([
      'No error code was readable. OIDC Core §5.3 says userinfo is accessed with an access token obtained by an OpenID Connect request, and Keycloak (≥ 20) enforces it with 403 `insufficient_scope`, so the missing `openid` is almost certainly why this provider refused.',
      'The access token is opaque (or has no scope claim), so its scope was taken from the token response.',
    ])
    expect(d?.action).toEqual({ kind: 'rerun_with_scope', scope: 'openid' })
  })

  test('403 with no header and no scope anywhere falls back to the requested scope (RFC 6749 §5.1)', () => {
    const d = diagnose({ response: userinfo403Opaque, requestedScope: ['email'] })
    expect(d?.code).toBe('insufficient_scope')
    expect(d?.known[2]).toBe(
      'The requested scope was `email` and the token response did not state one, so it was granted as requested (RFC 6749 §5.1); it lacks `openid`.',
    )
  })

  test('oidc-provider names the required scope in the challenge', () => {
    const d = diagnose({
      response: res(
        403,
        {
          error: 'insufficient_scope',
          error_description: 'access token missing openid scope',
          scope: 'openid',
        },
        {
          'www-authenticate':
            'Bearer realm="http://127.0.0.1:18080/realms/demo", error="insufficient_scope", error_description="access token missing openid scope", scope="openid"',
        },
      ),
      tokenResponseScope: 'profile email',
      requestedScope: ['profile', 'email'],
    })
    expect(d?.code).toBe('insufficient_scope')
    expect(d?.known).toContain('The challenge names the required scope: `openid`.')
  })

  test.each([
    {
      name: 'openid present but 403 without code',
      input: {
        response: userinfo403Opaque,
        accessTokenScopeClaim: 'openid email',
        requestedScope: ['openid', 'email'],
      },
      code: 'userinfo_forbidden',
      detail: undefined,
      action: undefined,
    },
    {
      name: 'openid present, insufficient_scope naming another scope',
      input: {
        response: res(403, '', {
          'www-authenticate': 'Bearer error="insufficient_scope", scope="openid profile"',
        }),
        accessTokenScopeClaim: 'openid email',
        requestedScope: ['openid', 'email'],
      },
      code: 'insufficient_scope',
      detail: undefined,
      action: { kind: 'rerun_with_scope', scope: 'profile' },
    },
    {
      name: 'oidc-provider revoked token',
      input: {
        response: oidcProviderUserinfoInvalidToken,
        requestedScope: ['openid'],
        tokenResponseScope: 'openid',
      },
      code: 'invalid_token',
      detail: undefined,
      action: { kind: 'restart_flow' },
    },
    {
      name: 'Keycloak session ended',
      input: {
        response: res(401, '', {
          'www-authenticate':
            'Bearer realm="demo", error="invalid_token", error_description="User session not found or doesn\'t have client attached on it"',
        }),
        requestedScope: ['openid'],
      },
      code: 'invalid_token',
      detail: 'session_ended',
      action: { kind: 'restart_flow' },
    },
    {
      name: 'Keycloak wrong issuer host',
      input: {
        response: res(401, '', {
          'www-authenticate':
            'Bearer realm="demo", error="invalid_token", error_description="Invalid token issuer. Expected \'http://127.0.0.1:8080/realms/demo\'"',
        }),
        requestedScope: ['openid'],
      },
      code: 'invalid_token',
      detail: 'issuer',
      action: { kind: 'restart_flow' },
    },
    {
      name: 'token iss differs from the lab issuer',
      input: {
        response: oidcProviderUserinfoInvalidToken,
        requestedScope: ['openid'],
        accessTokenIss: 'http://127.0.0.1:8080/realms/demo',
        expectedIssuer: 'http://localhost:8080/realms/demo',
      },
      code: 'invalid_token',
      detail: 'issuer',
      action: { kind: 'restart_flow' },
    },
    {
      name: 'invalid_request',
      input: {
        response: res(400, '', { 'www-authenticate': 'Bearer error="invalid_request"' }),
        requestedScope: ['openid'],
      },
      code: 'invalid_request',
      detail: undefined,
      action: undefined,
    },
    {
      name: '500',
      input: { response: res(500, 'oops'), requestedScope: ['openid'] },
      code: 'server_error',
      detail: undefined,
      action: undefined,
    },
    {
      name: '404 HTML',
      input: {
        response: res(404, '<html><title>Not Found</title></html>'),
        requestedScope: ['openid'],
      },
      code: 'http_error',
      detail: undefined,
      action: undefined,
    },
    {
      name: '200 HTML',
      input: {
        response: res(200, '<html><title>Login</title></html>'),
        requestedScope: ['openid'],
      },
      code: 'non_standard_response',
      detail: 'html',
      action: undefined,
    },
  ])('$name → $code', ({ input, code, detail, action }) => {
    const d = diagnose(input)
    expect(d?.code).toBe(code)
    expect(d?.detail).toBe(detail)
    expect(d?.action).toEqual(action)
    if (d) expectWellFormed(d)
  })

  test('expired access token is a known fact (frozen time)', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-01T10:10:00Z'))
    const exp = Date.parse('2026-01-01T10:05:00Z') / 1000
    const d = diagnose({
      response: res(401, '', {
        'www-authenticate':
          'Bearer realm="demo", error="invalid_token", error_description="Token verification failed"',
      }),
      requestedScope: ['openid'],
      accessTokenExp: exp,
    })
    expect(d).toMatchObject({
      code: 'invalid_token',
      detail: 'expired',
      title: 'The access token expired',
    })
    expect(d?.known).toContain('The access token expired at 2026-01-01T10:05:00.000Z (5 min ago).')
  })

  test('a valid exp is stated and other causes guessed', () => {
    const d = diagnose({
      response: oidcProviderUserinfoInvalidToken,
      requestedScope: ['openid'],
      accessTokenExp: 2_000_000_000,
      now: 1_900_000_000_000,
    })
    expect(d?.known).toContain(
      'The access token is still within its lifetime (exp 2033-05-18T03:33:20.000Z).',
    )
    expect(d?.guessed.at(-1)).toMatch(/^Usual causes: the token was revoked/)
  })

  test('a usable response has no diagnosis', () => {
    expect(
      diagnose({ response: keycloakUserinfoSuccess, requestedScope: ['openid'] }),
    ).toBeUndefined()
  })

  test('network error with Keycloak allowed-origins lacking this origin', () => {
    const d = diagnose({
      networkError: 'TypeError: Failed to fetch',
      requestedScope: ['openid'],
      origin: ORIGIN,
      accessTokenAllowedOrigins: ['http://localhost:3000'],
    })
    expect(d?.code).toBe('cors_or_network')
    expect(d?.cause).toBe('The client’s Web origins do not include `http://localhost:5173`.')
  })
})

describe('diagnoseUserinfoError: openid requested but not granted', () => {
  test('does not blame the request', () => {
    const d = diagnose({
      response: keycloakUserinfoMissingOpenid,
      tokenResponseScope: 'profile email',
      requestedScope: ['openid', 'profile', 'email'],
    })
    expect(d).toMatchObject({ code: 'insufficient_scope', detail: 'openid_not_granted' })
    expect(d?.action).toBeUndefined()
    expect(d?.known.at(-1)).toBe(
      'The lab requested `openid profile email`, so the provider dropped `openid`.',
    )
  })
})

describe('diagnoseUserinfoError: the fix for a token without openid fits the grant', () => {
  const input = {
    response: keycloakUserinfoMissingOpenid,
    accessTokenScopeClaim: 'profile email',
    requestedScope: ['profile', 'email'],
  }

  test('code grant: the current wording, run the login again', () => {
    const d = diagnose(input)
    expect(d?.cause).toBe(
      'The authorization request did not include `openid`, so the provider treated it as plain OAuth 2.0 and issued an access token that is not valid for userinfo.',
    )
    expect(d?.fix).toBe(
      'Tick `openid` and run the flow again; only a new access token carries it (a refresh cannot add scopes).',
    )
  })

  test('client credentials: add openid to the token request, no browser login', () => {
    const d = diagnose({ ...input, grantType: 'client_credentials' })
    expect(d?.code).toBe('insufficient_scope')
    expect(d?.cause).toBe(
      'The token request did not include `openid`, so the provider treated it as plain OAuth 2.0 and issued an access token that is not valid for userinfo.',
    )
    expect(d?.fix).toBe(
      'Add `openid` to the token request’s `scope` and request a new token; only a new access token carries it.',
    )
    expect(d?.action).toEqual({ kind: 'rerun_with_scope', scope: 'openid' })
  })

  test('the error is the caller’s: none with a response means nothing to explain', () => {
    expect(diagnoseUserinfoError({ ...input, error: undefined })).toBeUndefined()
  })
})

describe('describeUserinfoSuccess', () => {
  test('2xx although the token lacks openid: an info note, no refusal claimed', () => {
    const d = describeUserinfoSuccess({
      response: keycloakUserinfoSuccess,
      accessTokenScopeClaim: 'profile email',
      tokenResponseScope: 'profile email',
      requestedScope: ['profile', 'email'],
    })
    expect(d).toMatchObject({
      code: 'userinfo_accepted_without_openid',
      severity: 'info',
      explanation:
        'This provider accepted the token although its scope lacks `openid`. OIDC Core §5.3 says userinfo is accessed with an access token obtained by an OpenID Connect request; Keycloak enforces it with 403 `insufficient_scope`, this provider does not.',
      known: [
        'Userinfo answered HTTP 200 OK.',
        'The access token’s scope is `profile email`; it lacks `openid`.',
      ],
      guessed: [],
    })
    if (d) expectWellFormed(d)
  })

  test('an opaque token: the scope comes from the token response, and says so', () => {
    const d = describeUserinfoSuccess({
      response: keycloakUserinfoSuccess,
      tokenResponseScope: 'email',
      requestedScope: ['email'],
    })
    expect(d?.known[1]).toBe('The token response’s scope is `email`; it lacks `openid`.')
    expect(d?.guessed).toEqual([
      'The access token is opaque (or has no scope claim), so its scope was taken from the token response.',
    ])
  })

  test.each([
    { name: 'openid present', response: keycloakUserinfoSuccess, scope: 'openid email' },
    { name: 'not a success', response: keycloakUserinfoMissingOpenid, scope: 'email' },
  ])('$name: nothing to note', ({ response, scope }) => {
    expect(
      describeUserinfoSuccess({ response, accessTokenScopeClaim: scope, requestedScope: [] }),
    ).toBeUndefined()
  })
})

describe('accessTokenFacts', () => {
  test('reads scope, exp, iss and allowed-origins from the claims', () => {
    expect(
      accessTokenFacts({
        scope: 'openid email',
        exp: 2_000_000_000,
        iss: 'http://localhost:8080/realms/demo',
        'allowed-origins': ['http://localhost:5173', 7],
      }),
    ).toEqual({
      accessTokenScopeClaim: 'openid email',
      accessTokenExp: 2_000_000_000,
      accessTokenIss: 'http://localhost:8080/realms/demo',
      accessTokenAllowedOrigins: ['http://localhost:5173'],
    })
  })

  test('falls back to scp and leaves out what is absent or mistyped', () => {
    expect(accessTokenFacts({ scp: ['a', 'b'], exp: '1' })).toEqual({
      accessTokenScopeClaim: ['a', 'b'],
    })
    expect(accessTokenFacts(undefined)).toEqual({})
  })

  test('spread into the input, it enables the issuer and allowed-origins checks', () => {
    const facts = accessTokenFacts({
      iss: 'http://127.0.0.1:8080/realms/demo',
      'allowed-origins': ['http://localhost:3000'],
    })
    const wrongIssuer = diagnose({
      ...facts,
      response: oidcProviderUserinfoInvalidToken,
      requestedScope: ['openid'],
      expectedIssuer: 'http://localhost:8080/realms/demo',
    })
    expect(wrongIssuer).toMatchObject({ code: 'invalid_token', detail: 'issuer' })
    const cors = diagnose({
      ...facts,
      networkError: 'TypeError: Failed to fetch',
      requestedScope: ['openid'],
      origin: ORIGIN,
    })
    expect(cors?.cause).toBe('The client’s Web origins do not include `http://localhost:5173`.')
  })
})
