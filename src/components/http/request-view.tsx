import { useState } from 'react'
import { CodeBlock } from '@/components/ui/code-block'
import type { HttpRequestSpec } from '@/lib/wire/http-types'
import { formBodyForDisplay, maskSpec } from '@/lib/wire/mask'

export interface RequestViewProps {
  spec: HttpRequestSpec
  label?: string
}

/** The request exactly as it goes on the wire; secrets masked until the user reveals them. */
export function RequestView({ spec, label = 'Request' }: RequestViewProps) {
  const [reveal, setReveal] = useState(false)
  const hasSecret = (spec.secretFields ?? []).length > 0
  const shown = reveal ? spec : maskSpec(spec)
  const url = new URL(spec.url)
  const body = formBodyForDisplay(spec, reveal)
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-slate-600">{label}</span>
        {hasSecret && (
          <label className="flex items-center gap-1.5 text-xs text-slate-600">
            <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
            Reveal secrets
          </label>
        )}
      </div>
      <CodeBlock label={label}>
        <span className="text-sky-300">{spec.method}</span> {url.pathname + url.search}{' '}
        <span className="text-slate-400">HTTP/1.1</span>
        {'\n'}
        <span className="text-slate-400">Host:</span> {url.host}
        {Object.entries(shown.headers).map(([name, value]) => (
          <span key={name}>
            {'\n'}
            <span className="text-slate-400">{name}:</span> {value}
          </span>
        ))}
        {body !== undefined && (
          <>
            {'\n\n'}
            {body}
          </>
        )}
      </CodeBlock>
      {shown.form && (
        <table className="w-full text-left text-xs">
          <tbody className="divide-y divide-slate-100">
            {shown.form.map(([name, value]) => (
              <tr key={name}>
                <td className="py-1 pr-3 font-mono font-medium">{name}</td>
                <td className="py-1 font-mono break-all">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
