import { describe, expect, test } from 'vitest'
import { expectWellFormed, res } from '@/testing/diagnosis'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { processDiscoveryResponse } from '../discovery'
import { validateIssuerInput } from '../issuer'
import type { OidcError } from '../types'
import { diagnoseDiscoveryError } from './discovery'

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
