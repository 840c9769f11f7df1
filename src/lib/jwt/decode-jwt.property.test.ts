import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { base64UrlEncode } from '@/lib/wire/base64url'
import { decodeJwt } from './decode-jwt'

const KINDS = ['jws', 'jwe', 'unsecured', 'opaque', 'malformed']
const encodeJson = (value: unknown) =>
  base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)))
/** What a JSON round trip makes of a value (-0 → 0, key order kept). */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

const base64UrlText = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
})
const jsonObject = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 })

describe('decodeJwt (properties)', () => {
  test('never throws on any string, and always says what it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (input) => {
        const token = decodeJwt(input)
        expect(KINDS).toContain(token.kind)
        expect(token.note).toMatch(/\S/)
        for (const p of token.problems) expect(p.message).toMatch(/\S/)
      }),
    )
  })

  test('never throws on dot-separated base64url-looking parts (1 to 6 of them)', () => {
    fc.assert(
      fc.property(fc.array(base64UrlText, { minLength: 1, maxLength: 6 }), (segments) => {
        const token = decodeJwt(segments.join('.'))
        expect(KINDS).toContain(token.kind)
        if (token.kind === 'malformed') expect(token.problems.length).toBeGreaterThan(0)
      }),
    )
  })

  test('never throws on values that are not even strings', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(KINDS).toContain(decodeJwt(value as string).kind)
      }),
    )
  })

  test('encode → decode gives back the header and the payload of a JWS', () => {
    fc.assert(
      fc.property(
        jsonObject,
        fc.constantFrom('RS256', 'PS384', 'ES256', 'EdDSA', 'HS256'),
        jsonObject,
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        (headerExtra, alg, payload, signature) => {
          const header = { ...headerExtra, alg }
          const raw = `${encodeJson(header)}.${encodeJson(payload)}.${base64UrlEncode(signature)}`
          const token = decodeJwt(raw)
          expect(token.kind).toBe('jws')
          expect(token.header).toEqual(viaJson(header))
          expect(token.payload).toEqual(viaJson(payload))
          expect(token.signature).toBe(base64UrlEncode(signature))
          expect(token.problems.filter((p) => p.severity === 'error')).toEqual([])
        },
      ),
    )
  })
})
