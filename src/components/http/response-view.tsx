import { Badge } from '@/components/ui/badge'
import { CodeBlock } from '@/components/ui/code-block'
import type { HttpExchange } from '@/lib/wire/http-types'

export interface ResponseViewProps {
  exchange: HttpExchange
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

export function ResponseView({ exchange }: ResponseViewProps) {
  const { response, networkError } = exchange
  if (!response)
    return (
      <div className="space-y-1.5">
        <span className="text-xs font-medium text-slate-600">Response</span>
        <CodeBlock label="Response" className="text-rose-200">
          No HTTP response: {networkError ?? 'unknown error'}
        </CodeBlock>
      </div>
    )
  const tone = response.status < 300 ? 'pass' : response.status < 500 ? 'fail' : 'warn'
  return (
    <div className="space-y-1.5">
      <div className="flex items-center gap-2">
        <span className="text-xs font-medium text-slate-600">Response</span>
        <Badge tone={tone} data-status-code={response.status}>
          {response.status} {response.statusText}
        </Badge>
        <span className="text-xs text-slate-500">{Math.round(exchange.durationMs)} ms</span>
      </div>
      <CodeBlock label="Response">
        {Object.entries(response.headers).map(([name, value]) => (
          <span key={name}>
            <span className="text-slate-400">{name}:</span> {value}
            {'\n'}
          </span>
        ))}
        {'\n'}
        {prettyBody(response.body)}
      </CodeBlock>
    </div>
  )
}
