import { base64url } from 'jose'
import { describe, expect, test } from 'vitest'
import { decodeJwt } from './decode-jwt'
import {
  compareWithLibraryDecoder,
  decodeLikeJwtDecode,
  DECODING_IS_NOT_VALIDATING,
  type LibraryDecodeFinding,
} from './library-decode'

const enc = (value: unknown): string =>
  base64url.encode(typeof value === 'string' ? value : JSON.stringify(value))
/** Standard base64 (with `+`, `/` and `=`), as a wrongly re-encoded token has. */
const std = (text: string): string => btoa(text)
/** base64url of the Latin-1 bytes of `text` (every char below U+0100), i.e. not UTF-8. */
const latin1 = (text: string): string =>
  base64url.encode(Uint8Array.from(text, (c) => c.charCodeAt(0)))

const HEADER = enc({ alg: 'RS256', typ: 'JWT' })
const CLAIMS = { sub: 'u1', name: 'Zoë' }
const PAYLOAD = enc(CLAIMS)
const SIG = 'c2lnbmF0dXJl'
const JWS = `${HEADER}.${PAYLOAD}.${SIG}`

const N = ` ${DECODING_IS_NOT_VALIDATING}`

describe('decodeLikeJwtDecode', () => {
  test.each([
    {
      name: 'a valid JWS',
      raw: JWS,
      result: { ok: true, header: { alg: 'RS256', typ: 'JWT' }, payload: CLAIMS },
    },
    {
      name: 'a non-object payload is returned as is',
      raw: `${HEADER}.${enc('42')}.${SIG}`,
      result: { ok: true, header: { alg: 'RS256', typ: 'JWT' }, payload: 42 },
    },
    {
      name: 'a Bearer prefix breaks the header',
      raw: `Bearer ${JWS}`,
      result: {
        ok: false,
        message: 'Invalid token specified: invalid base64 for part #1 (Invalid character)',
      },
    },
    {
      name: 'one segment',
      raw: HEADER,
      result: { ok: false, message: 'Invalid token specified: missing part #2' },
    },
    {
      name: 'a payload that is not JSON',
      raw: `${HEADER}.${enc('not json')}.${SIG}`,
      // the part in brackets is the JavaScript engine's JSON.parse message
      result: {
        ok: false,
        message: expect.stringMatching(
          /^Invalid token specified: invalid json for part #2 \(.+\)$/,
        ) as string,
      },
    },
  ])('$name', ({ raw, result }) => {
    expect(decodeLikeJwtDecode(raw)).toEqual(result)
  })
})

describe('compareWithLibraryDecoder', () => {
  test.each<{ name: string; raw: string; findings: LibraryDecodeFinding[] }>([
    { name: 'a valid JWS: nothing to report', raw: JWS, findings: [] },
    {
      name: 'payload bytes that are not UTF-8 (Latin-1 fallback)',
      raw: `${HEADER}.${latin1('{"sub":"u1","name":"Zo\u00eb"}')}.${SIG}`,
      findings: [
        {
          code: 'bad_utf8',
          part: 'payload',
          message: `payload: base64url decodes but the bytes are not UTF-8 text. jwt-decode falls back to reading the bytes as Latin-1 without a word, so the text it shows is a guess.${N}`,
        },
      ],
    },
    {
      name: 'header bytes that are not UTF-8',
      raw: `${latin1('{"alg":"RS256","kid":"\u00e9"}')}.${PAYLOAD}.${SIG}`,
      findings: [
        {
          code: 'bad_utf8',
          part: 'header',
          message: `header: base64url decodes but the bytes are not UTF-8 text. jwt-decode falls back to reading the bytes as Latin-1 without a word, so the text it shows is a guess.${N}`,
        },
      ],
    },
    {
      name: 'padding',
      raw: `${HEADER}.${std('{"sub":"u12"}')}.${SIG}`,
      findings: [
        {
          code: 'padding',
          part: 'payload',
          message: `payload: ends with '=' padding, which JWS base64url omits; tolerated. jwt-decode decodes it without a word: atob accepts the padding.${N}`,
        },
      ],
    },
    {
      name: 'standard base64 characters',
      raw: `${HEADER}.${std('{"sub":"u1>>>?"}')}.${SIG}`,
      findings: [
        {
          code: 'base64_not_url',
          part: 'payload',
          message: `payload: uses '+' or '/' (standard base64); a JWT uses base64url ('-' and '_'), so it was re-encoded or copied wrongly. jwt-decode turns ‘-’ and ‘_’ into ‘+’ and ‘/’ before atob, so standard base64 passes too.${N}`,
        },
        {
          code: 'padding',
          part: 'payload',
          message: `payload: ends with '=' padding, which JWS base64url omits; tolerated. jwt-decode decodes it without a word: atob accepts the padding.${N}`,
        },
      ],
    },
    ...[
      ['42', 'a number', 'a number (42)'],
      ['"sub"', 'a string', 'a string ("sub")'],
      ['[1,2]', 'an array', 'an array'],
      ['null', 'null', 'null'],
    ].map(([json = '', strictSays = '', librarySees = '']) => ({
      name: `a payload that is ${librarySees}`,
      raw: `${HEADER}.${enc(json)}.${SIG}`,
      findings: [
        {
          code: 'not_object' as const,
          part: 'payload' as const,
          message: `payload: JSON but not an object (it is ${strictSays}). jwt-decode returns whatever JSON.parse gives, here ${librarySees}, and code that expects claims misreads it.${N}`,
        },
      ],
    })),
    {
      name: 'two segments',
      raw: `${HEADER}.${PAYLOAD}`,
      findings: [
        {
          code: 'wrong_part_count',
          part: 'token',
          message: `token: 2 parts separated by dots; a JWS has 3, a JWE has 5. The signature part is missing (even an unsigned JWT ends with '.'). jwt-decode reads only the segment it is asked for, so a missing or extra segment goes unnoticed.${N}`,
        },
      ],
    },
    {
      name: 'an extra segment',
      raw: `${JWS}.eHh4`,
      findings: [
        {
          code: 'wrong_part_count',
          part: 'token',
          message: `token: 4 parts separated by dots; a JWS has 3, a JWE has 5. jwt-decode reads only the segment it is asked for, so a missing or extra segment goes unnoticed.${N}`,
        },
      ],
    },
    {
      name: 'a signature that is not base64url',
      raw: `${HEADER}.${PAYLOAD}.sig!nature`,
      findings: [
        {
          code: 'bad_base64url',
          part: 'signature',
          message: `signature: not valid base64url at position 3: '!' is not a base64url character. jwt-decode never reads the signature segment, so it does not notice.${N}`,
        },
      ],
    },
    {
      name: 'a stripped signature',
      raw: `${HEADER}.${PAYLOAD}.`,
      findings: [
        {
          code: 'missing_signature',
          part: 'signature',
          message: `signature: empty although alg is RS256; the signature was stripped. jwt-decode never reads the signature segment, so it does not notice.${N}`,
        },
      ],
    },
    {
      name: 'an unsigned token',
      raw: `${enc({ alg: 'none' })}.${PAYLOAD}.`,
      findings: [
        {
          code: 'alg_none',
          part: 'header',
          message: `header: alg is none, so the token is unsigned and anyone could have written it. jwt-decode shows its claims like any other token’s.${N}`,
        },
      ],
    },
    {
      name: 'alg none with a signature',
      raw: `${enc({ alg: 'none' })}.${PAYLOAD}.${SIG}`,
      findings: [
        {
          code: 'unexpected_signature',
          part: 'signature',
          message: `signature: present although alg is none; an unsecured JWT has an empty signature. jwt-decode never reads the signature segment, so it does not notice.${N}`,
        },
        {
          code: 'alg_none',
          part: 'header',
          message: `header: alg is none, so the token is unsigned and anyone could have written it. jwt-decode shows its claims like any other token’s.${N}`,
        },
      ],
    },
    {
      name: 'no alg',
      raw: `${enc({ typ: 'JWT' })}.${PAYLOAD}.${SIG}`,
      findings: [
        {
          code: 'missing_alg',
          part: 'header',
          message: `header: no "alg" string parameter (required by RFC 7515 §4.1.1). jwt-decode does not look at header parameters.${N}`,
        },
      ],
    },
    {
      name: 'a Bearer prefix',
      raw: `Bearer ${JWS}`,
      findings: [
        {
          code: 'bearer_prefix',
          part: 'token',
          message: `token: removed the leading 'Bearer ': that is the HTTP Authorization scheme, not part of the token. jwtDecode(token) still returns the payload, because it reads only the second segment.${N}`,
        },
      ],
    },
    {
      name: 'surrounding quotes',
      raw: `"${JWS}"`,
      findings: [
        {
          code: 'quoted',
          part: 'token',
          message: `token: removed surrounding quotes (copied from JSON or code?). jwtDecode(token) still returns the payload, because it reads only the second segment.${N}`,
        },
      ],
    },
    {
      name: 'a line break inside the payload',
      raw: `${HEADER}.${PAYLOAD.slice(0, 10)}\n${PAYLOAD.slice(10)}.${SIG}`,
      findings: [
        {
          code: 'whitespace',
          part: 'token',
          message: `token: removed whitespace inside the token (first at position ${HEADER.length + 11}); a line break from copying? jwt-decode decodes it anyway: it hands each part to atob, which skips whitespace.${N}`,
        },
      ],
    },
  ])('$name', ({ raw, findings }) => {
    expect(compareWithLibraryDecoder(raw, decodeJwt(raw))).toEqual(findings)
  })

  test.each([
    [
      'invalid base64url in the payload',
      `${HEADER}.${PAYLOAD.slice(0, 5)}!${PAYLOAD.slice(6)}.${SIG}`,
    ],
    ['a payload that is not JSON', `${HEADER}.${enc('not json')}.${SIG}`],
    ['an empty payload', `${HEADER}..${SIG}`],
    ['too much padding', `${HEADER}.${PAYLOAD}===.${SIG}`],
    [
      'two spaces that break the length',
      `${HEADER}.${PAYLOAD.slice(0, 10)}  ${PAYLOAD.slice(10)}.${SIG}`,
    ],
    ['one segment', HEADER],
    ['raw JSON', '{"sub":"u1"}'],
    ['an empty string', ''],
  ])('jwt-decode refuses it too, so nothing is silent: %s', (_name, raw) => {
    const strict = decodeJwt(raw)
    expect(strict.problems.length).toBeGreaterThan(0)
    expect(compareWithLibraryDecoder(raw, strict)).toEqual([])
  })

  test('a header defect the header call refuses is not a finding, the payload one is', () => {
    const raw = `${enc('{alg:RS256}')}.${std('{"sub":"u12"}')}.${SIG}`
    expect(compareWithLibraryDecoder(raw, decodeJwt(raw)).map((f) => [f.part, f.code])).toEqual([
      ['payload', 'padding'],
    ])
  })

  test('a JWE is opaque to both', () => {
    const raw = `${enc({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a2V5a2V5.aXY.Y2lwaGVy.dGFn`
    expect(decodeJwt(raw).kind).toBe('jwe')
    expect(compareWithLibraryDecoder(raw, decodeJwt(raw))).toEqual([])
  })
})
