import { ClaimRow } from '@/components/jwt/claim-row'

export interface ClaimsTableProps {
  claims: Record<string, unknown>
  now: number
  where?: 'payload' | 'header'
  /** Accessible name of the table, e.g. `Payload claims`. */
  label: string
}

export function ClaimsTable({ claims, now, where = 'payload', label }: ClaimsTableProps) {
  const entries = Object.entries(claims)
  if (entries.length === 0) {
    return <p className="text-xs text-slate-500 italic">{`${label}: none (an empty object).`}</p>
  }
  return (
    <table aria-label={label} className="w-full table-auto">
      <tbody className="divide-y divide-slate-100">
        {entries.map(([name, value]) => (
          <ClaimRow key={name} name={name} value={value} now={now} where={where} />
        ))}
      </tbody>
    </table>
  )
}
