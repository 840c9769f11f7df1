import { base64url } from 'jose'
import { describe, expect, test } from 'vitest'
import { decodeJwt, type DecodeProblemCode, type TokenKind } from './decode-jwt'

const enc = (value: unknown): string =>
  base64url.encode(typeof value === 'string' ? value : JSON.stringify(value))

const HEADER = { alg: 'RS256', typ: 'JWT', kid: 'k1' }
const PAYLOAD = { iss: 'https://idp.example/realms/demo', sub: '8c6b', aud: 'spa', exp: 1795412640 }
const SIG = 'c2lnbmF0dXJl'
const JWS = `${enc(HEADER)}.${enc(PAYLOAD)}.${SIG}`

describe('decodeJwt shapes', () => {
  test.each<[string, string, TokenKind, string[]]>([
    ['a signed JWT', JWS, 'jws', ['header', 'payload', 'signature']],
    [
      'an unsecured JWT',
      `${enc({ alg: 'none' })}.${enc(PAYLOAD)}.`,
      'unsecured',
      ['header', 'payload', 'signature'],
    ],
    [
      'a JWE',
      `${enc({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: 'e1' })}.a2V5.aXY.Y2lwaGVy.dGFn`,
      'jwe',
      ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'],
    ],
    [
      'a JWE with direct encryption (empty encrypted key)',
      `${enc({ alg: 'dir', enc: 'A128GCM' })}..aXY.Y2lwaGVy.dGFn`,
      'jwe',
      ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'],
    ],
    ['an opaque token without dots', 'pxUevCFEm2lK8QzR0vYb', 'opaque', ['opaque']],
    ['an opaque token with dots', 'ya29.a0AfH6SMBx.Q2tW', 'opaque', ['opaque']],
    ['a token with 2 parts', `${enc(HEADER)}.${enc(PAYLOAD)}`, 'malformed', ['header', 'payload']],
    [
      'a token with 4 parts',
      `${JWS}.eHh4`,
      'malformed',
      ['header', 'payload', 'signature', 'unknown'],
    ],
  ])('%s', (_name, raw, kind, roles) => {
    const decoded = decodeJwt(raw)
    expect(decoded.kind).toBe(kind)
    expect(decoded.parts.map((p) => p.role)).toEqual(roles)
    expect(decoded.parts.map((p) => p.text).join('.')).toBe(decoded.raw)
  })

  test('a signed JWT decodes header, payload and signature, with no problems', () => {
    expect(decodeJwt(JWS)).toEqual({
      kind: 'jws',
      raw: JWS,
      parts: [
        { text: enc(HEADER), role: 'header' },
        { text: enc(PAYLOAD), role: 'payload' },
        { text: SIG, role: 'signature' },
      ],
      header: HEADER,
      payload: PAYLOAD,
      signature: SIG,
      headerText: JSON.stringify(HEADER),
      payloadText: JSON.stringify(PAYLOAD),
      problems: [],
      note: expect.stringContaining('Signed JWT (JWS)') as unknown,
    })
  })

  test('a JWE exposes its header and says the payload is encrypted', () => {
    const decoded = decodeJwt(`${enc({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a2V5.aXY.Y2lwaGVy.dGFn`)
    expect(decoded.header).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM' })
    expect(decoded.payload).toBeUndefined()
    expect(decoded.note).toMatch(/payload is encrypted/)
  })

  test('an opaque token explains that only the provider can read it', () => {
    const decoded = decodeJwt('pxUevCFEm2lK8QzR0vYb')
    expect(decoded.note).toBe(
      'Not a JWT: an opaque reference token; only the provider can read it (introspection).',
    )
    expect(decoded.problems).toEqual([])
  })
})

describe('decodeJwt cleaning', () => {
  test.each<[string, string, DecodeProblemCode[]]>([
    ['surrounding whitespace', `  \n${JWS}\t `, []],
    ['a Bearer prefix', `Bearer ${JWS}`, ['bearer_prefix']],
    ['a lower-case bearer prefix', `bearer   ${JWS}`, ['bearer_prefix']],
    ['quotes', `"${JWS}"`, ['quoted']],
    ['a line break inside', `${JWS.slice(0, 30)}\n${JWS.slice(30)}`, ['whitespace']],
  ])('tolerates %s', (_name, input, codes) => {
    const decoded = decodeJwt(input)
    expect(decoded.kind).toBe('jws')
    expect(decoded.raw).toBe(JWS)
    expect(decoded.payload).toEqual(PAYLOAD)
    expect(decoded.problems.map((p) => p.code)).toEqual(codes)
    expect(decoded.problems.every((p) => p.severity === 'warning')).toBe(true)
  })

  test('reports where inner whitespace was', () => {
    expect(decodeJwt(`${JWS.slice(0, 30)} ${JWS.slice(30)}`).problems).toEqual([
      {
        part: 'token',
        code: 'whitespace',
        severity: 'warning',
        position: 30,
        message:
          'token: removed whitespace inside the token (first at position 30); a line break from copying?',
      },
    ])
  })
})

describe('decodeJwt problems', () => {
  test.each<[string, string, { part: string; code: DecodeProblemCode; message: string | RegExp }]>([
    ['empty input', '   ', { part: 'token', code: 'empty', message: 'token: empty' }],
    [
      'raw JSON',
      '{"sub":"alice"}',
      {
        part: 'token',
        code: 'not_compact',
        message: 'token: this is raw JSON, not a token; a JWT is base64url parts separated by dots',
      },
    ],
    [
      'two parts',
      `${enc(HEADER)}.${enc(PAYLOAD)}`,
      {
        part: 'token',
        code: 'wrong_part_count',
        message:
          "token: 2 parts separated by dots; a JWS has 3, a JWE has 5. The signature part is missing (even an unsigned JWT ends with '.')",
      },
    ],
    [
      'one JWT-looking part',
      enc(HEADER),
      {
        part: 'token',
        code: 'wrong_part_count',
        message: 'token: 1 part separated by dots; a JWS has 3, a JWE has 5',
      },
    ],
    [
      'a bad character in the payload',
      `${enc(HEADER)}.eyJzdWIiOiJhbGljZSIs%mV4cCI6MX0.${SIG}`,
      {
        part: 'payload',
        code: 'bad_base64url',
        message: "payload: not valid base64url at position 20: '%' is not a base64url character",
      },
    ],
    [
      'a garbled header before an intact payload',
      `%%.${enc(PAYLOAD)}.${SIG}`,
      {
        part: 'header',
        code: 'bad_base64url',
        message: "header: not valid base64url at position 0: '%' is not a base64url character",
      },
    ],
    [
      'a truncated payload',
      `${enc(HEADER)}.eyJzd.${SIG}`,
      {
        part: 'payload',
        code: 'bad_base64url',
        message:
          'payload: not valid base64url at position 5: 5 characters is not a possible base64url length (truncated?)',
      },
    ],
    [
      'a payload that is not JSON',
      `${enc(HEADER)}.${enc('hello world')}.${SIG}`,
      {
        part: 'payload',
        code: 'bad_json',
        message: /^payload: base64url decodes but is not JSON: Unexpected token/,
      },
    ],
    [
      'a header that is a JSON array',
      `${enc(['RS256'])}.${enc(PAYLOAD)}.${SIG}`,
      {
        part: 'header',
        code: 'not_object',
        message: 'header: JSON but not an object (it is an array)',
      },
    ],
    [
      'a payload that is a JSON string',
      `${enc(HEADER)}.${enc('"alice"')}.${SIG}`,
      {
        part: 'payload',
        code: 'not_object',
        message: 'payload: JSON but not an object (it is a string)',
      },
    ],
    [
      'a payload that is not UTF-8',
      `${enc(HEADER)}.${base64url.encode(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))}.${SIG}`,
      {
        part: 'payload',
        code: 'bad_utf8',
        message: 'payload: base64url decodes but the bytes are not UTF-8 text',
      },
    ],
    [
      'an empty payload',
      `${enc(HEADER)}..${SIG}`,
      { part: 'payload', code: 'empty_part', message: 'payload: empty' },
    ],
    [
      'a stripped signature',
      `${enc(HEADER)}.${enc(PAYLOAD)}.`,
      {
        part: 'signature',
        code: 'missing_signature',
        message: 'signature: empty although alg is RS256; the signature was stripped',
      },
    ],
    [
      'alg none with a signature',
      `${enc({ alg: 'none' })}.${enc(PAYLOAD)}.${SIG}`,
      {
        part: 'signature',
        code: 'unexpected_signature',
        message: 'signature: present although alg is none; an unsecured JWT has an empty signature',
      },
    ],
    [
      'a header without alg',
      `${enc({ typ: 'JWT' })}.${enc(PAYLOAD)}.${SIG}`,
      {
        part: 'header',
        code: 'missing_alg',
        message: 'header: no "alg" string parameter (required by RFC 7515 §4.1.1)',
      },
    ],
    [
      'a JWE header without enc',
      `${enc({ alg: 'RSA-OAEP' })}.a2V5.aXY.Y2lwaGVy.dGFn`,
      {
        part: 'header',
        code: 'missing_enc',
        message: 'header: no "enc" string parameter (required by RFC 7516 §4.1.2)',
      },
    ],
    [
      'a JWE with an empty ciphertext',
      `${enc({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a2V5.aXY..dGFn`,
      { part: 'ciphertext', code: 'empty_part', message: 'ciphertext: empty' },
    ],
    [
      'a signature with standard base64 characters',
      `${enc(HEADER)}.${enc(PAYLOAD)}.ab+/cd`,
      {
        part: 'signature',
        code: 'base64_not_url',
        message:
          "signature: uses '+' or '/' (standard base64); a JWT uses base64url ('-' and '_'), so it was re-encoded or copied wrongly",
      },
    ],
  ])('%s', (_name, raw, expected) => {
    const decoded = decodeJwt(raw)
    expect(decoded.kind).toBe('malformed')
    const problem = decoded.problems.find((p) => p.code === expected.code)
    expect(problem).toMatchObject({ part: expected.part, code: expected.code, severity: 'error' })
    if (typeof expected.message === 'string') expect(problem?.message).toBe(expected.message)
    else expect(problem?.message).toMatch(expected.message)
  })

  test('a malformed payload still yields the header and the decoded text', () => {
    const decoded = decodeJwt(`${enc(HEADER)}.${enc('{"sub": "alice",}')}.${SIG}`)
    expect(decoded.header).toEqual(HEADER)
    expect(decoded.payload).toBeUndefined()
    expect(decoded.payloadText).toBe('{"sub": "alice",}')
    expect(decoded.problems.map((p) => p.code)).toEqual(['bad_json'])
  })

  test('padding is tolerated with a warning', () => {
    const payload = base64url.encode(JSON.stringify({ a: 1 }))
    expect(payload.length % 4).not.toBe(0)
    const padded = payload + '='.repeat(4 - (payload.length % 4))
    const decoded = decodeJwt(`${enc(HEADER)}.${padded}.${SIG}`)
    expect(decoded.kind).toBe('jws')
    expect(decoded.payload).toEqual({ a: 1 })
    expect(decoded.problems).toMatchObject([
      { part: 'payload', code: 'padding', severity: 'warning' },
    ])
  })

  test('never throws on non-string input', () => {
    expect(decodeJwt(undefined as unknown as string).kind).toBe('malformed')
  })
})

describe('decodeJwt UTF-8', () => {
  test('decodes non-ASCII claims', () => {
    const payload = { name: 'Zoë Ñandú', given_name: '東京', family_name: 'Łukasz 🎉' }
    const decoded = decodeJwt(`${enc(HEADER)}.${enc(payload)}.${SIG}`)
    expect(decoded.kind).toBe('jws')
    expect(decoded.payload).toEqual(payload)
  })
})
