import { Badge } from '@/components/ui/badge'
import { MATRIX_SOURCES, SOURCE_LABELS, type ScopeMatrix } from '@/lib/matrix/build-matrix'
import { cn } from '@/lib/cn'

export interface MatrixTableProps {
  matrix: ScopeMatrix
  showStable: boolean
}

const SHORT = { id_token: 'ID', access_token: 'AT', userinfo: 'UI' } as const

function statusTone(status: number | undefined) {
  if (status === undefined) return 'skip' as const
  return status < 300 ? ('pass' as const) : ('fail' as const)
}

export function MatrixTable({ matrix, showStable }: MatrixTableProps) {
  const rows = showStable ? matrix.rows : matrix.rows.filter((r) => r.varies)
  return (
    // wide matrices scroll sideways: focusable and named so the keyboard can scroll them too
    <div
      tabIndex={0}
      role="group"
      aria-label="Matrix, scrolls sideways"
      className="overflow-x-auto rounded-xl border border-slate-200 bg-white"
    >
      <table aria-label="Scope to claims matrix" className="w-full border-collapse text-xs">
        <thead>
          <tr className="bg-slate-50">
            <th rowSpan={2} className="sticky left-0 bg-slate-50 px-3 py-2 text-left font-semibold">
              Claim
            </th>
            {matrix.sets.map((set, i) => (
              <th
                key={i}
                colSpan={3}
                data-set={i}
                className="border-l border-slate-200 px-2 py-2 text-center align-top"
              >
                <span className="block font-mono font-semibold">{set.scopes.join(' ')}</span>
                {set.error ? (
                  <Badge tone="fail" className="mt-1" data-set-error={set.error}>
                    {set.error}
                  </Badge>
                ) : (
                  <Badge
                    tone={statusTone(set.userinfoStatus)}
                    className="mt-1"
                    data-userinfo-status={set.userinfoStatus ?? ''}
                  >
                    userinfo {set.userinfoStatus ?? '—'}
                  </Badge>
                )}
              </th>
            ))}
          </tr>
          <tr className="bg-slate-50 text-slate-500">
            {matrix.sets.flatMap((_, i) =>
              MATRIX_SOURCES.map((source) => (
                <th
                  key={`${i}-${source}`}
                  title={SOURCE_LABELS[source]}
                  className={cn(
                    'px-1.5 py-1 font-medium',
                    source === 'id_token' && 'border-l border-slate-200',
                  )}
                >
                  {SHORT[source]}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr
              key={row.claim}
              data-claim={row.claim}
              className={cn(row.varies && 'bg-indigo-50/30')}
            >
              <th
                scope="row"
                className="sticky left-0 bg-white px-3 py-1.5 text-left font-mono font-medium whitespace-nowrap"
              >
                {row.claim}
                {row.scope && (
                  <span className="ml-1.5 font-sans text-[10px] text-slate-600">{row.scope}</span>
                )}
              </th>
              {row.cells.flatMap((cell, i) =>
                MATRIX_SOURCES.map((source) => (
                  <td
                    key={`${i}-${source}`}
                    data-set={i}
                    data-source={source}
                    data-present={cell[source].present}
                    title={
                      cell[source].present
                        ? JSON.stringify(cell[source].value)
                        : `not in ${SOURCE_LABELS[source]}`
                    }
                    className={cn(
                      'px-1.5 py-1.5 text-center',
                      source === 'id_token' && 'border-l border-slate-200',
                    )}
                  >
                    {cell[source].present ? (
                      <span
                        role="img"
                        className="inline-block size-3 rounded-full bg-emerald-500"
                        aria-label="present"
                      />
                    ) : (
                      <span
                        role="img"
                        className="inline-block size-3 rounded-full border border-slate-500"
                        aria-label="absent"
                      />
                    )}
                  </td>
                )),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
