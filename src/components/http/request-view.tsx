import { useState } from 'react'
import { CodeBlock } from '@/components/ui/code-block'
import type { HttpRequestSpec } from '@/lib/http/types'

export interface RequestViewProps {
  spec: HttpRequestSpec
  label?: string
}

const MASK = '••••••••'

/** The request exactly as it goes on the wire; secrets masked until the user reveals them. */
export function RequestView({ spec, label = 'Request' }: RequestViewProps) {
  const [reveal, setReveal] = useState(false)
  const secret = new Set((spec.secretFields ?? []).map((f) => f.toLowerCase()))
  const hasSecret = secret.size > 0
  const show = (name: string, value: string) =>
    !reveal && secret.has(name.toLowerCase()) ? MASK : value
  const url = new URL(spec.url)
  const body = spec.form
    ?.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(show(k, v))}`)
    .join('&')
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
        {Object.entries(spec.headers).map(([name, value]) => (
          <span key={name}>
            {'\n'}
            <span className="text-slate-400">{name}:</span> {show(name, value)}
          </span>
        ))}
        {body !== undefined && (
          <>
            {'\n\n'}
            {body}
          </>
        )}
      </CodeBlock>
      {spec.form && (
        <table className="w-full text-left text-xs">
          <tbody className="divide-y divide-slate-100">
            {spec.form.map(([name, value]) => (
              <tr key={name}>
                <td className="py-1 pr-3 font-mono font-medium">{name}</td>
                <td className="py-1 font-mono break-all">{show(name, value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
