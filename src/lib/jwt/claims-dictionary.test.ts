import { describe, expect, test } from 'vitest'
import { CLAIMS, describeClaim } from './claims-dictionary'
import { HEADER_PARAMETERS } from './header-parameters'
import { SCOPE_CLAIMS } from './scope-claims'

describe('describeClaim', () => {
  test.each([
    ['iss', 'RFC 7519', undefined, 'url'],
    ['exp', 'RFC 7519', undefined, 'time'],
    ['auth_time', 'OIDC Core', undefined, 'time'],
    ['at_hash', 'OIDC Core', undefined, 'hash'],
    ['email', 'OIDC Core', 'email', 'email'],
    ['email_verified', 'OIDC Core', 'email', 'boolean'],
    ['name', 'OIDC Core', 'profile', 'string'],
    ['updated_at', 'OIDC Core', 'profile', 'time'],
    ['phone_number_verified', 'OIDC Core', 'phone', 'boolean'],
    ['address', 'OIDC Core', 'address', 'object'],
    ['realm_access', 'Keycloak', 'roles', 'object'],
    ['allowed-origins', 'Keycloak', 'web-origins', 'string_array'],
    ['session_state', 'Keycloak', undefined, 'string'],
    ['client_id', 'RFC 9068', undefined, 'string'],
    ['act', 'RFC 8693', undefined, 'object'],
  ])('%s comes from %s (scope %s)', (name, source, scope, kind) => {
    const info = describeClaim(name)
    expect(info).toMatchObject({ name, source, kind, known: true })
    expect(info.scope).toBe(scope)
    expect(info.specLink).toMatch(/^https:\/\//)
  })

  test('typ means different things in the header and the payload', () => {
    expect(describeClaim('typ').source).toBe('Keycloak')
    expect(describeClaim('typ', 'header')).toMatchObject({ source: 'RFC 7515', known: true })
    expect(describeClaim('typ', 'header').description).toMatch(/at\+jwt/)
  })

  test.each([
    [
      'tenant_id',
      /custom claim of this provider/,
      'https://www.rfc-editor.org/rfc/rfc7519#section-4.3',
    ],
    [
      'https://example.com/roles',
      /namespaced/,
      'https://www.rfc-editor.org/rfc/rfc7519#section-4.2',
    ],
    [
      'constructor',
      /custom claim of this provider/,
      'https://www.rfc-editor.org/rfc/rfc7519#section-4.3',
    ],
  ])('falls back for the unknown claim %s', (name, description, specLink) => {
    const info = describeClaim(name)
    expect(info).toMatchObject({ name, known: false, source: 'custom', specLink })
    expect(info.description).toMatch(description)
  })

  test('falls back for an unknown header parameter', () => {
    expect(describeClaim('b64', 'header')).toMatchObject({ known: false, source: 'custom' })
  })
})

describe('dictionary data', () => {
  test('every entry has one plain sentence and an https spec link', () => {
    for (const entry of [...Object.values(CLAIMS), ...Object.values(HEADER_PARAMETERS)]) {
      expect(entry.description).toMatch(/^[A-Z].*\.$/)
      expect(entry.specLink).toMatch(/^https:\/\//)
    }
  })

  test.each(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'auth_time', 'nonce', 'acr', 'amr'])(
    'covers %s',
    (name) => {
      expect(CLAIMS[name]).toBeDefined()
    },
  )

  test.each(['alg', 'kid', 'typ', 'x5t', 'jku', 'cty'])(
    'covers the header parameter %s',
    (name) => {
      expect(HEADER_PARAMETERS[name]).toBeDefined()
    },
  )

  test('every scope claim is described with that scope', () => {
    for (const [scope, claims] of Object.entries(SCOPE_CLAIMS)) {
      for (const claim of claims) expect(describeClaim(claim).scope).toBe(scope)
    }
  })
})
