import { ClaimTimeNote } from '@/components/jwt/claim-time-note'
import { ClaimValue } from '@/components/jwt/claim-value'
import { SourceBadge } from '@/components/jwt/source-badge'
import { cn } from '@/lib/cn'
import { describeClaim } from '@/lib/jwt/claims-dictionary'

export interface ClaimRowProps {
  name: string
  value: unknown
  now: number
  highlight?: 'added' | 'removed' | 'changed'
  /** `header` rows describe JOSE header parameters and carry `data-header-param`, not `data-claim`. */
  where?: 'payload' | 'header'
}

export function ClaimRow({ name, value, now, highlight, where = 'payload' }: ClaimRowProps) {
  const info = describeClaim(name, where)
  const time = info.kind === 'time' && where === 'payload'
  const marker = where === 'header' ? { 'data-header-param': name } : { 'data-claim': name }
  return (
    <tr
      {...marker}
      className={cn(
        'align-top',
        highlight === 'added' && 'bg-emerald-50',
        highlight === 'removed' && 'bg-rose-50',
        highlight === 'changed' && 'bg-amber-50',
      )}
    >
      <th scope="row" className="w-0 py-2 pr-3 text-left align-top font-normal">
        <span className="block font-mono text-xs font-semibold whitespace-nowrap text-violet-700">
          {name}
        </span>
        <span className="mt-0.5 block">
          <SourceBadge source={info.source} specLink={info.specLink} />
        </span>
      </th>
      <td className="py-2 text-xs">
        <div className="font-mono">
          <ClaimValue value={value} />
          {time && <ClaimTimeNote name={name} value={value} now={now} />}
        </div>
        <p className="mt-1 text-slate-600">
          {info.description}
          {info.scope && (
            <span
              data-claim-scope={info.scope}
              className="ml-1.5 inline-flex rounded bg-emerald-50 px-1 font-mono text-[10px] whitespace-nowrap text-emerald-800 ring-1 ring-emerald-200"
              title={`Usually brought by the ${info.scope} scope`}
            >
              scope {info.scope}
            </span>
          )}
        </p>
      </td>
    </tr>
  )
}
