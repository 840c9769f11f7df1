import { describe, expect, test } from 'vitest'
import { alignClaims } from './align-claims'

describe('alignClaims', () => {
  test('aligns member by member in the left order, extra right members after, each marked', () => {
    const lines = alignClaims(
      { iss: 'x', sub: 'u', iat: 1, email: 'a@x', roles: ['a'] },
      { sub: 'u', iss: 'x', iat: 2, roles: ['a', 'b'], scope: 'openid' },
    )
    expect(lines.map((l) => [l.name, l.status, l.mark])).toEqual([
      ['iss', 'unchanged', ' '],
      ['sub', 'unchanged', ' '],
      ['iat', 'volatile_changed', '~'],
      ['email', 'removed', '−'],
      ['roles', 'changed', '~'],
      ['scope', 'added', '+'],
    ])
    expect(lines[3]).toEqual({
      name: 'email',
      status: 'removed',
      mark: '−',
      left: '"email": "a@x"',
    })
    expect(lines[4]?.right).toBe('"roles": [\n  "a",\n  "b"\n]')
  })

  test('an absent side makes every member added (or removed)', () => {
    expect(alignClaims(undefined, { a: 1 }).map((l) => l.status)).toEqual(['added'])
    expect(alignClaims({ a: 1 }, undefined).map((l) => l.mark)).toEqual(['−'])
    expect(alignClaims(undefined, undefined)).toEqual([])
  })

  test('objects with the same members in another order are unchanged', () => {
    const [line] = alignClaims({ address: { a: 1, b: 2 } }, { address: { b: 2, a: 1 } })
    expect(line?.status).toBe('unchanged')
  })
})
