import { MATRIX_SOURCES, type ScopeMatrix, type ScopeSetResult } from '@/lib/matrix/build-matrix'
import type { ScopeKindInfo } from '@/lib/scope-kinds/scope-kinds'

/** Two scope sets of the matrix whose columns are identical, and why. */
export interface IdenticalSets {
  /** Indexes of the two sets, the smaller first. */
  sets: [number, number]
  /** The scopes one set has and the other not. */
  difference: string[]
  /** One sentence per scope of the difference, e.g. `profile is a default scope of this client…`. */
  reasons: string[]
}

const label = (set: ScopeSetResult) => set.scopes.join(' ') || '(no scope)'

function sameColumns(matrix: ScopeMatrix, a: number, b: number): boolean {
  const [x, y] = [matrix.sets[a], matrix.sets[b]]
  if (!x || !y || x.error || y.error || x.userinfoStatus !== y.userinfoStatus) return false
  return matrix.rows.every((row) =>
    MATRIX_SOURCES.every((s) => row.cells[a]?.[s].present === row.cells[b]?.[s].present),
  )
}

function reasonFor(
  scope: string,
  without: ScopeSetResult,
  withIt: ScopeSetResult,
  kinds: ReadonlyMap<string, ScopeKindInfo>,
): string {
  const known = kinds.get(scope)
  if (without.grantedScope?.includes(scope))
    return `${scope} is a default scope of this client: "${label(without)}" was granted "${without.grantedScope.join(' ')}" without asking for it.`
  if (known?.kind === 'default')
    return `${scope} is a default scope of this client (${known.source}): it is applied whether it is asked for or not.`
  if (withIt.grantedScope && !withIt.grantedScope.includes(scope))
    return `${scope} was asked for in "${label(withIt)}" but not granted ("${withIt.grantedScope.join(' ')}").`
  return `${scope} adds no claim of its own here (the claims it maps are already there, or it maps none).`
}

/**
 * The pairs of scope sets whose matrix columns are identical (same claims in the same tokens, same
 * userinfo status), each explained scope by scope: a default scope of the client (granted without
 * being asked, or known from the client's scopes), a scope asked for but not granted, or a scope
 * that brings no claim of its own.
 */
export function explainIdenticalSets(
  matrix: ScopeMatrix,
  kinds: ReadonlyMap<string, ScopeKindInfo> = new Map(),
): IdenticalSets[] {
  const found: IdenticalSets[] = []
  for (let a = 0; a < matrix.sets.length; a++)
    for (let b = a + 1; b < matrix.sets.length; b++) {
      const [x, y] = [matrix.sets[a], matrix.sets[b]]
      if (!x || !y || !sameColumns(matrix, a, b)) continue
      const onlyX = x.scopes.filter((s) => !y.scopes.includes(s))
      const onlyY = y.scopes.filter((s) => !x.scopes.includes(s))
      const difference = [...onlyX, ...onlyY]
      if (difference.length === 0) continue
      const reasons = [
        ...onlyX.map((s) => reasonFor(s, y, x, kinds)),
        ...onlyY.map((s) => reasonFor(s, x, y, kinds)),
      ]
      found.push({ sets: [a, b], difference, reasons })
    }
  return found
}
