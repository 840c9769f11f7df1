import { describeClaim } from '@/lib/jwt/claims-dictionary'
import { formatClaimTime } from '@/lib/jwt/claim-time'
import { cn } from '@/lib/cn'

export interface ClaimRowProps {
  name: string
  value: unknown
  now: number
  highlight?: 'added' | 'removed' | 'changed'
}

export function ClaimRow({ name, value, now, highlight }: ClaimRowProps) {
  const info = describeClaim(name)
  const read = info.kind === 'time' ? formatClaimTime(value, now, name) : undefined
  const time = read?.ok ? read.value : undefined
  return (
    <tr
      data-claim={name}
      className={cn(
        'align-top',
        highlight === 'added' && 'bg-emerald-50',
        highlight === 'removed' && 'bg-rose-50',
        highlight === 'changed' && 'bg-amber-50',
      )}
    >
      <th
        scope="row"
        className="py-1.5 pr-3 text-left font-mono text-xs font-semibold text-violet-700"
      >
        {name}
      </th>
      <td className="py-1.5 pr-3 font-mono text-xs break-all">
        {typeof value === 'string' ? value : JSON.stringify(value)}
        {time && (
          <span className="mt-0.5 block font-sans text-slate-500">
            {time.iso} · {time.relative}
          </span>
        )}
      </td>
      <td className="py-1.5 text-xs text-slate-600">
        {info.description}
        {info.scope && <span className="ml-1 text-slate-400">(scope {info.scope})</span>}
      </td>
    </tr>
  )
}
