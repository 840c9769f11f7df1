import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import type { ClaimDiffRow } from '@/lib/jwt/compare-claims'
import { ClaimDiffTableRow } from '@/features/tokens/compare/claim-diff-table-row'

export interface ClaimDiffTableProps {
  /** The table's accessible name, e.g. `ID token`. */
  title: string
  rows: ClaimDiffRow[]
  leftLabel: string
  rightLabel: string
  /** Why a side has no claims, or what they came with (e.g. `HTTP 403`). */
  leftStatus?: string
  rightStatus?: string
}

const isFolded = (row: ClaimDiffRow) =>
  row.status === 'unchanged' || row.status === 'volatile_changed'

function ColumnHeader({ side, label, status }: { side: string; label: string; status?: string }) {
  return (
    <th scope="col" className="w-[38%] py-1.5 pr-3 text-left font-medium">
      <span className="block text-[11px] tracking-wide text-slate-500 uppercase">{side}</span>
      <span className="line-clamp-2 break-all">{label}</span>
      {status && <span className="block font-normal text-slate-600">{status}</span>}
    </th>
  )
}

export function ClaimDiffTable(props: ClaimDiffTableProps) {
  const { title, rows, leftLabel, rightLabel, leftStatus, rightStatus } = props
  const [expanded, setExpanded] = useState(false)
  const headingId = useId()
  const bodyId = useId()
  const changed = rows.filter((row) => !isFolded(row))
  const folded = rows.filter(isFolded)
  const volatile = folded.filter((row) => row.status === 'volatile_changed').map((row) => row.name)
  const shown = expanded ? [...changed, ...folded] : changed
  return (
    <div className="space-y-2" data-view={title}>
      <h4 id={headingId} className="text-sm font-semibold">
        {title}
      </h4>
      {rows.length === 0 ? (
        <p className="text-xs text-slate-500">
          No claims on either side ({leftStatus ?? 'none'} · {rightStatus ?? 'none'}).
        </p>
      ) : (
        <table aria-labelledby={headingId} className="w-full table-fixed text-xs">
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="w-[24%] py-1.5 pr-3 pl-2 text-left font-medium">
                Claim
              </th>
              <ColumnHeader side="Left" label={leftLabel} status={leftStatus} />
              <ColumnHeader side="Right" label={rightLabel} status={rightStatus} />
            </tr>
          </thead>
          <tbody id={bodyId} className="divide-y divide-slate-100">
            {shown.map((row) => (
              <ClaimDiffTableRow key={row.name} row={row} />
            ))}
            {changed.length === 0 && !expanded && (
              <tr>
                <td colSpan={3} className="py-1.5 pl-2 text-slate-500">
                  No claim differs.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {folded.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={() => setExpanded((e) => !e)}
          >
            {`${expanded ? 'Hide' : 'Show'} ${folded.length} unchanged claim${folded.length === 1 ? '' : 's'}`}
          </Button>
          {volatile.length > 0 && (
            <span>
              {volatile.length} of them changed but are volatile ({volatile.join(', ')}): they
              differ on every run.
            </span>
          )}
        </div>
      )}
    </div>
  )
}
