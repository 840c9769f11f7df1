import { jsonEqual, VOLATILE_CLAIMS, type ClaimDiffStatus } from './compare-claims'

/** The symbol of each difference, shown beside the colour: + added, − removed, ~ changed. */
export const DIFF_MARKS: Record<ClaimDiffStatus, string> = {
  added: '+',
  removed: '−',
  changed: '~',
  volatile_changed: '~',
  unchanged: ' ',
}

/** Words for the marks, for screen readers and tooltips. */
export const DIFF_WORDS: Record<ClaimDiffStatus, string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  volatile_changed: 'changed (differs on every run)',
  unchanged: 'same',
}

/** One member of two JSON objects, on one line of a side-by-side view. */
export interface AlignedLine {
  name: string
  status: ClaimDiffStatus
  mark: string
  /** `"name": value` as pretty JSON on the left, absent when the left has no such member. */
  left?: string
  right?: string
}

const member = (name: string, value: unknown): string =>
  `${JSON.stringify(name)}: ${JSON.stringify(value, null, 2) ?? String(value)}`

/**
 * Two JSON objects (token headers or payloads, userinfo answers) aligned member by member, in
 * the left's order with the right's extra members after, each marked added / removed / changed
 * (`~` also for volatile claims like `iat`, which differ on every run) or unchanged, like two
 * jwt.io tabs read line by line. Either side may be absent (a token one run did not get).
 */
export function alignClaims(
  left: Readonly<Record<string, unknown>> | undefined,
  right: Readonly<Record<string, unknown>> | undefined,
): AlignedLine[] {
  const l = left ?? {}
  const r = right ?? {}
  const names = [...Object.keys(l), ...Object.keys(r).filter((n) => !Object.hasOwn(l, n))]
  return names.map((name) => {
    const inLeft = Object.hasOwn(l, name)
    const inRight = Object.hasOwn(r, name)
    let status: ClaimDiffStatus
    if (!inLeft) status = 'added'
    else if (!inRight) status = 'removed'
    else if (jsonEqual(l[name], r[name])) status = 'unchanged'
    else status = VOLATILE_CLAIMS.includes(name) ? 'volatile_changed' : 'changed'
    return {
      name,
      status,
      mark: DIFF_MARKS[status],
      ...(inLeft ? { left: member(name, l[name]) } : {}),
      ...(inRight ? { right: member(name, r[name]) } : {}),
    }
  })
}
