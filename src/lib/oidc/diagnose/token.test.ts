import { describe, expect, test } from 'vitest'
import { expectWellFormed, ORIGIN, res, TOKEN_URL, tokenErrorOf } from '@/testing/diagnosis'
import {
  gateway502,
  keycloakCodeNotValid,
  keycloakIncorrectRedirectUri,
  keycloakInvalidClientCredentials,
  keycloakPkceMismatch,
  keycloakTokenSuccess,
  oidcProviderGrantInvalid,
  oidcProviderWrongSecret,
} from '@/testing/fixtures/provider-responses'
import { diagnoseTokenError, type TokenExchangeInput } from './token'
import type { TokenErrorContext } from './token-context'

const ctx = {
  clientAuthMethod: 'none' as const,
  isPublicClient: true,
  origin: ORIGIN,
  tokenEndpoint: TOKEN_URL,
}

/** As the token step does: process the response once, then diagnose with its error. */
const diagnose = (exchange: TokenExchangeInput, context: TokenErrorContext) =>
  diagnoseTokenError(exchange, tokenErrorOf(exchange.response), context)

describe('diagnoseTokenError', () => {
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
    const d = diagnose({ response }, { ...ctx, ...extra })
    expect(d?.code).toBe(code)
    expect(d?.detail).toBe(detail)
    if (d) expectWellFormed(d)
  })

  test('code reuse states the fact', () => {
    const d = diagnose(
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
    const d = diagnose({ response: oidcProviderWrongSecret }, ctx)
    expect(d?.cause).toBe(
      'The provider treats this client as confidential; in Keycloak, “Client authentication” is ON for it.',
    )
    expect(d?.action).toEqual({ kind: 'switch_client_auth', method: 'client_secret_basic' })
    expect(d?.known).toContain(
      'WWW-Authenticate: Basic realm="http://127.0.0.1:18080/realms/demo", error="invalid_client", error_description="client authentication failed"',
    )
  })

  test('Keycloak’s unauthorized_client wording is shown as a deviation', () => {
    const d = diagnose(
      { response: keycloakInvalidClientCredentials },
      { ...ctx, clientAuthMethod: 'client_secret_post' },
    )
    expect(d?.known).toContain(
      'Deviation from the spec: The provider said “unauthorized_client” for a failed client authentication; RFC 6749 §5.2 calls that “invalid_client” (Keycloak does this).',
    )
  })

  test('non-standard 403 keeps the provider code and names the closest meaning', () => {
    const d = diagnose({ response: res(403, { error: 'access_forbidden' }) }, ctx)
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
    const d = diagnose({ networkError: 'TypeError: Failed to fetch' }, ctx)
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
    const d = diagnose(
      { response: { ...res(405, ''), redirected: true, url: 'https://kc/token' } },
      ctx,
    )
    expect(d?.known).toContain(
      'The request was redirected to `https://kc/token`; a redirected POST may arrive as a GET without its form body.',
    )
  })
})

describe('diagnoseTokenError: the error comes from the caller', () => {
  test('a response without an error is not diagnosed, even a failing one', () => {
    expect(diagnoseTokenError({ response: keycloakCodeNotValid }, undefined, ctx)).toBeUndefined()
  })

  test('no response is a network diagnosis', () => {
    expect(
      diagnoseTokenError({ networkError: 'TypeError: Failed to fetch' }, undefined, ctx)?.code,
    ).toBe('cors_or_network')
  })
})

const CLIENT_CREDENTIALS = {
  method: 'POST' as const,
  url: TOKEN_URL,
  headers: {},
  form: [['grant_type', 'client_credentials']] as [string, string][],
}

describe('diagnoseTokenError: fixes fit the grant', () => {
  const confidential = { ...ctx, clientAuthMethod: 'client_secret_basic' as const }
  const unauthorized = res(400, { error: 'unauthorized_client' })

  test.each([
    {
      grantType: 'authorization_code' as const,
      fix: 'Enable the standard flow for the client (Keycloak: Clients → your client → Capability config → Standard flow).',
    },
    {
      grantType: 'refresh_token' as const,
      fix: 'Allow refresh tokens for the client (Keycloak: Advanced → “Use refresh tokens”).',
    },
    {
      grantType: 'client_credentials' as const,
      fix: 'Enable Service accounts for the client (Keycloak: Clients → your client → Capability config → Service accounts roles; the client must be confidential).',
    },
    {
      grantType: 'urn:ietf:params:oauth:grant-type:device_code' as const,
      fix: 'Enable OAuth 2.0 Device Authorization Grant for the client (Keycloak: Clients → your client → Capability config → OAuth 2.0 Device Authorization Grant).',
    },
  ])('unauthorized_client for $grantType', ({ grantType, fix }) => {
    const d = diagnose({ response: unauthorized }, { ...confidential, grantType })
    expect(d?.code).toBe('unauthorized_client')
    expect(d?.fix).toBe(fix)
    expect(d?.known).toContain(`The lab sent grant_type=\`${grantType}\`.`)
    if (d) expectWellFormed(d)
  })

  test('the grant is read from the request when the context does not name it', () => {
    const d = diagnose({ request: CLIENT_CREDENTIALS, response: unauthorized }, confidential)
    expect(d?.fix).toMatch(/^Enable Service accounts for the client/)
    expect(d?.specLinks.map((l) => l.label)).toContain('RFC 6749 §4.4')
  })

  test('unsupported_grant_type for the device grant names the switch and the metadata', () => {
    const d = diagnose(
      { response: res(400, { error: 'unsupported_grant_type' }) },
      { ...ctx, grantType: 'urn:ietf:params:oauth:grant-type:device_code' },
    )
    expect(d?.code).toBe('unsupported_grant_type')
    expect(d?.fix).toBe(
      'Enable OAuth 2.0 Device Authorization Grant for the client (Keycloak: Clients → your client → Capability config → OAuth 2.0 Device Authorization Grant). Also check that grant_types_supported in the discovery document lists `urn:ietf:params:oauth:grant-type:device_code`.',
    )
  })

  test('a public client cannot use client credentials: no advice to make it public', () => {
    const d = diagnose(
      { request: CLIENT_CREDENTIALS, response: oidcProviderWrongSecret },
      { ...ctx, clientAuthMethod: 'none' },
    )
    expect(d).toMatchObject({ code: 'invalid_client', detail: 'secret_expected' })
    expect(d?.fix).toBe(
      'Enter the client secret (Keycloak: Clients → your client → Credentials) and use client_secret_basic.',
    )
    expect(d?.guessed).toEqual([
      'The client credentials grant authenticates the client itself (RFC 6749 §4.4), so it always needs a confidential client.',
    ])
  })

  test.each([
    {
      grantType: 'urn:ietf:params:oauth:grant-type:device_code' as const,
      detail: 'device_code',
      action: { kind: 'restart_flow' },
    },
    { grantType: 'client_credentials' as const, detail: 'client_credentials', action: undefined },
  ])('invalid_grant for $grantType', ({ grantType, detail, action }) => {
    const d = diagnose(
      { response: res(400, { error: 'invalid_grant', error_description: 'Nope' }) },
      { ...confidential, grantType },
    )
    expect(d).toMatchObject({ code: 'invalid_grant', detail, cause: 'The provider says: “Nope”.' })
    expect(d?.action).toEqual(action)
  })
})

describe('diagnoseTokenError: RFC 8628 polling answers', () => {
  const device = {
    ...ctx,
    grantType: 'urn:ietf:params:oauth:grant-type:device_code' as const,
  }

  test.each([
    { error: 'authorization_pending', code: 'authorization_pending', severity: 'info' },
    { error: 'slow_down', code: 'slow_down', severity: 'info' },
    { error: 'expired_token', code: 'expired_token', severity: 'error' },
    { error: 'access_denied', code: 'access_denied', severity: 'error' },
  ])('$error → $code ($severity)', ({ error, code, severity }) => {
    const d = diagnose({ response: res(400, { error }) }, device)
    expect(d).toMatchObject({ code, severity, providerError: { error } })
    expect(d?.known.some((k) => k.startsWith('Deviation'))).toBe(false)
    expect(d?.specLinks.map((l) => l.label)).toContain('RFC 8628 §3.5')
    if (d) expectWellFormed(d)
  })

  test('access_denied is explained as the device user’s refusal', () => {
    const d = diagnose({ response: res(400, { error: 'access_denied' }) }, device)
    expect(d?.fix).toBe('Start a new device authorization and approve it on the verification page.')
  })
})

describe('diagnoseTokenError: the Basic secret as sent', () => {
  const wrongSecret = (authorization: string) => ({
    request: { method: 'POST' as const, url: TOKEN_URL, headers: { Authorization: authorization } },
    response: keycloakInvalidClientCredentials,
  })
  const basic = { ...ctx, clientAuthMethod: 'client_secret_basic' as const, isPublicClient: false }
  const encodingGuess =
    'The secret has characters that RFC 6749 §2.3.1 form-encodes before base64; some providers do not decode them, so client_secret_post may work where Basic fails.'

  test('a form-encoded secret in the header adds the encoding guess', () => {
    // basicAuthorization('oidc-lab', 'a:b c') sends "oidc-lab:a%3Ab+c"
    const d = diagnose(wrongSecret(`Basic ${btoa('oidc-lab:a%3Ab+c')}`), basic)
    expect(d?.guessed).toContain(encodingGuess)
  })

  test('a plain secret does not', () => {
    const d = diagnose(wrongSecret(`Basic ${btoa('oidc-lab:s3cret')}`), basic)
    expect(d?.code).toBe('invalid_client')
    expect(d?.guessed).not.toContain(encodingGuess)
  })
})

describe('invalid_client with an authentication method the provider does not list', () => {
  test('discovery lists only client_secret_basic and post was used: switch to basic', () => {
    const d = diagnose(
      { response: oidcProviderWrongSecret },
      {
        ...ctx,
        clientAuthMethod: 'client_secret_post',
        isPublicClient: false,
        authMethodsSupported: ['client_secret_basic'],
      },
    )
    expect(d).toMatchObject({
      code: 'invalid_client',
      detail: 'auth_method_not_supported',
      action: { kind: 'switch_client_auth', method: 'client_secret_basic' },
    })
    expect(d?.known).toContain(
      "The provider's discovery lists token_endpoint_auth_methods_supported: `client_secret_basic`; it does not list `client_secret_post`.",
    )
  })

  test('both methods listed: a wrong secret is not blamed on the method', () => {
    const d = diagnose(
      { response: oidcProviderWrongSecret },
      {
        ...ctx,
        clientAuthMethod: 'client_secret_post',
        isPublicClient: false,
        authMethodsSupported: ['client_secret_basic', 'client_secret_post'],
      },
    )
    expect(d?.action).toBeUndefined()
    expect(d?.cause).toBe('The provider did not accept this client_id and secret.')
  })
})
