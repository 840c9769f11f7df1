import { Button } from '@/components/ui/button'
import type { DropNotice, SkippedRecord } from '@/lib/runs/run-store'
import type { LabRun } from '@/lib/runs/types'

export interface HistoryNoticesProps {
  dropped?: DropNotice
  skipped: SkippedRecord[]
  deleted?: LabRun
  error?: string
  onDismissDropped: () => void
  onRemoveSkipped: () => void
  onUndoDelete: () => void
}

const box = 'flex flex-wrap items-center gap-2 rounded-lg px-3 py-2 text-sm'

export function HistoryNotices(props: HistoryNoticesProps) {
  const { dropped, skipped, deleted, error } = props
  return (
    <>
      {error && (
        <p role="alert" className={`${box} bg-rose-50 text-rose-900`}>
          {error}
        </p>
      )}
      {dropped && (
        <div role="status" data-notice="dropped" className={`${box} bg-amber-50 text-amber-950`}>
          <span>
            {dropped.count} oldest run{dropped.count === 1 ? '' : 's'} dropped (limit{' '}
            {dropped.limit})
          </span>
          <Button variant="ghost" size="sm" onClick={props.onDismissDropped}>
            Dismiss
          </Button>
        </div>
      )}
      {skipped.length > 0 && (
        <div role="status" data-notice="skipped" className={`${box} bg-amber-50 text-amber-950`}>
          <span>
            {skipped.length} saved record{skipped.length === 1 ? ' was' : 's were'} unreadable and
            skipped.
          </span>
          <Button variant="ghost" size="sm" onClick={props.onRemoveSkipped}>
            Delete unreadable records
          </Button>
          <details className="w-full text-xs">
            <summary className="cursor-pointer">Why</summary>
            <ul className="mt-1 list-disc pl-5 font-mono">
              {skipped.map((s) => (
                <li key={s.key}>
                  {s.key}: {s.reason}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
      {deleted && (
        <div role="status" className={`${box} bg-slate-100 text-slate-800`}>
          <span>Deleted “{deleted.label}”.</span>
          <Button variant="ghost" size="sm" onClick={props.onUndoDelete}>
            Undo
          </Button>
        </div>
      )}
    </>
  )
}
