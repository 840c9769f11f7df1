import { describe, expect, test } from 'vitest'
import { formDecode, formEncode, toFormBody } from './form'

describe('toFormBody', () => {
  test('encodes like fetch does, keeping order', () => {
    expect(
      toFormBody([
        ['grant_type', 'authorization_code'],
        ['redirect_uri', 'http://localhost:5173/callback'],
        ['scope', 'openid email'],
        ['x', 'a&b=c*~'],
      ]),
    ).toBe(
      'grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fcallback&scope=openid+email&x=a%26b%3Dc*%7E',
    )
  })
})

describe('formEncode / formDecode', () => {
  test.each([
    ['a:b c', 'a%3Ab+c'],
    ['pässwörd/+=', 'p%C3%A4ssw%C3%B6rd%2F%2B%3D'],
    ['plain-._*', 'plain-._*'],
  ])('%s ⇄ %s', (value, encoded) => {
    expect(formEncode(value)).toBe(encoded)
    expect(formDecode(encoded)).toBe(value)
  })

  test('a broken escape does not throw', () => {
    expect(formDecode('%E2%80')).toBeUndefined()
  })
})
