import { expect, test } from 'vitest'
import { describeOpaqueToken } from './opaque-token'

test.each([
  [
    '8f14e45f-ceea-467f-a2b3-1c2d3e4f5a6b',
    {
      alphabet: 'UUID',
      hints: ['a UUID: a random handle pointing to a record the provider keeps'],
    },
  ],
  ['0123456789abcdef', { alphabet: 'hex', approxBits: 64, hints: [] }],
  ['Zm9vYmFyX2Jhei1xdXV4', { alphabet: 'base64url', approxBits: 120, hints: [] }],
  ['Zm9v+mFy/w==', { alphabet: 'base64', approxBits: 72, hints: [] }],
  [
    'ya29.a0AfB_byC',
    {
      alphabet: 'mixed characters',
      hints: ['starts with "ya29.": the shape of a Google OAuth access token'],
    },
  ],
  [
    'abc%2Edef',
    {
      alphabet: 'mixed characters',
      hints: ['contains %-escapes: it looks URL-encoded; decode it before using it'],
    },
  ],
  [
    'eyJhbGciOiJSUzI1NiJ9',
    {
      alphabet: 'base64url',
      hints: ['starts with "eyJ" but has no dots: a JWT header alone, or a cut-off JWT?'],
    },
  ],
])('describeOpaqueToken(%j)', (raw, expected) => {
  expect(describeOpaqueToken(raw)).toMatchObject({ length: raw.length, ...expected })
})
