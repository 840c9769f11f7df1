import { beforeAll, describe, expect, test } from 'vitest'
import { createTestSigner, type TestSigner } from '@/testing/fixtures/jwt-signing'
import { decodeJwt } from './decode-jwt'
import { keyTypeForAlg, verifySignature } from './verify-signature'

describe('keyTypeForAlg', () => {
  test.each([
    ['RS256', { kty: 'RSA' }],
    ['PS512', { kty: 'RSA' }],
    ['ES256', { kty: 'EC', crv: 'P-256' }],
    ['ES384', { kty: 'EC', crv: 'P-384' }],
    ['ES512', { kty: 'EC', crv: 'P-521' }],
    ['Ed25519', { kty: 'OKP', crv: 'Ed25519' }],
    ['EdDSA', { kty: 'OKP' }],
    ['HS256', { kty: 'oct' }],
    ['ML-DSA-44', { kty: 'AKP' }],
    ['XYZ', undefined],
  ])('%s needs %j', (alg, expected) => {
    expect(keyTypeForAlg(alg)).toEqual(expected)
  })
})

describe('verifySignature', () => {
  let es384: TestSigner
  let ed: TestSigner
  beforeAll(async () => {
    ;[es384, ed] = await Promise.all([
      createTestSigner('ES384', 'ec-384'),
      createTestSigner('Ed25519', 'ed-1'),
    ])
  })

  test.each(['es384', 'ed'])('verifies a %s token and uses the given spec link', async (which) => {
    const signer = which === 'es384' ? es384 : ed
    const token = decodeJwt(await signer.sign({ sub: 'alice' }))
    const check = await verifySignature({
      token,
      jwks: { keys: [es384.jwk, ed.jwk] },
      specLink: 'https://example.test/spec',
    })
    expect(check).toEqual({
      id: 'signature',
      status: 'pass',
      code: 'signature_valid',
      message: `verified with key ${signer.kid} (${signer.alg}) from the provider's JWKS`,
      specLink: 'https://example.test/spec',
    })
  })

  test('an EC key on the wrong curve does not fit', async () => {
    const token = decodeJwt(await es384.sign({ sub: 'alice' }))
    const check = await verifySignature({
      token,
      jwks: { keys: [{ ...es384.jwk, crv: 'P-256', alg: undefined }] },
    })
    expect(check).toMatchObject({
      status: 'fail',
      code: 'no_suitable_key',
      message: 'key ec-384 cannot verify ES384: it is curve P-256, but ES384 needs P-384',
    })
  })

  test('uses the raw string given instead of token.raw', async () => {
    const raw = await es384.sign({ sub: 'alice' })
    const other = decodeJwt(await es384.sign({ sub: 'bob' }))
    const check = await verifySignature({ token: other, raw, jwks: { keys: [es384.jwk] } })
    expect(check.code).toBe('signature_valid')
  })
})
