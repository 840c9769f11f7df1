import { useState } from 'react'
import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import type { HttpExchange } from '@/lib/wire/http-types'
import { downloadText } from '@/lib/download'
import { toHar } from '@/lib/http/har'
import { toCurl } from '@/lib/oidc/curl'

export interface ExchangeListProps {
  exchanges: readonly HttpExchange[]
  onClear: () => void
}

function statusTone(x: HttpExchange) {
  if (!x.response) return 'fail' as const
  if (x.response.status < 300) return 'pass' as const
  return x.response.status < 500 ? ('fail' as const) : ('warn' as const)
}

function downloadHar(exchanges: readonly HttpExchange[], hideTokens: boolean) {
  const har = toHar(exchanges, { redact: { tokens: hideTokens } })
  downloadText('oidc-lab.har', 'application/json', JSON.stringify(har, null, 2))
}

export function ExchangeList({ exchanges, onClear }: ExchangeListProps) {
  const [openId, setOpenId] = useState<string | null>(null)
  const [revealInCurl, setRevealInCurl] = useState(false)
  const [hideTokens, setHideTokens] = useState(true)
  return (
    <section aria-label="Exchange log" className="rounded-xl border border-slate-200 bg-white">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <h2 className="font-semibold">HTTP exchanges</h2>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-1.5 text-xs text-slate-600">
            <input
              type="checkbox"
              checked={revealInCurl}
              onChange={(e) => setRevealInCurl(e.target.checked)}
            />
            Include secrets in cURL
          </label>
          <Button
            variant="secondary"
            size="sm"
            disabled={exchanges.length === 0}
            title="Client secrets are always masked; tokens only when ticked"
            onClick={() => downloadHar(exchanges, hideTokens)}
          >
            Download HAR
          </Button>
          <label className="flex items-center gap-1.5 text-xs text-slate-600">
            <input
              type="checkbox"
              checked={hideTokens}
              onChange={(e) => setHideTokens(e.target.checked)}
            />
            Mask tokens in HAR
          </label>
          <Button variant="ghost" size="sm" onClick={onClear} disabled={exchanges.length === 0}>
            Clear
          </Button>
        </div>
      </header>
      {exchanges.length === 0 && (
        <p className="px-4 py-3 text-sm text-slate-500">
          Every request the lab sends appears here.
        </p>
      )}
      <ol className="divide-y divide-slate-100">
        {exchanges.map((x) => (
          <li key={x.id} data-exchange={x.stepId} data-exchange-id={x.id}>
            <button
              type="button"
              onClick={() => setOpenId(openId === x.id ? null : x.id)}
              aria-expanded={openId === x.id}
              className="flex w-full items-center gap-3 px-4 py-2 text-left text-sm hover:bg-slate-50"
            >
              <Badge tone={statusTone(x)} className="w-12 justify-center">
                {x.response?.status ?? 'ERR'}
              </Badge>
              <span className="w-12 font-mono text-xs font-semibold">{x.request.method}</span>
              <span className="flex-1 truncate font-mono text-xs">{x.request.url}</span>
              <span className="text-xs text-slate-500">{x.stepId}</span>
              <span className="w-14 text-right text-xs text-slate-500">
                {Math.round(x.durationMs)} ms
              </span>
            </button>
            {openId === x.id && (
              <div className="space-y-3 bg-slate-50/60 px-4 py-3">
                <CopyButton
                  text={toCurl(x.request, { revealSecrets: revealInCurl })}
                  label="Copy as cURL"
                />
                <RequestView spec={x.request} />
                <ResponseView exchange={x} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
