/** How a claim differs between the left and the right token. */
export type ClaimDiffStatus = 'added' | 'removed' | 'changed' | 'volatile_changed' | 'unchanged'

/** One claim in a side-by-side comparison; `left`/`right` are absent where the claim is absent. */
export interface ClaimDiffRow {
  name: string
  status: ClaimDiffStatus
  left?: unknown
  right?: unknown
}

/**
 * Claims that differ between any two runs (times, random values, session ids), so a changed value
 * says nothing about the scopes or the configuration.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDToken
 */
export const VOLATILE_CLAIMS: readonly string[] = [
  'exp',
  'iat',
  'nbf',
  'auth_time',
  'jti',
  'nonce',
  'at_hash',
  'c_hash',
  's_hash',
  'sid',
  'session_state',
]

const STATUS_ORDER: Record<ClaimDiffStatus, number> = {
  added: 0,
  removed: 1,
  changed: 2,
  volatile_changed: 3,
  unchanged: 4,
}

/**
 * Structural equality of JSON values: object key order is ignored, array order is not.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-4
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left)
  if (keys.length !== Object.keys(right).length) return false
  for (const key of keys) {
    if (!Object.hasOwn(right, key) || !jsonEqual(left[key], right[key])) return false
  }
  return true
}

/**
 * Compares two claim sets (token payloads or userinfo responses) claim by claim: added, removed
 * and changed first, then volatile claims whose value changed, then unchanged ones, each group in
 * the order the claims appear (left first). `options.volatile` replaces `VOLATILE_CLAIMS`. This
 * compares values only; it does not check that either token is valid or signed.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export function compareClaims(
  left: Record<string, unknown> | undefined,
  right: Record<string, unknown> | undefined,
  options: { volatile?: readonly string[] } = {},
): ClaimDiffRow[] {
  const volatile = new Set(options.volatile ?? VOLATILE_CLAIMS)
  const l = left ?? {}
  const r = right ?? {}
  const rows: ClaimDiffRow[] = []
  for (const name of Object.keys(l)) {
    if (!Object.hasOwn(r, name)) {
      rows.push({ name, status: 'removed', left: l[name] })
    } else if (jsonEqual(l[name], r[name])) {
      rows.push({ name, status: 'unchanged', left: l[name], right: r[name] })
    } else {
      const status = volatile.has(name) ? 'volatile_changed' : 'changed'
      rows.push({ name, status, left: l[name], right: r[name] })
    }
  }
  for (const name of Object.keys(r)) {
    if (!Object.hasOwn(l, name)) rows.push({ name, status: 'added', right: r[name] })
  }
  // Array.prototype.sort is stable, so appearance order survives within each group.
  return rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
}

/**
 * Summarises a comparison in one line, e.g. `+ email, + email_verified` (`-` removed, `~`
 * changed), or `no differences` (mentioning volatile claims that changed, if any).
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export function summarizeDiff(rows: readonly ClaimDiffRow[]): string {
  const marks: Partial<Record<ClaimDiffStatus, string>> = { added: '+', removed: '-', changed: '~' }
  const items: string[] = []
  const volatile: string[] = []
  for (const row of rows) {
    const mark = marks[row.status]
    if (mark) items.push(`${mark} ${row.name}`)
    else if (row.status === 'volatile_changed') volatile.push(row.name)
  }
  if (items.length > 0) return items.join(', ')
  if (volatile.length > 0)
    return `no differences (only volatile claims changed: ${volatile.join(', ')})`
  return 'no differences'
}
