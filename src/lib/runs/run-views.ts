import { compareClaims, summarizeDiff, type ClaimDiffRow } from '@/lib/jwt/compare-claims'
import { decodeJwt, type TokenKind } from '@/lib/jwt/decode-jwt'
import type { LabRun } from './types'

export type RunViewId = 'id_token' | 'access_token' | 'userinfo'

/** One comparable claim set of a run: a decoded token payload or the userinfo response. */
export interface RunView {
  id: RunViewId
  /** `ID token`, `Access token`, `Userinfo response` (the region names of the UI contract). */
  label: string
  claims?: Record<string, unknown>
  /** Why there are no claims, or what they are read from, e.g. `absent`, `opaque`, `HTTP 403`. */
  status?: string
}

export const RUN_VIEW_IDS: readonly RunViewId[] = ['id_token', 'access_token', 'userinfo']

export const RUN_VIEW_LABELS: Record<RunViewId, string> = {
  id_token: 'ID token',
  access_token: 'Access token',
  userinfo: 'Userinfo response',
}

/** How a view is named inside a sentence (`+ email in ID token`). */
const SUMMARY_NOUNS: Record<RunViewId, string> = {
  id_token: 'ID token',
  access_token: 'access token',
  userinfo: 'userinfo',
}

const KIND_STATUS: Partial<Record<TokenKind, string>> = {
  opaque: 'opaque (not a JWT)',
  jwe: 'encrypted (JWE)',
  unsecured: 'unsecured (alg none)',
  malformed: 'malformed',
}

function tokenView(id: RunViewId, raw: string | undefined, notKept = false): RunView {
  const label = RUN_VIEW_LABELS[id]
  // an opaque token the history did not keep (`Keep raw tokens in history` off) was not absent
  if (!raw)
    return { id, label, status: notKept ? 'not kept in the history (not a signed JWT)' : 'absent' }
  const decoded = decodeJwt(raw)
  // an exported run's tokens lose their signature (`header.payload.`): their claims still compare
  const stripped =
    decoded.problems.length > 0 && decoded.problems.every((p) => p.code === 'missing_signature')
  const status = stripped ? undefined : KIND_STATUS[decoded.kind]
  return {
    id,
    label,
    ...(decoded.payload ? { claims: decoded.payload } : {}),
    ...(status ? { status } : {}),
  }
}

function userinfoView(run: LabRun): RunView {
  const { status, claims } = run.userinfo ?? {}
  return {
    id: 'userinfo',
    label: RUN_VIEW_LABELS.userinfo,
    ...(claims ? { claims } : {}),
    status: status === undefined ? 'not called' : `HTTP ${status}`,
  }
}

/**
 * The claim sets of a run: ID token and access token payloads (decoded, not verified) and the
 * userinfo response, each with a status when it has no claims (absent, opaque, not called…).
 */
export function runViews(run: LabRun): RunView[] {
  return [
    tokenView('id_token', run.tokens.idToken, run.withheld?.dropped.includes('idToken')),
    tokenView(
      'access_token',
      run.tokens.accessToken,
      run.withheld?.dropped.includes('accessToken'),
    ),
    userinfoView(run),
  ]
}

/** One view of both runs, claim by claim. */
export interface ViewComparison {
  id: RunViewId
  label: string
  left: RunView
  right: RunView
  rows: ClaimDiffRow[]
  /** `summarizeDiff` of the rows, e.g. `+ email, + email_verified`. */
  summary: string
}

export interface StatusChange {
  endpoint: 'token' | 'userinfo'
  left?: number
  right?: number
}

export interface ScopeChange {
  added: string[]
  removed: string[]
}

export interface RunComparison {
  views: ViewComparison[]
  /** Token and userinfo endpoint statuses that differ. */
  statusChanges: StatusChange[]
  requestedScope: ScopeChange
  grantedScope: ScopeChange
  /** One line, e.g. `+ email, + email_verified in ID token · userinfo 403 → 200`. */
  summary: string
}

const MAX_ITEMS = 6
const ENDPOINT_NOUNS = { token: 'token endpoint', userinfo: 'userinfo' } as const
const NOT_SENT = { token: 'not sent', userinfo: 'not called' } as const

function scopeChange(left: readonly string[] = [], right: readonly string[] = []): ScopeChange {
  return {
    added: right.filter((s) => !left.includes(s)),
    removed: left.filter((s) => !right.includes(s)),
  }
}

function shorten(summary: string): string {
  const items = summary.split(', ')
  if (items.length <= MAX_ITEMS) return summary
  return `${items.slice(0, MAX_ITEMS).join(', ')} and ${items.length - MAX_ITEMS} more`
}

function viewSentence(view: ViewComparison): string | undefined {
  const { left, right, rows } = view
  const noun = SUMMARY_NOUNS[view.id]
  if (!left.claims !== !right.claims) {
    // userinfo presence follows its status, which has its own sentence
    if (view.id === 'userinfo') return undefined
    return `${noun} ${left.status ?? 'present'} → ${right.status ?? 'present'}`
  }
  if (!rows.some((r) => r.status === 'added' || r.status === 'removed' || r.status === 'changed'))
    return undefined
  return `${shorten(view.summary)} in ${noun}`
}

/** Compares two claim sets; also used for two views of one run. */
export function compareViews(left: RunView, right: RunView): ViewComparison {
  const rows = compareClaims(left.claims, right.claims)
  return { id: right.id, label: right.label, left, right, rows, summary: summarizeDiff(rows) }
}

/**
 * Compares two runs view by view (left = `a`, usually the older one) and sums the differences up
 * in one line: changed claims per view, tokens that appeared or vanished, and token and userinfo
 * status changes. Volatile claims (`iat`, `exp`, `nonce`…) are reported apart, not as changes.
 * Tokens are decoded, not verified.
 */
export function compareRuns(a: LabRun, b: LabRun): RunComparison {
  const right = runViews(b)
  const views = runViews(a).map((left, i) => compareViews(left, right[i] ?? left))
  const statusChanges: StatusChange[] = []
  if (a.tokenStatus !== b.tokenStatus)
    statusChanges.push({ endpoint: 'token', left: a.tokenStatus, right: b.tokenStatus })
  if (a.userinfo?.status !== b.userinfo?.status)
    statusChanges.push({
      endpoint: 'userinfo',
      left: a.userinfo?.status,
      right: b.userinfo?.status,
    })

  const sentences = views.map(viewSentence).filter((s) => s !== undefined)
  for (const change of statusChanges) {
    const notSent = NOT_SENT[change.endpoint]
    sentences.push(
      `${ENDPOINT_NOUNS[change.endpoint]} ${change.left ?? notSent} → ${change.right ?? notSent}`,
    )
  }
  let summary = sentences.join(' · ')
  if (!summary) {
    const volatile = [
      ...new Set(
        views.flatMap((v) =>
          v.rows.filter((r) => r.status === 'volatile_changed').map((r) => r.name),
        ),
      ),
    ]
    summary = volatile.length
      ? `no differences (only volatile claims changed: ${volatile.join(', ')})`
      : 'no differences'
  }
  return {
    views,
    statusChanges,
    requestedScope: scopeChange(a.requestedScope, b.requestedScope),
    grantedScope: scopeChange(a.grantedScope, b.grantedScope),
    summary,
  }
}
