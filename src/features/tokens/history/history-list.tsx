import { useState } from 'react'
import { Button } from '@/components/ui/button'
import type { LabRun } from '@/lib/runs/types'
import { HistoryRow } from '@/features/tokens/history/history-row'

export interface HistoryListProps {
  /** Newest first. */
  runs: readonly LabRun[]
  selected: readonly string[]
  onToggle: (id: string) => void
  onCompare: (left: string, right: string) => void
  onCompareViews: (id: string) => void
  onRename: (id: string, label: string) => void
  onDelete: (run: LabRun) => void
}

const PAGE = 50

export function HistoryList({ runs, selected, ...handlers }: HistoryListProps) {
  const [visible, setVisible] = useState(PAGE)
  if (runs.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">
        No runs yet. Every flow that reaches the token response is saved here.
      </p>
    )
  }
  return (
    <>
      <ol aria-label="Saved runs" className="space-y-2">
        {runs.slice(0, visible).map((run, i) => (
          <HistoryRow
            key={run.id}
            run={run}
            previous={runs[i + 1]}
            selected={selected.includes(run.id)}
            selectable={selected.length < 2}
            {...handlers}
          />
        ))}
      </ol>
      {runs.length > visible && (
        <Button variant="secondary" onClick={() => setVisible((v) => v + PAGE)}>
          Show more ({visible} of {runs.length} shown)
        </Button>
      )}
    </>
  )
}
