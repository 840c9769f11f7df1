import { describe, expect, test } from 'vitest'
import { calculatePkceChallenge, isValidCodeVerifier } from './pkce'

describe('calculatePkceChallenge', () => {
  test('matches the RFC 7636 Appendix B example', async () => {
    await expect(
      calculatePkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
    ).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  test('gives 43 base64url characters without padding', async () => {
    await expect(calculatePkceChallenge('x'.repeat(43))).resolves.toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})

describe('isValidCodeVerifier', () => {
  test.each([
    { verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', valid: true },
    { verifier: 'a'.repeat(128), valid: true },
    { verifier: 'a~b.c_d-'.padEnd(43, 'z'), valid: true },
    { verifier: 'a'.repeat(42), valid: false },
    { verifier: 'a'.repeat(129), valid: false },
    { verifier: 'a+b'.padEnd(43, 'z'), valid: false },
    { verifier: 'with space'.padEnd(43, 'z'), valid: false },
  ])('$verifier → $valid', ({ verifier, valid }) => {
    expect(isValidCodeVerifier(verifier)).toBe(valid)
  })
})
