import { describe, expect, test } from 'vitest'
import { defaultConfig } from '@/lib/lab-config/lab-config'
import { resolveIssuer } from '@/features/flow/resolve-issuer'

const config = defaultConfig('http://localhost:8080/realms/demo')

describe('resolveIssuer', () => {
  test('an issuer ending in / (Auth0’s form) is kept exactly: issuers compare character by character', () => {
    expect(
      resolveIssuer({ ...config, preset: 'custom', issuer: ' https://tenant.auth0.com/ ' }),
    ).toBe('https://tenant.auth0.com/')
  })

  test('an empty custom issuer is no issuer yet', () => {
    expect(resolveIssuer({ ...config, preset: 'custom', issuer: '  ' })).toBeUndefined()
  })

  test('the Keycloak preset builds the realm issuer, and waits for both fields', () => {
    const keycloak = { baseUrl: 'https://kc.example.com/', realm: 'shop', legacyAuthPath: false }
    expect(resolveIssuer({ ...config, preset: 'keycloak', keycloak })).toBe(
      'https://kc.example.com/realms/shop',
    )
    expect(
      resolveIssuer({ ...config, preset: 'keycloak', keycloak: { ...keycloak, realm: '' } }),
    ).toBe(undefined)
  })
})
