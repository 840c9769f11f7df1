export interface ResponseSummaryProps {
  fields: [name: string, value: string][]
  notes: string[]
  tokenCount: number
}

/** One line about a pasted token response: how many tokens, and its other fields. */
export function ResponseSummary({ fields, notes, tokenCount }: ResponseSummaryProps) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs text-slate-700">
      <p>
        <span className="font-semibold">Token response</span> with {tokenCount} token
        {tokenCount === 1 ? '' : 's'}
        {fields.map(([name, value]) => (
          <span key={name}>
            {' · '}
            <code className="font-mono text-slate-500">{name}</code>{' '}
            <code className="font-mono">{value}</code>
          </span>
        ))}
      </p>
      {notes.map((note) => (
        <p key={note} className="text-amber-700">
          Note: {note}.
        </p>
      ))}
    </div>
  )
}
