import { describe, expect, test } from 'vitest'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { unsignedToken } from '@/testing/fixtures/jwt-signing'
import { describeTokenDisplay, explainJwtShape, partError } from './token-display'

describe('explainJwtShape', () => {
  test('abc.%%%.def: the header is not JSON, the payload has a bad character at 0', () => {
    const { parts, problems } = explainJwtShape('abc.%%%.def')
    expect(parts.map((p) => p.role)).toEqual(['header', 'payload', 'signature'])
    expect(problems).toEqual([
      expect.objectContaining({ part: 'header', code: 'bad_json', severity: 'error' }),
      {
        part: 'payload',
        code: 'bad_base64url',
        severity: 'error',
        position: 0,
        message: "payload: not valid base64url at position 0: '%' is not a base64url character",
      },
    ])
  })

  test('five parts are read as a JWE', () => {
    expect(explainJwtShape('a.b.c.d.e').parts.map((p) => p.role)).toEqual([
      'header',
      'encrypted_key',
      'iv',
      'ciphertext',
      'tag',
    ])
  })

  test.each(['8f14e45f-ceea-467f-a2b3-1c2d3e4f5a6b', 'ya29.a0AfB_byC', 'plain'])(
    '%s is not shaped like a JWT: no problems',
    (raw) => {
      expect(explainJwtShape(raw).problems).toEqual([])
    },
  )

  test('names control characters by code point', () => {
    const [problem] = explainJwtShape('eyJh.x\u0001y.z').problems.filter(
      (p) => p.part === 'payload',
    )
    expect(problem?.message).toContain('U+0001')
    expect(problem?.position).toBe(1)
  })
})

describe('describeTokenDisplay', () => {
  test('a well-formed JWS keeps the decoder’s parts and problems', () => {
    const token = decodeJwt(unsignedToken({ alg: 'RS256' }, { sub: 'alice' }))
    const display = describeTokenDisplay(token)
    expect(display).toEqual({
      label: 'Signed JWT (JWS)',
      parts: token.parts,
      problems: [],
      brokenJwt: false,
    })
  })

  test('an "opaque" token with three parts that do not decode is a broken JWT', () => {
    const display = describeTokenDisplay(decodeJwt('abc.%%%.def'))
    expect(display.label).toBe('Not a valid JWT')
    expect(display.brokenJwt).toBe(true)
    expect(display.problems[0]).toMatchObject({ part: 'token', code: 'not_compact' })
    expect(partError(display.problems, 'payload')?.position).toBe(0)
  })

  test('a real opaque token stays opaque', () => {
    const display = describeTokenDisplay(decodeJwt('8f14e45f-ceea-467f-a2b3-1c2d3e4f5a6b'))
    expect(display).toMatchObject({ label: 'Opaque token', brokenJwt: false, problems: [] })
  })

  test('a malformed JWT is labelled so and keeps its problems', () => {
    const display = describeTokenDisplay(decodeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ'))
    expect(display.label).toBe('Malformed JWT')
    expect(display.problems.length).toBeGreaterThan(0)
  })
})
