import { revealInvisible } from '@/lib/jwt/invisible-characters'

/** A string isolated from the text around it, its invisible characters shown as code points. */
function IsolatedText({ value }: { value: string }) {
  return (
    <bdi className="break-all whitespace-pre-line text-slate-900">
      {revealInvisible(value).map((part, i) =>
        'text' in part ? (
          part.text
        ) : (
          <span
            key={i}
            data-invisible={part.invisible}
            title="An invisible character that changes how the text is shown"
            className="mx-px rounded bg-amber-100 px-0.5 font-mono text-[0.7em] text-amber-900"
          >
            {part.invisible}
          </span>
        ),
      )}
    </bdi>
  )
}

/** A JSON scalar, coloured by type; empty strings and null are spelled out. */
export function ClaimPrimitive({ value }: { value: unknown }) {
  if (value === null) return <span className="text-slate-500 italic">null</span>
  if (typeof value === 'string') {
    return value === '' ? (
      <span className="text-slate-500 italic">empty string</span>
    ) : (
      <IsolatedText value={value} />
    )
  }
  if (typeof value === 'boolean') return <span className="text-amber-700">{String(value)}</span>
  if (typeof value === 'number') return <span className="text-sky-700">{String(value)}</span>
  return <span className="break-all">{JSON.stringify(value) ?? typeof value}</span>
}
