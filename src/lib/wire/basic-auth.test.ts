import { describe, expect, test } from 'vitest'
import { basicAuthorization, parseBasicAuthorization } from './basic-auth'

describe('basicAuthorization', () => {
  test.each([
    { id: 'webapp', secret: 'webapp-secret', header: 'Basic d2ViYXBwOndlYmFwcC1zZWNyZXQ=' },
    // form-urlencoded before base64: "a:b c" → "a%3Ab+c"
    { id: 'my client', secret: 'a:b c', header: `Basic ${btoa('my+client:a%3Ab+c')}` },
    { id: 'x', secret: 'pässwörd/+=', header: `Basic ${btoa('x:p%C3%A4ssw%C3%B6rd%2F%2B%3D')}` },
  ])('$id / $secret', ({ id, secret, header }) => {
    expect(basicAuthorization(id, secret)).toBe(header)
  })
})

describe('parseBasicAuthorization', () => {
  test('gives back the pair as sent (still form-encoded)', () => {
    expect(parseBasicAuthorization(basicAuthorization('my client', 'a:b c'))).toEqual({
      user: 'my+client',
      password: 'a%3Ab+c',
    })
  })

  test.each(['Bearer abc', 'Basic', 'Basic !!!', `Basic ${btoa('no-colon')}`])(
    '%s is not a Basic credential',
    (value) => {
      expect(parseBasicAuthorization(value)).toBeUndefined()
    },
  )

  test('standard base64 with + and / is read', () => {
    // "?>?:~~~" encodes to Pz4/On5+fg== (both standard-only characters)
    expect(parseBasicAuthorization('basic Pz4/On5+fg==')).toEqual({ user: '?>?', password: '~~~' })
  })
})
