import { describe, expect, test } from 'vitest'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import { grantProblem } from '@/lib/lab-config/grants'

const doc = (extra: Partial<DiscoveryDocument>) =>
  ({
    issuer: 'https://op.example',
    authorization_endpoint: 'https://op.example/auth',
    token_endpoint: 'https://op.example/token',
    ...extra,
  }) as DiscoveryDocument

describe('grantProblem', () => {
  test('client credentials with a public client is refused before sending', () => {
    expect(grantProblem({ grant: 'client_credentials', clientType: 'public' }, undefined)).toMatch(
      /^Client credentials needs a confidential client/,
    )
  })

  test('a grant missing from grant_types_supported is named with its grant_type', () => {
    const problem = grantProblem(
      { grant: 'client_credentials', clientType: 'confidential' },
      doc({ grant_types_supported: ['authorization_code', 'refresh_token'] }),
    )
    expect(problem).toBe(
      "The provider's discovery does not list `client_credentials` in grant_types_supported: it does not offer the client credentials grant.",
    )
  })

  test('no grant_types_supported means the spec default: the code grant is fine, the device grant is not', () => {
    expect(grantProblem({ grant: 'authorization_code', clientType: 'public' }, doc({}))).toBe(
      undefined,
    )
    expect(grantProblem({ grant: 'device_code', clientType: 'public' }, doc({}))).toMatch(
      /it lists none, so the default authorization_code and implicit apply/,
    )
  })

  test('the device grant also needs the device authorization endpoint', () => {
    const listed = doc({
      grant_types_supported: ['urn:ietf:params:oauth:grant-type:device_code'],
    })
    expect(grantProblem({ grant: 'device_code', clientType: 'public' }, listed)).toMatch(
      /no device_authorization_endpoint/,
    )
    expect(
      grantProblem(
        { grant: 'device_code', clientType: 'public' },
        { ...listed, device_authorization_endpoint: 'https://op.example/device' },
      ),
    ).toBe(undefined)
  })
})
