import { describe, expect, test } from 'vitest'
import { z } from './schema'

const session = z.object({
  name: z.string(),
  mode: z.enum(['guided', 'library']),
  count: z.number(),
  on: z.boolean(),
  tags: z.array(z.string()),
  pairs: z.optional(z.array(z.tuple([z.string(), z.string()]))),
  sent: z.record(z.string(), z.array(z.string())),
  nested: z.optional(z.object({ url: z.string() })),
})

const good = {
  name: 'a',
  mode: 'guided',
  count: 2,
  on: false,
  tags: ['x'],
  pairs: [['k', 'v']],
  sent: { token: ['1'] },
  nested: { url: 'u' },
}

describe('schema', () => {
  test('a valid value comes back as it was, unknown members of an object dropped', () => {
    const result = session.safeParse({ ...good, extra: 1 })
    expect(result).toEqual({ success: true, data: good })
  })

  test('a loose object keeps unknown members', () => {
    expect(z.looseObject({ id: z.string() }).safeParse({ id: 'x', more: [1] })).toEqual({
      success: true,
      data: { id: 'x', more: [1] },
    })
  })

  test('optional members may be absent; required ones may not', () => {
    const { pairs: _p, nested: _n, ...rest } = good
    expect(session.safeParse(rest).success).toBe(true)
    const { name: _name, ...noName } = good
    const result = session.safeParse(noName)
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(['name'])
  })

  test('each issue names its path and what was expected', () => {
    const result = session.safeParse({
      ...good,
      mode: 'other',
      count: Number.NaN,
      tags: ['ok', 3],
      sent: { token: [null] },
      nested: { url: 5 },
      pairs: [['only-one']],
    })
    expect(result.success).toBe(false)
    if (result.success) return
    const byPath = Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
    expect(byPath).toEqual({
      mode: 'Invalid input: expected one of "guided", "library", received string',
      count: 'Invalid input: expected number, received NaN',
      'tags.1': 'Invalid input: expected string, received number',
      'sent.token.0': 'Invalid input: expected string, received null',
      'nested.url': 'Invalid input: expected string, received number',
      'pairs.0': 'Invalid input: expected a pair',
    })
  })

  test('not an object, an array for an object, null everywhere', () => {
    for (const value of [null, 'x', 1, [], undefined])
      expect(session.safeParse(value).success).toBe(false)
    expect(z.array(z.string()).safeParse({ length: 0 }).success).toBe(false)
    expect(z.record(z.string(), z.string()).safeParse([]).success).toBe(false)
  })

  test('an object exposes its shape, so one bad member can be dropped alone', () => {
    const shape = z.object({ a: z.string(), b: z.number() }).def.shape
    expect(shape.a.safeParse('x').success).toBe(true)
    expect(shape.b.safeParse('x').success).toBe(false)
  })
})
