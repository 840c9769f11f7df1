export interface UndecodedPartProps {
  name: string
  /** The decoded UTF-8 text, when base64url decoding got that far. */
  text: string | undefined
}

export function UndecodedPart({ name, text }: UndecodedPartProps) {
  return (
    <div className="space-y-1 text-xs">
      <p className="text-rose-700">The {name} could not be decoded as a JSON object.</p>
      {text !== undefined && (
        <>
          <p className="text-slate-600">What it decodes to (UTF-8 text):</p>
          <pre className="overflow-x-auto rounded bg-slate-100 p-2 font-mono break-all whitespace-pre-wrap">
            {text}
          </pre>
        </>
      )}
    </div>
  )
}
