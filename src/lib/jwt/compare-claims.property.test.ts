import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compareClaims, type ClaimDiffRow } from './compare-claims'

const claims = fc.dictionary(
  fc.constantFrom('sub', 'email', 'name', 'scope', 'iat', 'exp', 'aud', 'groups', 'x', 'y'),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 8 },
)
const MIRROR: Record<ClaimDiffRow['status'], ClaimDiffRow['status']> = {
  added: 'removed',
  removed: 'added',
  changed: 'changed',
  volatile_changed: 'volatile_changed',
  unchanged: 'unchanged',
}
const byName = (rows: ClaimDiffRow[]) => new Map(rows.map((row) => [row.name, row]))

describe('compareClaims (properties)', () => {
  test('never throws, even on values that are not claim sets', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const rows = compareClaims(a as Record<string, unknown>, b as Record<string, unknown>)
        expect(Array.isArray(rows)).toBe(true)
      }),
    )
  })

  test('a claim set compared with itself (or a JSON copy of it) has no differences', () => {
    fc.assert(
      fc.property(claims, (a) => {
        const copy = JSON.parse(JSON.stringify(a)) as Record<string, unknown>
        for (const other of [a, copy]) {
          const rows = compareClaims(a, other)
          expect(rows.map((r) => r.status).filter((s) => s !== 'unchanged')).toEqual([])
          expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(a).sort())
        }
      }),
    )
  })

  test('the diff a → b mirrors b → a: added ↔ removed, left ↔ right', () => {
    fc.assert(
      fc.property(claims, claims, (a, b) => {
        const forward = byName(compareClaims(a, b))
        const backward = byName(compareClaims(b, a))
        expect([...forward.keys()].sort()).toEqual([...backward.keys()].sort())
        for (const [name, row] of forward) {
          const mirror = backward.get(name)
          expect(mirror?.status).toBe(MIRROR[row.status])
          expect(mirror?.left).toEqual(row.right)
          expect(mirror?.right).toEqual(row.left)
        }
      }),
    )
  })

  test('every claim lands in exactly one row, with the status its presence implies', () => {
    fc.assert(
      fc.property(claims, claims, (a, b) => {
        const rows = compareClaims(a, b)
        expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length)
        for (const row of rows) {
          const inA = Object.hasOwn(a, row.name)
          const inB = Object.hasOwn(b, row.name)
          if (row.status === 'added') expect([inA, inB]).toEqual([false, true])
          else if (row.status === 'removed') expect([inA, inB]).toEqual([true, false])
          else expect([inA, inB]).toEqual([true, true])
        }
      }),
    )
  })
})
