import { cn } from '@/lib/cn'
import { formatClaimTime } from '@/lib/jwt/claim-time'

export interface ClaimTimeNoteProps {
  name: string
  value: unknown
  now: number
}

/** ISO date and relative wording of a time claim, with warnings (milliseconds, strings…). */
export function ClaimTimeNote({ name, value, now }: ClaimTimeNoteProps) {
  const read = formatClaimTime(value, now, name)
  if (!read.ok) {
    return <span className="block font-sans text-amber-700">⚠ {read.error.message}</span>
  }
  const time = read.value
  const past = time.deltaSeconds < 0
  const alarming = (name === 'exp' && past) || (name === 'nbf' && !past)
  return (
    <span className="mt-0.5 block font-sans">
      <span className="text-slate-600" title={new Date(time.seconds * 1000).toString()}>
        {time.iso.replace('.000Z', 'Z')}
      </span>{' '}
      ·{' '}
      <span
        data-time-relative
        className={cn('font-medium', alarming ? 'text-rose-700' : 'text-slate-700')}
      >
        {time.relative}
      </span>
      {time.warnings.map((warning) => (
        <span key={warning} data-time-warning className="block text-amber-700">
          ⚠ {warning}
        </span>
      ))}
    </span>
  )
}
