import { describe, expect, test } from 'vitest'
import {
  KC_ISSUER,
  keycloakDiscovery,
  keycloakDiscoveryDocument,
  keycloakRealmNotFound,
  oidcProviderDiscoveryDocument,
  OP_ISSUER,
  proxyLoginPage,
} from '@/testing/fixtures/provider-responses'
import {
  buildDiscoveryRequest,
  buildJwksRequest,
  discoveryWarnings,
  processDiscoveryResponse,
  processJwksResponse,
} from './discovery'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import type { DiscoveryDocument } from './types'

const response = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponseRecord => ({
  status,
  statusText: '',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

describe('buildDiscoveryRequest / buildJwksRequest', () => {
  test('GET issuer + /.well-known/openid-configuration', () => {
    expect(buildDiscoveryRequest('https://kc/realms/x/')).toEqual({
      method: 'GET',
      url: 'https://kc/realms/x/.well-known/openid-configuration',
      headers: { Accept: 'application/json' },
    })
    expect(buildJwksRequest('https://kc/certs').url).toBe('https://kc/certs')
  })
})

describe('processDiscoveryResponse', () => {
  test.each([
    { name: 'Keycloak', issuer: KC_ISSUER, res: keycloakDiscovery },
    { name: 'oidc-provider', issuer: OP_ISSUER, res: response(200, oidcProviderDiscoveryDocument) },
    {
      name: 'BOM and whitespace around JSON, no content-type',
      issuer: KC_ISSUER,
      res: response(200, `\uFEFF\n ${JSON.stringify(keycloakDiscoveryDocument)}\n`),
    },
  ])('accepts a $name document', ({ issuer, res }) => {
    const result = processDiscoveryResponse(issuer, res)
    expect(result.ok).toBe(true)
    expect(result.ok && result.value.issuer).toBe(issuer)
  })

  test.each([
    {
      name: '404 on a modern path suggests /auth',
      issuer: 'https://kc/realms/demo',
      res: keycloakRealmNotFound,
      code: 'discovery_not_found',
      suggestion: 'https://kc/auth/realms/demo',
      message:
        'No discovery document at https://kc/realms/demo/.well-known/openid-configuration (404). The realm name or the path is wrong; realm names are case-sensitive. The server said: “Realm does not exist”.',
      hint: 'If this is Keycloak 16 or older (or one started with --http-relative-path=/auth), realms live under /auth: try https://kc/auth/realms/demo.',
    },
    {
      name: '404 on a legacy path suggests removing /auth',
      issuer: 'https://kc/auth/realms/demo',
      res: response(404, '<html><body>Not Found</body></html>'),
      code: 'discovery_not_found',
      suggestion: 'https://kc/realms/demo',
      message:
        'No discovery document at https://kc/auth/realms/demo/.well-known/openid-configuration (404). The realm name or the path is wrong; realm names are case-sensitive.',
      hint: 'Keycloak 17 and later serve realms without the /auth prefix: try https://kc/realms/demo.',
    },
    {
      name: '404 on a non-Keycloak path has no suggestion',
      issuer: 'https://login.example.com',
      res: response(404, ''),
      code: 'discovery_not_found',
      suggestion: undefined,
      message:
        'No discovery document at https://login.example.com/.well-known/openid-configuration (404). The realm name or the path is wrong; realm names are case-sensitive.',
      hint: undefined,
    },
  ])('$name', ({ issuer, res, code, suggestion, message, hint }) => {
    const result = processDiscoveryResponse(issuer, res)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ code, message, status: 404 })
    expect(result.error.suggestion).toBe(suggestion)
    expect(result.error.hint).toBe(hint)
  })

  test.each([
    {
      name: '500',
      res: { ...response(500, { error: 'unknown_error' }), statusText: 'Internal Server Error' },
      code: 'discovery_http_error',
      detail: 'unexpected_status',
      message:
        'The discovery request to http://localhost:8080/realms/demo/.well-known/openid-configuration failed with HTTP 500 Internal Server Error. The server said: “unknown_error”.',
    },
    {
      name: 'HTML login page of a proxy',
      res: proxyLoginPage,
      code: 'discovery_not_json',
      detail: 'html',
      message:
        'Expected the JSON discovery document but got an HTML page titled “Sign in - Corp SSO Gateway” (Content-Type: text/html; charset=utf-8), starting: <!DOCTYPE html> <html><head><title>Sign in - Corp SSO Gateway</title></head><body><form action="/login">…</form></body></html>.',
    },
    {
      name: 'empty 200',
      res: response(200, ''),
      code: 'discovery_not_json',
      detail: 'empty_body',
      message: 'Expected the JSON discovery document but got an empty body.',
    },
    {
      name: 'JSON array',
      res: response(200, []),
      code: 'discovery_invalid',
      detail: 'not_an_object',
      message: 'The discovery document must be a JSON object.',
    },
    {
      name: 'missing token_endpoint',
      res: response(200, { ...keycloakDiscoveryDocument, token_endpoint: undefined }),
      code: 'discovery_invalid',
      detail: 'missing_fields',
      message:
        'The discovery document lacks “token_endpoint”; the authorization code flow cannot run without it.',
    },
    {
      name: 'missing issuer and authorization_endpoint',
      res: response(200, { token_endpoint: 'https://kc/token' }),
      code: 'discovery_invalid',
      detail: 'missing_fields',
      message:
        'The discovery document lacks “issuer”, “authorization_endpoint”; the authorization code flow cannot run without them.',
    },
    {
      name: 'relative userinfo_endpoint',
      res: response(200, { ...keycloakDiscoveryDocument, userinfo_endpoint: '/userinfo' }),
      code: 'discovery_invalid',
      detail: 'invalid_url',
      message: '“userinfo_endpoint” is not an absolute http(s) URL.',
    },
  ])('$name → $code', ({ res, code, detail, message }) => {
    const result = processDiscoveryResponse(KC_ISSUER, res)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ code, detail, message, body: res.body })
  })

  test.each([
    { used: 'http://localhost:8080/realms/demo/', detail: 'trailing_slash' },
    { used: 'https://localhost:8080/realms/demo', detail: 'scheme' },
    { used: 'http://127.0.0.1:8080/realms/demo', detail: 'host' },
    { used: 'http://localhost:8080/realms/Demo', detail: 'case' },
  ])('issuer_mismatch when the lab used $used ($detail)', ({ used, detail }) => {
    const result = processDiscoveryResponse(used, keycloakDiscovery)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ code: 'issuer_mismatch', detail, suggestion: KC_ISSUER })
  })

  test('issuer_mismatch message for localhost vs 127.0.0.1', () => {
    const result = processDiscoveryResponse('http://127.0.0.1:8080/realms/demo', keycloakDiscovery)
    expect(!result.ok && result.error.message).toBe(
      'The document says issuer “http://localhost:8080/realms/demo” but the lab used “http://127.0.0.1:8080/realms/demo”. Only the host differs: you used 127.0.0.1, the provider says localhost. Both point at this machine, but they are different strings; Keycloak derives the issuer from the host name it was called with (or --hostname).',
    )
  })
})

describe('discoveryWarnings', () => {
  const base: DiscoveryDocument = {
    issuer: 'https://kc/realms/x',
    authorization_endpoint: 'https://kc/realms/x/auth',
    token_endpoint: 'https://kc/realms/x/token',
    userinfo_endpoint: 'https://kc/realms/x/userinfo',
    jwks_uri: 'https://kc/realms/x/certs',
    code_challenge_methods_supported: ['S256'],
  }

  test.each([
    { name: 'complete document', doc: base, codes: [] },
    { name: 'Keycloak fixture', doc: keycloakDiscoveryDocument as DiscoveryDocument, codes: [] },
    {
      name: 'no userinfo or jwks, no PKCE metadata',
      doc: {
        ...base,
        userinfo_endpoint: undefined,
        jwks_uri: undefined,
        code_challenge_methods_supported: undefined,
      },
      codes: ['no_userinfo_endpoint', 'no_jwks_uri', 's256_not_advertised'],
    },
    {
      name: 'plain only, no code',
      doc: {
        ...base,
        code_challenge_methods_supported: ['plain'],
        response_types_supported: ['id_token'],
      },
      codes: ['code_not_supported', 's256_not_advertised'],
    },
    {
      name: 'http token endpoint behind https issuer, other origin for userinfo',
      doc: {
        ...base,
        token_endpoint: 'http://kc/realms/x/token',
        userinfo_endpoint: 'https://kc-internal:8443/u',
      },
      codes: ['endpoint_insecure', 'endpoint_other_origin'],
    },
  ])('$name', ({ doc, codes }) => {
    expect(discoveryWarnings(doc).map((w) => w.code)).toEqual(codes)
  })
})

describe('processJwksResponse', () => {
  test('keeps keys with a kty', () => {
    const result = processJwksResponse(
      response(200, {
        keys: [{ kty: 'RSA', kid: 'a', n: 'x', e: 'AQAB' }, { kid: 'no-kty' }, 'junk'],
      }),
    )
    expect(result).toEqual({
      ok: true,
      value: { keys: [{ kty: 'RSA', kid: 'a', n: 'x', e: 'AQAB' }] },
    })
  })

  test.each([
    { res: response(500, ''), code: 'jwks_http_error' },
    { res: response(200, '<html></html>'), code: 'jwks_not_json' },
    { res: response(200, { keys: 'nope' }), code: 'jwks_invalid' },
    { res: response(200, []), code: 'jwks_invalid' },
  ])('$code', ({ res, code }) => {
    const result = processJwksResponse(res)
    expect(!result.ok && result.error.code).toBe(code)
  })
})
