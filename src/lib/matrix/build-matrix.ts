import { describeClaim } from '@/lib/jwt/claims-dictionary'

/** Where a claim can show up in one run of the flow. */
export type MatrixSource = 'id_token' | 'access_token' | 'userinfo'

export const MATRIX_SOURCES: readonly MatrixSource[] = ['id_token', 'access_token', 'userinfo']

export const SOURCE_LABELS: Record<MatrixSource, string> = {
  id_token: 'ID token',
  access_token: 'Access token',
  userinfo: 'Userinfo',
}

/** The outcome of running the flow once with one scope set. */
export interface ScopeSetResult {
  scopes: string[]
  /** The token response's `scope`, when it had one. */
  grantedScope?: string[]
  claims: Partial<Record<MatrixSource, Record<string, unknown>>>
  /** HTTP status of the userinfo call; undefined when it was not made. */
  userinfoStatus?: number
  /** Why this set produced no tokens (an error callback, a failed token request…). */
  error?: string
}

export interface MatrixCell {
  present: boolean
  /** The claim's value, for hover; undefined when absent. */
  value?: unknown
}

export interface MatrixRow {
  claim: string
  /** The scope that usually brings the claim (OIDC Core §5.4), for grouping. */
  scope?: string
  /** `cells[setIndex][source]`. */
  cells: Record<MatrixSource, MatrixCell>[]
  /** True when presence differs between sets in at least one source: the rows worth looking at. */
  varies: boolean
}

export interface ScopeMatrix {
  sets: ScopeSetResult[]
  rows: MatrixRow[]
}

// claims that are in every token of every run and differ every time say nothing about scopes
const ALWAYS_PRESENT_ORDER = [
  'iss',
  'sub',
  'aud',
  'exp',
  'iat',
  'auth_time',
  'jti',
  'nonce',
  'at_hash',
  'sid',
  'azp',
  'typ',
  'acr',
]

/**
 * Builds the scope → claims matrix: one row per claim seen anywhere, one column per scope set and
 * token (ID token, access token, userinfo), each cell present or absent with the value. Rows whose
 * presence varies between sets come first. It does not judge values, only presence.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export function buildScopeMatrix(sets: ScopeSetResult[]): ScopeMatrix {
  const names = new Set<string>()
  for (const set of sets)
    for (const source of MATRIX_SOURCES)
      for (const name of Object.keys(set.claims[source] ?? {})) names.add(name)

  const rows = [...names].map((claim): MatrixRow => {
    const cells = sets.map((set) => {
      const entry = {} as Record<MatrixSource, MatrixCell>
      for (const source of MATRIX_SOURCES) {
        const claims = set.claims[source]
        entry[source] =
          claims && Object.hasOwn(claims, claim)
            ? { present: true, value: claims[claim] }
            : { present: false }
      }
      return entry
    })
    const varies = MATRIX_SOURCES.some(
      (source) => new Set(cells.map((c) => c[source].present)).size > 1,
    )
    return { claim, scope: describeClaim(claim).scope, cells, varies }
  })

  const rank = (row: MatrixRow) => {
    const fixed = ALWAYS_PRESENT_ORDER.indexOf(row.claim)
    return row.varies ? 0 : fixed === -1 ? 1 : 2
  }
  rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.scope ?? '~').localeCompare(b.scope ?? '~') ||
      ALWAYS_PRESENT_ORDER.indexOf(a.claim) - ALWAYS_PRESENT_ORDER.indexOf(b.claim) ||
      a.claim.localeCompare(b.claim),
  )
  return { sets, rows }
}

/**
 * Scope sets that toggle each optional scope on top of a base set: the base alone, then base plus
 * each optional scope, then base plus all of them. Duplicates are removed, order kept.
 */
export function toggleScopeSets(base: readonly string[], optional: readonly string[]): string[][] {
  const sets = [[...base], ...optional.map((scope) => [...base, scope]), [...base, ...optional]]
  const seen = new Set<string>()
  return sets
    .map((set) => [...new Set(set)])
    .filter((set) => {
      const key = set.join(' ')
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}

/** Reads one scope set per non-empty line (space-separated scopes), as typed by the user. */
export function parseScopeSets(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => [...new Set(line.trim().split(/\s+/).filter(Boolean))])
    .filter((set) => set.length > 0)
}

const setLabel = (set: ScopeSetResult) => set.scopes.join(' ') || '(no scope)'
const mark = (cell: MatrixCell) => (cell.present ? '✓' : '·')

/** The matrix as a GitHub-flavoured Markdown table, one column per set × source. */
export function matrixToMarkdown(matrix: ScopeMatrix): string {
  const header = [
    'claim',
    ...matrix.sets.flatMap((set) =>
      MATRIX_SOURCES.map((s) => `${setLabel(set)} · ${SOURCE_LABELS[s]}`),
    ),
  ]
  const escape = (text: string) => text.replace(/\|/g, '\\|')
  const lines = [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...matrix.rows.map(
      (row) =>
        `| ${[`\`${row.claim}\``, ...row.cells.flatMap((c) => MATRIX_SOURCES.map((s) => mark(c[s])))].map(escape).join(' | ')} |`,
    ),
    `| userinfo status | ${matrix.sets
      .flatMap((set) => ['', '', String(set.userinfoStatus ?? set.error ?? '—')])
      .map(escape)
      .join(' | ')} |`,
  ]
  return lines.join('\n') + '\n'
}

/** The matrix as CSV (RFC 4180): `1` present, `0` absent, plus a userinfo status row. */
export function matrixToCsv(matrix: ScopeMatrix): string {
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)
  const header = [
    'claim',
    ...matrix.sets.flatMap((set) =>
      MATRIX_SOURCES.map((s) => `${setLabel(set)} / ${SOURCE_LABELS[s]}`),
    ),
  ]
  const rows = matrix.rows.map((row) => [
    row.claim,
    ...row.cells.flatMap((c) => MATRIX_SOURCES.map((s) => (c[s].present ? '1' : '0'))),
  ])
  const status = [
    'userinfo status',
    ...matrix.sets.flatMap((set) => ['', '', String(set.userinfoStatus ?? set.error ?? '')]),
  ]
  return [header, ...rows, status].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n'
}
