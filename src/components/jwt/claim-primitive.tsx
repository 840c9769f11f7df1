/** A JSON scalar, coloured by type; empty strings and null are spelled out. */
export function ClaimPrimitive({ value }: { value: unknown }) {
  if (value === null) return <span className="text-slate-400 italic">null</span>
  if (typeof value === 'string') {
    return value === '' ? (
      <span className="text-slate-400 italic">empty string</span>
    ) : (
      <span className="break-all whitespace-pre-line text-slate-900">{value}</span>
    )
  }
  if (typeof value === 'boolean') return <span className="text-amber-700">{String(value)}</span>
  if (typeof value === 'number') return <span className="text-sky-700">{String(value)}</span>
  return <span className="break-all">{JSON.stringify(value) ?? typeof value}</span>
}
