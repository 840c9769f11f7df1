import { describe, expect, test } from 'vitest'
import { revealInvisible } from '@/lib/jwt/invisible-characters'

describe('revealInvisible', () => {
  test.each([
    ['alice', [{ text: 'alice' }]],
    ['\u202Enimda', [{ invisible: 'U+202E' }, { text: 'nimda' }]],
    ['a\u200Bb', [{ text: 'a' }, { invisible: 'U+200B' }, { text: 'b' }]],
    ['\u2066x\u2069', [{ invisible: 'U+2066' }, { text: 'x' }, { invisible: 'U+2069' }]],
    ['line\nbreak\ttab', [{ text: 'line\nbreak\ttab' }]],
    ['\u0000', [{ invisible: 'U+0000' }]],
    ['', []],
  ])('%j', (value, parts) => {
    expect(revealInvisible(value)).toEqual(parts)
  })
})
