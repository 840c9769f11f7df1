import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  gateway502,
  keycloakCodeNotValid,
  keycloakIncorrectRedirectUri,
  keycloakInvalidClientCredentials,
  keycloakPkceMismatch,
  keycloakTokenSuccess,
  keycloakUserinfoMissingOpenid,
  keycloakUserinfoSuccess,
  oidcProviderGrantInvalid,
  oidcProviderUserinfoInvalidToken,
  oidcProviderWrongSecret,
  userinfo403Opaque,
} from '@/testing/fixtures/provider-responses'
import { parseCallbackParams, validateCallback } from './callback-params'
import {
  DIAGNOSIS_TEXT,
  diagnoseCallback,
  diagnoseCallbackError,
  diagnoseDiscoveryError,
  diagnoseMissingClaim,
  diagnoseNetworkError,
  diagnoseTokenError,
  diagnoseTokenResponse,
  diagnoseUserinfoError,
  type Diagnosis,
} from './diagnose'
import { processDiscoveryResponse } from './discovery'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import type { OidcError } from './types'
import { validateIssuerInput } from './issuer'

const res = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponseRecord => ({
  status,
  statusText: '',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

const ORIGIN = 'http://localhost:5173'
const TOKEN_URL = 'http://localhost:8080/realms/demo/protocol/openid-connect/token'

function expectWellFormed(d: Diagnosis): void {
  expect(d.title).toMatch(/\S/)
  expect(d.explanation).toMatch(/\S/)
  expect(d.cause).toMatch(/\S/)
  expect(d.fix).toMatch(/\S/)
  expect(d.specLinks.length).toBeGreaterThan(0)
  expect(new Set(d.specLinks.map((l) => l.href)).size).toBe(d.specLinks.length)
}

describe('DIAGNOSIS_TEXT', () => {
  test('every code has complete wording and https links', () => {
    for (const [code, text] of Object.entries(DIAGNOSIS_TEXT)) {
      expect(code).toMatch(/^[a-z_]+$/)
      expect(text.title && text.explanation && text.cause && text.fix).toBeTruthy()
      expect(text.specLinks.every((l) => l.href.startsWith('https://'))).toBe(true)
    }
  })
})

describe('diagnoseUserinfoError', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  test('Keycloak 403 with WWW-Authenticate and a JWT access token without openid', () => {
    const d = diagnoseUserinfoError({
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
      'The access token’s scope is `profile email`; it lacks `openid`, so the provider refuses userinfo.',
    ])
    expect(d?.guessed).toEqual([])
    expect(d?.providerError).toEqual({
      error: 'insufficient_scope',
      error_description: 'Missing openid scope',
    })
    if (d) expectWellFormed(d)
  })

  test('403 with no readable header and an opaque token: the scope makes it an inference', () => {
    const d = diagnoseUserinfoError({
      response: userinfo403Opaque,
      tokenResponseScope: 'profile email',
      requestedScope: ['profile', 'email'],
    })
    expect(d?.code).toBe('insufficient_scope')
    expect(d?.known).toEqual([
      'Userinfo answered HTTP 403 Forbidden.',
      'No readable WWW-Authenticate header: either none was sent, or the browser hid it because the provider did not list it in Access-Control-Expose-Headers.',
      'The token response’s scope is `profile email`; it lacks `openid`, so the provider refuses userinfo.',
    ])
    expect(d?.guessed).toEqual([
      'No error code was readable, but a token without `openid` is refused at userinfo by OpenID Connect providers (Keycloak ≥ 20 answers 403), so this is almost certainly the cause.',
      'The access token is opaque (or has no scope claim), so its scope was taken from the token response.',
    ])
    expect(d?.action).toEqual({ kind: 'rerun_with_scope', scope: 'openid' })
  })

  test('403 with no header and no scope anywhere falls back to the requested scope (RFC 6749 §5.1)', () => {
    const d = diagnoseUserinfoError({ response: userinfo403Opaque, requestedScope: ['email'] })
    expect(d?.code).toBe('insufficient_scope')
    expect(d?.known[2]).toBe(
      'The requested scope was `email` and the token response did not state one, so it was granted as requested (RFC 6749 §5.1); it lacks `openid`, so the provider refuses userinfo.',
    )
  })

  test('oidc-provider names the required scope in the challenge', () => {
    const d = diagnoseUserinfoError({
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
    const d = diagnoseUserinfoError(input)
    expect(d?.code).toBe(code)
    expect(d?.detail).toBe(detail)
    expect(d?.action).toEqual(action)
    if (d) expectWellFormed(d)
  })

  test('expired access token is a known fact (frozen time)', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-01T10:10:00Z'))
    const exp = Date.parse('2026-01-01T10:05:00Z') / 1000
    const d = diagnoseUserinfoError({
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
    const d = diagnoseUserinfoError({
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
      diagnoseUserinfoError({ response: keycloakUserinfoSuccess, requestedScope: ['openid'] }),
    ).toBeUndefined()
  })

  test('network error with Keycloak allowed-origins lacking this origin', () => {
    const d = diagnoseUserinfoError({
      networkError: 'TypeError: Failed to fetch',
      requestedScope: ['openid'],
      origin: ORIGIN,
      accessTokenAllowedOrigins: ['http://localhost:3000'],
    })
    expect(d?.code).toBe('cors_or_network')
    expect(d?.cause).toBe('The client’s Web origins do not include `http://localhost:5173`.')
  })
})

describe('diagnoseTokenError', () => {
  const ctx = {
    clientAuthMethod: 'none' as const,
    isPublicClient: true,
    origin: ORIGIN,
    tokenEndpoint: TOKEN_URL,
  }

  test.each([
    {
      name: 'usable response',
      response: keycloakTokenSuccess,
      extra: {},
      code: undefined,
      detail: undefined,
    },
    {
      name: 'code reused (known)',
      response: oidcProviderGrantInvalid,
      extra: { codeAlreadyExchanged: true },
      code: 'invalid_grant',
      detail: 'code_reused',
    },
    {
      name: 'redirect_uri mismatch',
      response: keycloakIncorrectRedirectUri,
      extra: {},
      code: 'invalid_grant',
      detail: 'redirect_uri',
    },
    {
      name: 'PKCE mismatch',
      response: keycloakPkceMismatch,
      extra: {},
      code: 'invalid_grant',
      detail: 'pkce_mismatch',
    },
    {
      name: 'old code',
      response: keycloakCodeNotValid,
      extra: { codeAgeSeconds: 95 },
      code: 'invalid_grant',
      detail: 'code_expired',
    },
    {
      name: 'generic invalid_grant',
      response: keycloakCodeNotValid,
      extra: { codeAgeSeconds: 5 },
      code: 'invalid_grant',
      detail: undefined,
    },
    {
      name: 'confidential client, no secret sent',
      response: oidcProviderWrongSecret,
      extra: {},
      code: 'invalid_client',
      detail: 'secret_expected',
    },
    {
      name: 'wrong secret (Keycloak unauthorized_client wording)',
      response: keycloakInvalidClientCredentials,
      extra: { clientAuthMethod: 'client_secret_basic' as const, isPublicClient: false },
      code: 'invalid_client',
      detail: undefined,
    },
    {
      name: 'PKCE verifier missing',
      response: res(400, {
        error: 'invalid_request',
        error_description: 'PKCE code verifier not specified',
      }),
      extra: { usedPkce: false },
      code: 'invalid_request',
      detail: 'pkce_verifier_missing',
    },
    {
      name: 'two client auth methods',
      response: res(400, {
        error: 'invalid_request',
        error_description: 'client authentication must only be provided using one mechanism',
      }),
      extra: {},
      code: 'invalid_request',
      detail: 'multiple_client_auth',
    },
    {
      name: 'missing parameter',
      response: res(400, {
        error: 'invalid_request',
        error_description: 'Missing parameter: code',
      }),
      extra: {},
      code: 'invalid_request',
      detail: 'missing_code',
    },
    {
      name: 'unauthorized_client (standard flow disabled)',
      response: res(400, {
        error: 'unauthorized_client',
        error_description: 'Client not allowed to exchange code',
      }),
      extra: {},
      code: 'unauthorized_client',
      detail: undefined,
    },
    {
      name: '403 with own error code',
      response: res(403, { error: 'access_forbidden' }),
      extra: {},
      code: 'non_standard_response',
      detail: 'unknown_error_code',
    },
    {
      name: '502 gateway page',
      response: gateway502,
      extra: {},
      code: 'server_error',
      detail: 'html',
    },
    {
      name: 'refresh token rotated',
      response: res(400, { error: 'invalid_grant', error_description: 'Stale token' }),
      extra: { grantType: 'refresh_token' as const },
      code: 'invalid_grant',
      detail: 'refresh_token',
    },
  ])('$name → $code', ({ response, extra, code, detail }) => {
    const d = diagnoseTokenError({ response }, { ...ctx, ...extra })
    expect(d?.code).toBe(code)
    expect(d?.detail).toBe(detail)
    if (d) expectWellFormed(d)
  })

  test('code reuse states the fact', () => {
    const d = diagnoseTokenError(
      { response: oidcProviderGrantInvalid },
      { ...ctx, codeAlreadyExchanged: true, codeAgeSeconds: 12 },
    )
    expect(d?.known).toEqual([
      'The token endpoint answered HTTP 400 Bad Request.',
      'The provider answered error=`invalid_grant` with the description “grant request is invalid”.',
      'The code was 12 s old when exchanged; Keycloak’s default lifetime (“Client login timeout”) is 60 s.',
      'The lab had already sent this code to the token endpoint once.',
    ])
    expect(d?.action).toEqual({ kind: 'restart_flow' })
  })

  test('no secret sent to a confidential client: Keycloak fix and action', () => {
    const d = diagnoseTokenError({ response: oidcProviderWrongSecret }, ctx)
    expect(d?.cause).toBe(
      'The provider treats this client as confidential; in Keycloak, “Client authentication” is ON for it.',
    )
    expect(d?.action).toEqual({ kind: 'switch_client_auth', method: 'client_secret_basic' })
    expect(d?.known).toContain(
      'WWW-Authenticate: Basic realm="http://127.0.0.1:18080/realms/demo", error="invalid_client", error_description="client authentication failed"',
    )
  })

  test('Keycloak’s unauthorized_client wording is shown as a deviation', () => {
    const d = diagnoseTokenError(
      { response: keycloakInvalidClientCredentials },
      { ...ctx, clientAuthMethod: 'client_secret_post' },
    )
    expect(d?.known).toContain(
      'Deviation from the spec: The provider said “unauthorized_client” for a failed client authentication; RFC 6749 §5.2 calls that “invalid_client” (Keycloak does this).',
    )
  })

  test('non-standard 403 keeps the provider code and names the closest meaning', () => {
    const d = diagnoseTokenError({ response: res(403, { error: 'access_forbidden' }) }, ctx)
    expect(d).toMatchObject({
      title: 'Non-standard error: access_forbidden',
      cause:
        'The token endpoint used its own error code `access_forbidden` (HTTP 403), which OAuth 2.0 does not define.',
      providerError: { error: 'access_forbidden' },
    })
    expect(d?.guessed[0]).toBe(
      'The closest standard meaning is `unauthorized_client`: The flow is disabled for this client at the provider.',
    )
  })

  test('Failed to fetch names both CORS and an unreachable server, with the Keycloak fix', () => {
    const d = diagnoseTokenError({ networkError: 'TypeError: Failed to fetch' }, ctx)
    expect(d).toMatchObject({
      code: 'cors_or_network',
      known: ['The browser reported “TypeError: Failed to fetch” and no HTTP status was readable.'],
      guessed: [
        'Either the provider did not allow `http://localhost:5173` (CORS), or `http://localhost:8080/realms/demo/protocol/openid-connect/token` could not be reached (server down, wrong host or port, untrusted TLS certificate).',
        'Discovery worked from this page, so the provider is probably reachable and CORS on the token endpoint is the more likely cause.',
      ],
      fix: 'In Keycloak, open Clients → your client → Settings → Web origins and add `http://localhost:5173` (or `+` to allow the origins of the valid redirect URIs). If `http://localhost:8080/realms/demo/protocol/openid-connect/token` does not load in a new tab either, fix the URL or start the server first.',
    })
  })

  test('a redirected request is reported', () => {
    const d = diagnoseTokenError(
      { response: { ...res(405, ''), redirected: true, url: 'https://kc/token' } },
      ctx,
    )
    expect(d?.known).toContain(
      'The request was redirected to `https://kc/token`; a redirected POST may arrive as a GET without its form body.',
    )
  })
})

describe('diagnoseNetworkError', () => {
  test.each([
    {
      step: 'token' as const,
      error: 'TypeError: Failed to fetch',
      ctx: { origin: 'https://lab.example', url: 'http://kc/token' },
      cause: 'Mixed content: an https page may not call an http URL.',
    },
    {
      step: 'token' as const,
      error: 'TimeoutError: no response within 15000 ms',
      ctx: {},
      cause: 'The server did not answer within the time limit.',
    },
    {
      step: 'discovery' as const,
      error: 'TypeError: NetworkError when attempting to fetch resource.',
      ctx: {},
      cause:
        'Either the server did not allow this page’s origin (CORS), or it could not be reached.',
    },
  ])('$step: $error', ({ step, error, ctx, cause }) => {
    const d = diagnoseNetworkError(step, error, ctx)
    expect(d.code).toBe('cors_or_network')
    expect(d.cause).toBe(cause)
  })
})

describe('diagnoseCallbackError / diagnoseCallback', () => {
  test.each([
    { search: '?code=c&state=s', ctx: {}, code: undefined, action: undefined },
    {
      search: '?error=access_denied&state=s',
      ctx: {},
      code: 'access_denied',
      action: { kind: 'restart_flow' },
    },
    {
      search:
        '?error=invalid_scope&error_description=Invalid+scopes%3A+openid+foo&scope=foo&state=s',
      ctx: { requestedScope: ['openid', 'foo'] },
      code: 'invalid_scope',
      action: { kind: 'rerun_without_scope', scope: 'foo' },
    },
    {
      search: '?error=invalid_scope&error_description=Invalid+scopes%3A+openid+phone&state=s',
      ctx: { requestedScope: ['openid', 'phone'], scopesSupported: ['openid', 'email'] },
      code: 'invalid_scope',
      action: { kind: 'rerun_without_scope', scope: 'phone' },
    },
    {
      search:
        '?error=invalid_request&error_description=Authorization+Server+policy+requires+PKCE+to+be+used+for+this+request&state=s',
      ctx: { usedPkce: false },
      code: 'invalid_request',
      action: { kind: 'enable_pkce' },
    },
    {
      search:
        '?error=invalid_request&error_description=Missing+parameter%3A+code_challenge_method&state=s',
      ctx: {},
      code: 'invalid_request',
      action: { kind: 'enable_pkce' },
    },
    {
      search:
        '?error=invalid_request&error_description=openid+scope+must+be+requested+when+using+the+nonce+parameter&state=s',
      ctx: { requestedScope: ['profile'], sentNonce: true },
      code: 'invalid_request',
      action: { kind: 'rerun_with_scope', scope: 'openid' },
    },
    {
      search: '?error=invalid_request&error_description=Missing+parameter%3A+nonce&state=s',
      ctx: { sentNonce: false },
      code: 'invalid_request',
      action: { kind: 'send_nonce' },
    },
    {
      search:
        '?error=unauthorized_client&error_description=Client+is+not+allowed+to+initiate+browser+login+with+given+response_type.+Standard+flow+is+disabled+for+the+client.&state=s',
      ctx: {},
      code: 'unauthorized_client',
      action: undefined,
    },
    {
      search: '?error=login_required&state=s',
      ctx: { prompt: 'none' },
      code: 'login_required',
      action: { kind: 'remove_prompt_none' },
    },
    {
      search: '?error=consent_required&state=s',
      ctx: { prompt: 'none' },
      code: 'consent_required',
      action: { kind: 'remove_prompt_none' },
    },
    {
      search: '?error=temporarily_unavailable&error_description=authentication_expired&state=s',
      ctx: {},
      code: 'temporarily_unavailable',
      action: { kind: 'restart_flow' },
    },
    { search: '?error=server_error&state=s', ctx: {}, code: 'server_error', action: undefined },
    {
      search: '?error=weird_thing&error_description=Nope&state=s',
      ctx: {},
      code: 'non_standard_response',
      action: undefined,
    },
  ])('$search → $code', ({ search, ctx, code, action }) => {
    const d = diagnoseCallbackError(parseCallbackParams(search), ctx)
    expect(d?.code).toBe(code)
    expect(d?.action).toEqual(action)
    if (d) expectWellFormed(d)
  })

  test('quotes the provider and names the refused scope as a fact', () => {
    const d = diagnoseCallbackError(
      parseCallbackParams(
        '?error=invalid_scope&error_description=Invalid+scopes%3A+openid+foo&scope=foo&state=s',
      ),
      { requestedScope: ['openid', 'foo'] },
    )
    expect(d?.known).toEqual([
      'The provider answered error=`invalid_scope` with the description “Invalid scopes: openid foo”.',
      'The response names the refused scope: `foo`.',
      'The lab requested `openid foo`.',
    ])
    expect(d?.fix).toBe(
      'Untick `foo`, or assign it to the client (Keycloak: Clients → your client → Client scopes → Add client scope, as Optional).',
    )
  })

  test.each([
    { search: '?code=c&state=other', code: 'state_mismatch' },
    { search: '?code=c&state=s&iss=https%3A%2F%2Fevil.example', code: 'iss_mismatch' },
    { search: '?state=s', code: 'missing_code' },
    { search: '?error=access_denied&state=other', code: 'access_denied' },
    { search: '?code=c&state=s', code: undefined },
  ])('diagnoseCallback $search → $code', ({ search, code }) => {
    const params = parseCallbackParams(search)
    const validation = validateCallback({
      params,
      expectedState: 's',
      expectedIssuer: 'http://localhost:8080/realms/demo',
    })
    expect(diagnoseCallback(params, validation)?.code).toBe(code)
  })
})

describe('diagnoseDiscoveryError', () => {
  const discoveryError = (issuer: string, response: HttpResponseRecord): OidcError => {
    const result = processDiscoveryResponse(issuer, response)
    if (result.ok) throw new Error('expected an error')
    return result.error
  }

  test.each([
    {
      name: '404 modern path',
      error: discoveryError('https://kc/realms/demo', res(404, { error: 'Realm does not exist' })),
      code: 'discovery_failed',
      detail: 'discovery_not_found',
      action: { kind: 'use_legacy_path', issuer: 'https://kc/auth/realms/demo' },
    },
    {
      name: '404 legacy path',
      error: discoveryError('https://kc/auth/realms/demo', res(404, '')),
      code: 'discovery_failed',
      detail: 'discovery_not_found',
      action: { kind: 'remove_legacy_path', issuer: 'https://kc/realms/demo' },
    },
    {
      name: 'issuer mismatch',
      error: discoveryError(
        'http://127.0.0.1:8080/realms/demo',
        res(200, {
          issuer: 'http://localhost:8080/realms/demo',
          authorization_endpoint: 'http://localhost:8080/a',
          token_endpoint: 'http://localhost:8080/t',
        }),
      ),
      code: 'discovery_failed',
      detail: 'issuer_mismatch',
      action: { kind: 'use_issuer', issuer: 'http://localhost:8080/realms/demo' },
    },
    {
      name: 'HTML',
      error: discoveryError(
        'https://kc/realms/demo',
        res(200, '<html><title>Login</title></html>'),
      ),
      code: 'discovery_failed',
      detail: 'discovery_not_json',
      action: undefined,
    },
    {
      name: 'issuer input error',
      error: (() => {
        const r = validateIssuerInput('https://kc/realms/demo/.well-known/openid-configuration')
        if (r.ok) throw new Error('expected an error')
        return r.error
      })(),
      code: 'discovery_failed',
      detail: 'issuer_is_discovery_url',
      action: { kind: 'use_issuer', issuer: 'https://kc/realms/demo' },
    },
  ])('$name', ({ error, code, detail, action }) => {
    const d = diagnoseDiscoveryError(error)
    expect(d.code).toBe(code)
    expect(d.detail).toBe(detail)
    expect(d.action).toEqual(action)
    expectWellFormed(d)
  })

  test('a network failure in the exchange gives cors_or_network', () => {
    const d = diagnoseDiscoveryError(undefined, {
      networkError: 'TypeError: Failed to fetch',
      request: { url: 'https://kc/realms/demo/.well-known/openid-configuration' },
    })
    expect(d.code).toBe('cors_or_network')
    expect(d.guessed[0]).toMatch(/^Discovery documents and JWKS are usually served to any origin/)
  })
})

describe('diagnoseTokenResponse', () => {
  test.each([
    {
      scope: ['openid'],
      token: { access_token: 'a', token_type: 'Bearer', id_token: 'x' },
      expected: [],
    },
    {
      scope: ['profile', 'email'],
      token: { access_token: 'a', token_type: 'Bearer', scope: 'profile email' },
      expected: [
        {
          code: 'no_id_token',
          severity: 'info',
          action: { kind: 'rerun_with_scope', scope: 'openid' },
        },
      ],
    },
    {
      scope: ['openid', 'email'],
      token: { access_token: 'a', token_type: 'Bearer', scope: 'email' },
      expected: [{ code: 'no_id_token', severity: 'warning' }],
    },
    {
      scope: ['openid'],
      token: { access_token: 'a', token_type: 'Bearer' },
      expected: [{ code: 'no_id_token', severity: 'error', detail: 'missing_despite_openid' }],
    },
  ])('$scope', ({ scope, token, expected }) => {
    expect(diagnoseTokenResponse(token, { requestedScope: scope })).toMatchObject(expected)
  })

  test('refresh responses may omit the ID token', () => {
    expect(
      diagnoseTokenResponse(
        { access_token: 'a', token_type: 'Bearer' },
        { requestedScope: ['openid'], grantType: 'refresh_token' },
      ),
    ).toEqual([])
  })
})

describe('diagnoseMissingClaim', () => {
  test.each([
    {
      name: 'email not requested',
      input: {
        claim: 'email',
        where: 'id_token' as const,
        requestedScope: ['openid', 'profile'],
        grantedScope: 'openid profile',
      },
      action: { kind: 'rerun_with_scope', scope: 'email' },
      cause: '`email` was not requested, so the provider did not release `email`.',
    },
    {
      name: 'phone requested, not granted',
      input: {
        claim: 'phone_number',
        where: 'id_token' as const,
        requestedScope: ['openid', 'phone'],
        grantedScope: 'openid',
      },
      action: undefined,
      cause: 'The provider did not grant `phone`.',
    },
    {
      name: 'email granted but only in userinfo',
      input: {
        claim: 'email',
        where: 'id_token' as const,
        requestedScope: ['openid', 'email'],
        grantedScope: 'openid email',
        presentIn: ['userinfo' as const],
      },
      action: undefined,
      cause: '`email` is released, but not into the ID token.',
    },
    {
      name: 'Keycloak default scope granted, user has no value',
      input: {
        claim: 'email',
        where: 'userinfo' as const,
        requestedScope: ['openid'],
        grantedScope: 'openid profile email',
      },
      action: undefined,
      cause: '`email` was not released although its scope was granted.',
    },
  ])('$name', ({ input, action, cause }) => {
    const d = diagnoseMissingClaim(input)
    expect(d.code).toBe('missing_claim')
    expect(d.action).toEqual(action)
    expect(d.cause).toBe(cause)
    expectWellFormed(d)
  })
})

describe('diagnoseUserinfoError: openid requested but not granted', () => {
  test('does not blame the request', () => {
    const d = diagnoseUserinfoError({
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
