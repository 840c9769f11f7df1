import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { WwwAuthenticateChallenge } from './types'
import { parseWwwAuthenticate } from './www-authenticate'

const TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
const token = fc.string({ unit: fc.constantFrom(...TCHARS), minLength: 1, maxLength: 12 })
const paramName = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_-0123456789'),
  minLength: 1,
  maxLength: 10,
})
/** Any text a provider might put in a quoted value: printable ASCII (with `"` and `\`) and beyond. */
const value = fc
  .string({ unit: 'grapheme', maxLength: 30 })
  .filter((v) => [...v].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f))

const challenge = fc.record({
  scheme: token,
  params: fc.dictionary(paramName, value, { minKeys: 1, maxKeys: 4 }),
})

const quote = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`
const serialise = (challenges: { scheme: string; params: Record<string, string> }[]) =>
  challenges
    .map(
      ({ scheme, params }) =>
        `${scheme} ${Object.entries(params)
          .map(([name, v]) => `${name}=${quote(v)}`)
          .join(', ')}`,
    )
    .join(', ')

describe('parseWwwAuthenticate (properties)', () => {
  test('never throws on any header value, and every challenge has a scheme', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (header) => {
        for (const c of parseWwwAuthenticate(header)) expect(typeof c.scheme).toBe('string')
      }),
    )
    fc.assert(
      fc.property(fc.anything(), (header) => {
        expect(Array.isArray(parseWwwAuthenticate(header as string))).toBe(true)
      }),
    )
  })

  test('serialise → parse gives back every challenge and parameter', () => {
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 3 }), (challenges) => {
        const parsed = parseWwwAuthenticate(serialise(challenges))
        const expected: WwwAuthenticateChallenge[] = challenges.map(({ scheme, params }) => ({
          scheme,
          params: Object.fromEntries(Object.entries(params)),
        }))
        expect(parsed).toEqual(expected)
      }),
    )
  })

  test('a token68 challenge (Basic/Negotiate style) round-trips', () => {
    const token68 = fc
      .string({
        unit: fc.constantFrom(
          ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/',
        ),
        minLength: 1,
        maxLength: 40,
      })
      .chain((body) => fc.constantFrom(body, `${body}=`, `${body}==`))
    fc.assert(
      fc.property(token, token68, (scheme, t68) => {
        const [first] = parseWwwAuthenticate(`${scheme} ${t68}`)
        expect(first?.scheme).toBe(scheme)
        expect(first?.token68).toBe(t68)
      }),
    )
  })
})
