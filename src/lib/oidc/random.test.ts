import { describe, expect, test } from 'vitest'
import { isValidCodeVerifier } from './pkce'
import { generateCodeVerifier, generateNonce, generateState } from './random'

describe.each([
  { name: 'generateState', generate: generateState },
  { name: 'generateNonce', generate: generateNonce },
  { name: 'generateCodeVerifier', generate: generateCodeVerifier },
])('$name', ({ generate }) => {
  test('gives 43 base64url characters (32 random bytes)', () => {
    const value = generate()
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  test('gives a different value each call', () => {
    const values = new Set(Array.from({ length: 50 }, () => generate()))
    expect(values.size).toBe(50)
  })
})

test('code verifiers satisfy RFC 7636 §4.1', () => {
  expect(isValidCodeVerifier(generateCodeVerifier())).toBe(true)
})
