import { describe, expect, test } from 'vitest'
import { parseDeepLink } from '@/lib/lab-config/deep-link'
import { defaultConfig, type LabConfig } from '@/lib/lab-config/lab-config'
import {
  buildMatrixFragment,
  buildSetupQuery,
  parseMatrixSets,
  sameLinkedSetup,
} from '@/lib/lab-config/setup-link'

const DEMO = 'http://localhost:8080/realms/demo'
const config = (patch: Partial<LabConfig>): LabConfig => ({ ...defaultConfig(DEMO), ...patch })

describe('buildSetupQuery', () => {
  test('the demo setup', () => {
    expect(buildSetupQuery(config({ scopes: ['openid', 'email'] }))).toBe(
      '?preset=demo&client_id=oidc-lab&scope=openid%20email',
    )
  })

  test.each<[string, Partial<LabConfig>]>([
    ['demo, code flow', { scopes: ['openid', 'profile', 'api:read'] }],
    ['demo, no scope', { scopes: [] }],
    [
      'demo, client credentials',
      { clientId: 'oidc-lab-confidential', grant: 'client_credentials', scopes: ['api:read'] },
    ],
    ['demo, device grant', { clientId: 'oidc-lab-device', grant: 'device_code' }],
    ['any issuer', { preset: 'custom', issuer: 'https://accounts.example.com', clientId: 'abc' }],
    [
      'keycloak, legacy /auth',
      {
        preset: 'keycloak',
        keycloak: { baseUrl: 'https://kc.example.com', realm: 'my realm', legacyAuthPath: true },
      },
    ],
    [
      'keycloak',
      {
        preset: 'keycloak',
        keycloak: { baseUrl: 'https://kc.example.com', realm: 'team', legacyAuthPath: false },
      },
    ],
  ])('%s survives the round trip through parseDeepLink', (_name, patch) => {
    const original = config(patch)
    const { config: restored, messages, fromLink } = parseDeepLink(buildSetupQuery(original), DEMO)
    // an empty scope is restored with the link's own warning that nothing is selected
    expect(messages.filter((m) => m.level !== 'warning' || m.param !== 'scope')).toEqual([])
    expect(fromLink).toBe(true)
    expect(sameLinkedSetup(restored, original)).toBe(true)
    expect(restored.scopes).toEqual(original.scopes)
    expect(restored.grant).toBe(original.grant)
    expect(restored.clientId).toBe(original.clientId)
  })

  test('never carries the secret, the client type or the extras', () => {
    const query = buildSetupQuery(
      config({
        clientType: 'confidential',
        clientSecret: 'oidc-lab-secret',
        tokenRequestScope: 'api:read',
        extras: {
          prompt: 'login',
          login_hint: 'alice',
          max_age: '',
          acr_values: '',
          ui_locales: '',
        },
      }),
    )
    expect(query).not.toMatch(/secret|confidential|login|alice/)
  })

  test('setups that differ only in what a link does not carry are the same', () => {
    expect(sameLinkedSetup(config({ clientSecret: 'x' }), config({}))).toBe(true)
    expect(sameLinkedSetup(config({ scopes: ['openid'] }), config({}))).toBe(false)
  })
})

describe('matrix sets in the fragment', () => {
  test('built and read back', () => {
    const sets = [['openid'], ['openid', 'email'], [], ['profile', 'api:read']]
    const fragment = buildMatrixFragment(sets)
    expect(fragment).toBe('#matrix?sets=openid|openid%20email|(none)|profile%20api%3Aread')
    expect(parseMatrixSets(fragment.slice('#matrix?'.length))).toEqual({ sets })
  })

  test.each([
    ['sets=openid|openid+email', [['openid'], ['openid', 'email']]],
    ['sets=openid%7Copenid%20openid%20email||', [['openid'], ['openid', 'email']]],
  ])('%s', (query, sets) => {
    expect(parseMatrixSets(query)).toEqual({ sets })
  })

  test('no sets parameter, or an empty one', () => {
    expect(parseMatrixSets('')).toEqual({})
    expect(parseMatrixSets('sets=||').problem).toMatch(/empty/)
  })

  test('no sets: the plain matrix fragment', () => {
    expect(buildMatrixFragment([])).toBe('#matrix')
  })
})
