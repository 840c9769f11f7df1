import { describe, expect, test } from 'vitest'
import { base64UrlDecode, base64UrlEncode } from './base64url'

describe('base64UrlEncode / base64UrlDecode', () => {
  test.each([
    { bytes: [], text: '' },
    { bytes: [0xfb], text: '-w' },
    { bytes: [0xff, 0xff], text: '__8' },
    { bytes: [104, 105, 33], text: 'aGkh' },
  ])('$text', ({ bytes, text }) => {
    expect(base64UrlEncode(new Uint8Array(bytes))).toBe(text)
    expect(Array.from(base64UrlDecode(text) ?? [])).toEqual(bytes)
  })

  test.each(['a+b', 'a/b', 'ab$', 'a==='])('rejects %s without throwing', (text) => {
    expect(base64UrlDecode(text)).toBeUndefined()
  })
})
