import { useId, useMemo, useState, type ReactNode } from 'react'
import {
  compareViews,
  RUN_VIEW_IDS,
  RUN_VIEW_LABELS,
  runViews,
  type RunViewId,
} from '@/lib/runs/run-views'
import type { LabRun } from '@/lib/runs/types'
import { AlignedJson } from '@/components/jwt/aligned-json'
import { ClaimDiffTable } from '@/features/tokens/compare/claim-diff-table'
import { NothingToCompare, emptySide } from '@/features/tokens/compare/nothing-to-compare'
import { RawTokensNote } from '@/features/tokens/compare/raw-tokens-note'
import { UserinfoAnswers } from '@/features/tokens/compare/userinfo-answers'

export interface ViewCompareProps {
  run: LabRun
  actions?: ReactNode
}

function ViewSelect(props: { label: string; value: RunViewId; onChange: (id: RunViewId) => void }) {
  const id = useId()
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-600">
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => {
          const next = RUN_VIEW_IDS.find((view) => view === e.target.value)
          if (next) props.onChange(next)
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        {RUN_VIEW_IDS.map((view) => (
          <option key={view} value={view}>
            {RUN_VIEW_LABELS[view]}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Two views of one run side by side: ID token vs userinfo vs access token. */
export function ViewCompare({ run, actions }: ViewCompareProps) {
  const [leftId, setLeftId] = useState<RunViewId>('id_token')
  const [rightId, setRightId] = useState<RunViewId>('userinfo')
  const views = useMemo(() => runViews(run), [run])
  const left = views.find((v) => v.id === leftId)
  const right = views.find((v) => v.id === rightId)
  const comparison = useMemo(
    () => (left && right ? compareViews(left, right) : undefined),
    [left, right],
  )
  const readable = views.filter((v) => v.claims)
  const empty = left && right ? emptySide(left, right) : undefined
  return (
    <section
      aria-label="View comparison"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold">Views of one run</h3>
        <span className="truncate text-sm text-slate-600">{run.label}</span>
        <div className="ml-auto flex flex-wrap gap-2">{actions}</div>
      </header>
      <RawTokensNote runs={[{ run }]} />
      {readable.length < 2 ? (
        <NothingToCompare views={views} />
      ) : (
        <div className="flex flex-wrap gap-4">
          <ViewSelect label="Left view" value={leftId} onChange={setLeftId} />
          <ViewSelect label="Right view" value={rightId} onChange={setRightId} />
        </div>
      )}
      {readable.length >= 2 && comparison && left && right && (
        <>
          <p
            data-diff-summary
            className="rounded-lg bg-indigo-50 px-3 py-2 text-sm font-medium text-indigo-950"
          >
            {empty ?? comparison.summary}
          </p>
          <ClaimDiffTable
            title={`${left.label} vs ${right.label}`}
            rows={comparison.rows}
            leftLabel={left.label}
            rightLabel={right.label}
            leftStatus={left.status}
            rightStatus={right.status}
          />
          <AlignedJson
            title={`${left.label} vs ${right.label} in full`}
            leftLabel={left.label}
            rightLabel={right.label}
            {...(left.claims ? { left: left.claims } : {})}
            {...(right.claims ? { right: right.claims } : {})}
            {...(left.status ? { leftNote: left.status } : {})}
            {...(right.status ? { rightNote: right.status } : {})}
          />
          {(leftId === 'userinfo' || rightId === 'userinfo') && <UserinfoAnswers runs={[run]} />}
        </>
      )}
    </section>
  )
}
