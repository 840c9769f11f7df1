import { compareClaims, type ClaimDiffRow } from '@/lib/jwt/compare-claims'
import type { TokenResult } from '@/features/flow/steps/token-result'

const MARK = { added: '+', removed: '−', changed: '~', volatile_changed: '~', unchanged: '' }

function show(value: unknown): string {
  if (value === undefined) return '—'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function Changes({ title, rows }: { title: string; rows: ClaimDiffRow[] }) {
  const changed = rows.filter((r) => r.status !== 'unchanged')
  return (
    <div>
      <h5 className="text-xs font-semibold text-slate-700">{title}</h5>
      {changed.length === 0 ? (
        <p className="text-xs text-slate-500">No claim changed.</p>
      ) : (
        <ul className="space-y-0.5 font-mono text-xs">
          {changed.map((r) => (
            <li key={r.name} data-diff={r.status} data-diff-claim={r.name} className="break-all">
              <span aria-hidden="true">{MARK[r.status]} </span>
              <span className="sr-only">{r.status}: </span>
              {r.name}: {show(r.left)} → {show(r.right)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** The generation a refresh replaced next to the new one: rotation, new times, changed claims. */
export function RefreshComparison({
  previous,
  current,
}: {
  previous: TokenResult
  current: TokenResult
}) {
  const rotated = previous.response?.refresh_token !== current.response?.refresh_token
  const offline = current.response?.refresh_expires_in === 0
  return (
    <section
      aria-label="Refresh comparison"
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <h4 className="text-sm font-semibold">Refresh comparison: previous → new generation</h4>
      <p className="text-sm" data-rotated={rotated}>
        {rotated
          ? 'Rotated: the provider issued a new refresh token. Send the replaced one again to see whether this provider still accepts it.'
          : 'Not rotated: the provider sent back the same refresh token.'}
        {offline &&
          ' refresh_expires_in is 0: an offline token (offline_access). It does not end with the browser session and survives logout; it lasts until revoked or unused for the offline idle time.'}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <Changes
          title="Access token"
          rows={compareClaims(previous.accessToken?.payload, current.accessToken?.payload, {
            volatile: [],
          })}
        />
        <Changes
          title="ID token"
          rows={compareClaims(previous.idToken?.payload, current.idToken?.payload, {
            volatile: [],
          })}
        />
      </div>
    </section>
  )
}
