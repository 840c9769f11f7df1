import { Badge } from '@/components/ui/badge'
import type { ScopeChange } from '@/lib/runs/run-views'
import type { LabRun } from '@/lib/runs/types'

export interface RunSummaryCardProps {
  side: 'Left' | 'Right'
  run: LabRun
  /** Scopes this run requested or was granted that the other did not (right side only). */
  requestedChange?: ScopeChange
  grantedChange?: ScopeChange
}

function Scopes({ scopes, change }: { scopes?: string[]; change?: ScopeChange }) {
  if (!scopes) return <span className="text-slate-500">not in the token response</span>
  return (
    <span className="inline-flex flex-wrap gap-1">
      {scopes.map((scope) =>
        change?.added.includes(scope) ? (
          <Badge key={scope} tone="pass" data-scope-added={scope}>
            + {scope}
          </Badge>
        ) : (
          <Badge key={scope}>{scope}</Badge>
        ),
      )}
      {change?.removed.map((scope) => (
        <Badge key={`removed-${scope}`} tone="fail" data-scope-removed={scope}>
          − {scope}
        </Badge>
      ))}
    </span>
  )
}

export function RunSummaryCard({ side, run, requestedChange, grantedChange }: RunSummaryCardProps) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 p-3 text-xs" data-side={side}>
      <p className="text-[11px] tracking-wide text-slate-500 uppercase">{side} run</p>
      <p className="truncate text-sm font-semibold" title={run.label}>
        {run.label}
      </p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Time</dt>
        <dd>
          <time dateTime={run.createdAt}>{new Date(run.createdAt).toLocaleString()}</time>
        </dd>
        <dt className="text-slate-500">User · client</dt>
        <dd className="truncate">
          {run.user ?? 'unknown'} · {run.clientId} ({run.clientType})
        </dd>
        <dt className="text-slate-500">Issuer</dt>
        <dd className="truncate font-mono" title={run.issuer}>
          {run.issuer}
        </dd>
        <dt className="text-slate-500">Requested</dt>
        <dd>
          <Scopes scopes={run.requestedScope} change={requestedChange} />
        </dd>
        <dt className="text-slate-500">Granted</dt>
        <dd>
          <Scopes scopes={run.grantedScope} change={grantedChange} />
        </dd>
      </dl>
    </div>
  )
}
