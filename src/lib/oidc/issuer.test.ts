import { describe, expect, test } from 'vitest'
import {
  buildKeycloakIssuer,
  describeIssuerDifference,
  discoveryUrlFor,
  isLoopbackHost,
  oauthMetadataUrlFor,
  validateIssuerInput,
} from './issuer'

describe('buildKeycloakIssuer', () => {
  test.each([
    { baseUrl: 'https://kc', realm: 'x', legacy: false, issuer: 'https://kc/realms/x' },
    { baseUrl: 'https://kc', realm: 'x', legacy: true, issuer: 'https://kc/auth/realms/x' },
    { baseUrl: ' https://kc/// ', realm: ' x ', legacy: false, issuer: 'https://kc/realms/x' },
    { baseUrl: 'https://kc/auth', realm: 'x', legacy: true, issuer: 'https://kc/auth/realms/x' },
    { baseUrl: 'https://kc/auth/', realm: 'x', legacy: false, issuer: 'https://kc/auth/realms/x' },
    {
      baseUrl: 'http://localhost:8080',
      realm: 'my realm',
      legacy: false,
      issuer: 'http://localhost:8080/realms/my%20realm',
    },
    { baseUrl: 'https://kc/realms/old', realm: 'x', legacy: false, issuer: 'https://kc/realms/x' },
    {
      baseUrl: 'https://kc/auth/realms/old/',
      realm: 'x',
      legacy: false,
      issuer: 'https://kc/auth/realms/x',
    },
    { baseUrl: 'https://kc/sso', realm: 'x', legacy: false, issuer: 'https://kc/sso/realms/x' },
    { baseUrl: 'https://kc', realm: 'ä/b', legacy: false, issuer: 'https://kc/realms/%C3%A4%2Fb' },
  ])('$baseUrl + $realm (legacy $legacy) → $issuer', ({ baseUrl, realm, legacy, issuer }) => {
    expect(buildKeycloakIssuer({ baseUrl, realm, legacyAuthPath: legacy })).toBe(issuer)
  })
})

describe('discoveryUrlFor / oauthMetadataUrlFor', () => {
  test.each([
    ['https://kc/realms/x', 'https://kc/realms/x/.well-known/openid-configuration'],
    ['https://kc/realms/x/', 'https://kc/realms/x/.well-known/openid-configuration'],
    ['https://tenant.auth0.com/', 'https://tenant.auth0.com/.well-known/openid-configuration'],
    ['https://accounts.google.com', 'https://accounts.google.com/.well-known/openid-configuration'],
  ])('%s → %s', (issuer, url) => {
    expect(discoveryUrlFor(issuer)).toBe(url)
  })

  test.each([
    ['https://kc/realms/x', 'https://kc/.well-known/oauth-authorization-server/realms/x'],
    ['https://as.example/', 'https://as.example/.well-known/oauth-authorization-server'],
    ['nope', undefined],
  ])('RFC 8414 %s → %s', (issuer, url) => {
    expect(oauthMetadataUrlFor(issuer)).toBe(url)
  })
})

describe('isLoopbackHost', () => {
  test.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['app.localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['192.168.1.10', false],
    ['localhost.example.com', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback)
  })
})

describe('validateIssuerInput', () => {
  test.each([
    {
      text: 'https://kc.example.com/realms/demo',
      issuer: 'https://kc.example.com/realms/demo',
      warnings: [],
    },
    {
      text: '  http://localhost:8080/realms/demo \n',
      issuer: 'http://localhost:8080/realms/demo',
      warnings: [],
    },
    {
      text: 'http://127.0.0.1:8080/realms/demo',
      issuer: 'http://127.0.0.1:8080/realms/demo',
      warnings: [],
    },
    {
      text: 'http://kc.internal/realms/demo',
      issuer: 'http://kc.internal/realms/demo',
      warnings: ['insecure_http'],
    },
    { text: 'https://tenant.auth0.com/', issuer: 'https://tenant.auth0.com/', warnings: [] },
    {
      text: 'https://kc/realms/demo/',
      issuer: 'https://kc/realms/demo/',
      warnings: ['trailing_slash'],
    },
    {
      text: 'https://kc/auth/realms/demo',
      issuer: 'https://kc/auth/realms/demo',
      warnings: ['keycloak_legacy_path'],
    },
  ])('accepts $text', ({ text, issuer, warnings }) => {
    const result = validateIssuerInput(text)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.issuer).toBe(issuer)
    expect(result.value.warnings.map((w) => w.code)).toEqual(warnings)
  })

  test('explains the insecure http warning', () => {
    const result = validateIssuerInput('http://kc.internal/realms/demo')
    expect(result.ok && result.value.warnings[0]?.message).toBe(
      'Plain http to kc.internal: OpenID Connect requires https outside this machine, so codes and tokens would travel unencrypted and many providers refuse it.',
    )
  })

  test.each([
    { text: '', code: 'issuer_empty', suggestion: undefined },
    { text: '   ', code: 'issuer_empty', suggestion: undefined },
    { text: 'not a url', code: 'issuer_not_url', suggestion: undefined },
    {
      text: 'kc.example.com/realms/demo',
      code: 'issuer_not_url',
      suggestion: 'https://kc.example.com/realms/demo',
    },
    {
      text: 'localhost:8080/realms/demo',
      code: 'issuer_not_url',
      suggestion: 'http://localhost:8080/realms/demo',
    },
    { text: 'ftp://kc/realms/demo', code: 'issuer_not_http', suggestion: undefined },
    {
      text: 'https://admin:pw@kc/realms/demo',
      code: 'issuer_has_credentials',
      suggestion: 'https://kc/realms/demo',
    },
    {
      text: 'https://kc/realms/demo?x=1',
      code: 'issuer_has_query',
      suggestion: 'https://kc/realms/demo',
    },
    {
      text: 'https://kc/realms/demo#top',
      code: 'issuer_has_fragment',
      suggestion: 'https://kc/realms/demo',
    },
    {
      text: 'https://kc/realms/demo/.well-known/openid-configuration',
      code: 'issuer_is_discovery_url',
      suggestion: 'https://kc/realms/demo',
    },
    {
      text: 'https://accounts.google.com/.well-known/openid-configuration',
      code: 'issuer_is_discovery_url',
      suggestion: 'https://accounts.google.com',
    },
    {
      text: 'https://kc/.well-known/oauth-authorization-server/realms/demo',
      code: 'issuer_is_discovery_url',
      suggestion: 'https://kc/realms/demo',
    },
    {
      text: 'https://kc/realms/demo/protocol/openid-connect/auth',
      code: 'issuer_is_endpoint_url',
      suggestion: 'https://kc/realms/demo',
    },
    {
      text: 'https://kc/admin/master/console/#/demo/clients',
      code: 'issuer_is_admin_console',
      suggestion: 'https://kc/realms/demo',
    },
    {
      text: 'https://kc/auth/admin/master/console/#/realms/demo',
      code: 'issuer_is_admin_console',
      suggestion: 'https://kc/auth/realms/demo',
    },
  ])('refuses $text with $code', ({ text, code, suggestion }) => {
    const result = validateIssuerInput(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.suggestion).toBe(suggestion)
  })

  test.each([
    [
      'kc.example.com/realms/demo',
      '“kc.example.com/realms/demo” is not an absolute URL: the scheme is missing.',
    ],
    [
      'https://kc/realms/demo/.well-known/openid-configuration',
      'This is the discovery document URL; the issuer is the part before /.well-known/openid-configuration. The lab appends it itself.',
    ],
    ['ftp://kc/realms/demo', 'The issuer must be an http(s) URL; this one uses “ftp:”.'],
  ])('message for %s', (text, message) => {
    const result = validateIssuerInput(text)
    expect(!result.ok && result.error.message).toBe(message)
  })
})

describe('describeIssuerDifference', () => {
  test.each([
    { expected: 'https://kc/realms/x', actual: 'https://kc/realms/x', detail: undefined },
    { expected: 'https://kc/realms/x', actual: 'https://kc/realms/x/', detail: 'trailing_slash' },
    {
      expected: 'https://tenant.auth0.com/',
      actual: 'https://tenant.auth0.com',
      detail: 'trailing_slash',
    },
    { expected: 'https://kc/realms/Demo', actual: 'https://kc/realms/demo', detail: 'case' },
    { expected: 'http://kc/realms/x', actual: 'https://kc/realms/x', detail: 'scheme' },
    {
      expected: 'http://localhost:8080/realms/x',
      actual: 'http://127.0.0.1:8080/realms/x',
      detail: 'host',
    },
    {
      expected: 'http://localhost:8080/realms/x',
      actual: 'http://localhost:18080/realms/x',
      detail: 'port',
    },
    { expected: 'https://kc/realms/x', actual: 'https://kc/auth/realms/x', detail: 'path' },
    { expected: 'https://a/realms/x', actual: 'http://b:1/y', detail: 'different' },
  ])('$expected vs $actual → $detail', ({ expected, actual, detail }) => {
    expect(describeIssuerDifference(expected, actual)?.detail).toBe(detail)
  })

  test('names both loopback hosts', () => {
    expect(
      describeIssuerDifference('http://localhost:8080/realms/x', 'http://127.0.0.1:8080/realms/x')
        ?.message,
    ).toBe(
      'Only the host differs: you used localhost, the provider says 127.0.0.1. Both point at this machine, but they are different strings; Keycloak derives the issuer from the host name it was called with (or --hostname).',
    )
  })
})
