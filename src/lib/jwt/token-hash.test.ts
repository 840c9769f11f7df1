import { describe, expect, test } from 'vitest'
import { calculateTokenHash, hashForAlg } from './token-hash'

describe('hashForAlg', () => {
  test.each([
    ['RS256', 'SHA-256'],
    ['PS384', 'SHA-384'],
    ['ES512', 'SHA-512'],
    ['HS256', 'SHA-256'],
    ['ES256K', 'SHA-256'],
    ['EdDSA', 'SHA-512'],
    ['Ed25519', 'SHA-512'],
    ['none', undefined],
    ['RS1', undefined],
  ])('%s uses %s', (alg, hash) => {
    expect(hashForAlg(alg)).toBe(hash)
  })
})

describe('calculateTokenHash', () => {
  // OIDC Core §A.3 example: access token and at_hash of an RS256 ID token.
  test('matches the OIDC Core example', async () => {
    await expect(
      calculateTokenHash('jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y', 'RS256'),
    ).resolves.toBe('77QmUPtjPfzWtF2AnpK9RQ')
  })

  test.each([
    ['RS256', 22],
    ['ES384', 32],
    ['PS512', 43],
  ])('%s gives a hash of %i base64url characters', async (alg, length) => {
    expect(await calculateTokenHash('token', alg)).toHaveLength(length)
  })

  test('returns undefined for alg none', async () => {
    await expect(calculateTokenHash('token', 'none')).resolves.toBeUndefined()
  })
})
