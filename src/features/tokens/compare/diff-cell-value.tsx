import { describeClaim } from '@/lib/jwt/claims-dictionary'
import { formatClaimTime } from '@/lib/jwt/claim-time'

export interface DiffCellValueProps {
  name: string
  value: unknown
  present: boolean
}

/** One side of a claim-diff row: the value as text (times also as ISO), or a marked absence. */
export function DiffCellValue({ name, value, present }: DiffCellValueProps) {
  if (!present) {
    return (
      <span className="text-slate-600">
        <span aria-hidden="true">—</span>
        <span className="sr-only">absent</span>
      </span>
    )
  }
  // only the absolute time is shown, so `now` does not matter
  const time = describeClaim(name).kind === 'time' ? formatClaimTime(value, 0, name) : undefined
  return (
    <>
      <span className="font-mono break-all">
        {typeof value === 'string' ? value : JSON.stringify(value)}
      </span>
      {time?.ok && <span className="block text-slate-600">{time.value.iso}</span>}
    </>
  )
}
