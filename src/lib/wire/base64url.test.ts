import { describe, expect, test } from 'vitest'
import {
  base64UrlByteLength,
  base64UrlDecode,
  base64UrlDecodeText,
  base64UrlEncode,
  decodeUtf8Strict,
  inspectBase64Url,
} from './base64url'

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

test.each([
  ['', 0],
  ['AQAB', 3],
  ['AQA', 2],
  ['AQ==', 1],
])('base64UrlByteLength(%j) is %d', (text, bytes) => {
  expect(base64UrlByteLength(text)).toBe(bytes)
})

describe('inspectBase64Url', () => {
  test.each([
    ['ab%c', { ok: false, position: 2, reason: "'%' is not a base64url character" }],
    ['ab c', { ok: false, position: 2, reason: 'a space is not a base64url character' }],
    [
      'ab\u0001c',
      { ok: false, position: 2, reason: 'control character U+0001 is not a base64url character' },
    ],
    [
      'abcde',
      {
        ok: false,
        position: 5,
        reason: '5 characters is not a possible base64url length (truncated?)',
      },
    ],
    ['ab===', { ok: false, position: 2, reason: 'too much = padding' }],
  ])('%j: locates the defect', (text, expected) => {
    expect(inspectBase64Url(text)).toEqual(expected)
  })

  test('tolerates and flags standard characters and padding', () => {
    expect(inspectBase64Url('+/8=')).toEqual({
      ok: true,
      bytes: new Uint8Array([0xfb, 0xff]),
      standardChars: true,
      padding: true,
    })
  })
})

describe('base64UrlDecodeText / decodeUtf8Strict', () => {
  test('decodes UTF-8 text', () => {
    expect(base64UrlDecodeText('eyJhIjoiw6kifQ')).toBe('{"a":"é"}')
  })

  test.each(['/w', '%%'])('%s is undefined', (text) => {
    expect(base64UrlDecodeText(text)).toBeUndefined()
  })

  test('invalid UTF-8 is refused, not replaced', () => {
    expect(decodeUtf8Strict(new Uint8Array([0xff]))).toBeUndefined()
    expect(base64UrlDecodeText('_w')).toBeUndefined()
  })
})
