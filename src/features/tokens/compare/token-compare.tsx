import { useMemo, type ReactNode } from 'react'
import { compareRuns } from '@/lib/runs/run-views'
import type { LabRun } from '@/lib/runs/types'
import { ClaimDiffTable } from '@/features/tokens/compare/claim-diff-table'
import { RunSummaryCard } from '@/features/tokens/compare/run-summary-card'
import { TokensInFull } from '@/features/tokens/compare/tokens-in-full'

export interface TokenCompareProps {
  left: LabRun
  right: LabRun
  /** Buttons shown in the header (swap, close…). */
  actions?: ReactNode
}

export function TokenCompare({ left, right, actions }: TokenCompareProps) {
  const comparison = useMemo(() => compareRuns(left, right), [left, right])
  return (
    <section
      aria-label="Comparison"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold">Comparison</h3>
        <div className="ml-auto flex flex-wrap gap-2">{actions}</div>
      </header>
      <p
        data-diff-summary
        className="rounded-lg bg-indigo-50 px-3 py-2 text-sm font-medium text-indigo-950"
      >
        {comparison.summary}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <RunSummaryCard side="Left" run={left} />
        <RunSummaryCard
          side="Right"
          run={right}
          requestedChange={comparison.requestedScope}
          grantedChange={comparison.grantedScope}
        />
      </div>
      <p className="text-xs text-slate-500">
        Tokens are decoded, not verified. Volatile claims (times, nonce, ids) differ on every run
        and are folded with the unchanged ones.
      </p>
      {comparison.views.map((view) => (
        <ClaimDiffTable
          key={view.id}
          title={view.label}
          rows={view.rows}
          leftLabel={left.label}
          rightLabel={right.label}
          leftStatus={view.left.status}
          rightStatus={view.right.status}
        />
      ))}
      <TokensInFull left={left} right={right} />
    </section>
  )
}
