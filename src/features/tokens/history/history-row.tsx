import { memo, useId } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import type { LabRun } from '@/lib/runs/types'
import { RunDiagnosesView } from '@/features/tokens/history/run-diagnoses-view'
import { RunLabelEditor } from '@/features/tokens/history/run-label-editor'
import { RunReportButton } from '@/features/tokens/history/run-report-button'

export interface HistoryRowProps {
  run: LabRun
  /** The run saved just before this one, if any. */
  previous?: LabRun
  selected: boolean
  selectable: boolean
  onToggle: (id: string) => void
  onCompare: (left: string, right: string) => void
  onCompareViews: (id: string) => void
  onRename: (id: string, label: string) => void
  onDelete: (run: LabRun) => void
}

function UserinfoBadge({ status }: { status?: number }) {
  if (status === undefined) return <Badge tone="skip">userinfo not called</Badge>
  return (
    <Badge tone={status >= 200 && status < 300 ? 'pass' : 'fail'} data-userinfo-status={status}>
      userinfo {status}
    </Badge>
  )
}

export const HistoryRow = memo(function HistoryRow(props: HistoryRowProps) {
  const { run, previous, selected, selectable, onToggle, onCompare, onCompareViews } = props
  const labelId = useId()
  return (
    <li
      aria-labelledby={labelId}
      data-run-id={run.id}
      className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <input
        type="checkbox"
        aria-label="Select for comparison"
        aria-describedby={labelId}
        checked={selected}
        disabled={!selected && !selectable}
        onChange={() => onToggle(run.id)}
        className="mt-1.5 size-4 shrink-0"
      />
      <div className="min-w-0 flex-1 space-y-1">
        <RunLabelEditor
          id={labelId}
          label={run.label}
          onRename={(label) => props.onRename(run.id, label)}
        />
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
          <time dateTime={run.createdAt}>{new Date(run.createdAt).toLocaleString()}</time>
          <span>
            {run.user ?? 'unknown user'} · {run.clientId}
          </span>
          <span className="truncate font-mono" title={run.issuer}>
            {run.issuer}
          </span>
          <UserinfoBadge status={run.userinfo?.status} />
          {run.withheld && (
            <Badge tone="skip" data-raw-tokens="withheld">
              raw tokens not kept
            </Badge>
          )}
          {run.imported && (
            <Badge tone="skip" data-imported={run.imported.from}>
              {run.imported.from === 'har' ? 'imported from HAR' : 'imported'}
              {run.imported.file ? ` (${run.imported.file})` : ''}
            </Badge>
          )}
        </p>
        <p className="text-xs text-slate-600">
          requested <code className="font-mono">{run.requestedScope.join(' ') || '(none)'}</code>
          {' · '}granted{' '}
          <code className="font-mono">{run.grantedScope?.join(' ') ?? '(not in response)'}</code>
        </p>
        {run.diagnoses && <RunDiagnosesView diagnoses={run.diagnoses} />}
        <RunReportButton run={run} />
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-start">
        {previous && (
          <Button variant="secondary" size="sm" onClick={() => onCompare(previous.id, run.id)}>
            Compare with previous
          </Button>
        )}
        <Button variant="ghost" size="sm" onClick={() => onCompareViews(run.id)}>
          Compare views
        </Button>
        <Button variant="ghost" size="sm" onClick={() => props.onDelete(run)}>
          Delete
        </Button>
      </div>
    </li>
  )
})
