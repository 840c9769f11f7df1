import type { ClaimDiffRow, ClaimDiffStatus } from '@/lib/jwt/compare-claims'
import { describeClaim } from '@/lib/jwt/claims-dictionary'
import { cn } from '@/lib/cn'
import { DiffCellValue } from '@/features/tokens/compare/diff-cell-value'

const STYLE: Record<ClaimDiffStatus, { mark: string; word: string; row: string }> = {
  added: { mark: '+', word: 'added', row: 'bg-emerald-50 text-emerald-950' },
  removed: { mark: '−', word: 'removed', row: 'bg-rose-50 text-rose-950' },
  changed: { mark: '~', word: 'changed', row: 'bg-amber-50 text-amber-950' },
  volatile_changed: {
    mark: '≈',
    word: 'volatile, differs on every run',
    row: 'text-slate-500',
  },
  unchanged: { mark: '', word: 'unchanged', row: 'text-slate-700' },
}

export function ClaimDiffTableRow({ row }: { row: ClaimDiffRow }) {
  const info = describeClaim(row.name)
  const style = STYLE[row.status]
  const title = info.scope ? `${info.description} (scope ${info.scope})` : info.description
  return (
    <tr data-claim={row.name} data-diff={row.status} className={cn('align-top', style.row)}>
      <th scope="row" title={title} className="py-1.5 pr-3 pl-2 text-left font-normal">
        <span aria-hidden="true" className="inline-block w-3 font-mono font-bold">
          {style.mark}
        </span>
        <code className="cursor-help font-mono font-semibold">{row.name}</code>
        <span className="sr-only"> ({style.word})</span>
      </th>
      <td className="py-1.5 pr-3">
        <DiffCellValue name={row.name} value={row.left} present={Object.hasOwn(row, 'left')} />
      </td>
      <td className="py-1.5 pr-2">
        <DiffCellValue name={row.name} value={row.right} present={Object.hasOwn(row, 'right')} />
      </td>
    </tr>
  )
}
