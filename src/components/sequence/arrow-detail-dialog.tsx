import { useEffect, useRef } from 'react'
import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import type { HttpExchange } from '@/lib/wire/http-types'
import type { SequenceArrow } from '@/lib/sequence/sequence-layout'

export interface ArrowDetailDialogProps {
  arrow: SequenceArrow
  /** The recorded exchange behind an exchange arrow. */
  exchange: HttpExchange | undefined
  /** The URL of a redirect arrow. */
  url: string | undefined
  onClose: () => void
}

function queryPairs(url: string): [string, string][] {
  try {
    const parsed = new URL(url)
    return [...new URLSearchParams(parsed.search || parsed.hash.slice(1))]
  } catch {
    return []
  }
}

/** The raw request and response of one arrow (or the URL of a redirect), in a modal dialog. */
export function ArrowDetailDialog({ arrow, exchange, url, onClose }: ArrowDetailDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal?.()
  }, [])
  const titleId = `arrow-${arrow.index}-title`
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-exchange-detail={arrow.id}
      onClose={onClose}
      className="m-auto w-[min(56rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <header className="flex items-start justify-between gap-3 border-b border-slate-100 px-5 py-3">
        <h3 id={titleId} className="font-mono text-sm font-semibold break-all">
          {arrow.title}
        </h3>
        <Button variant="secondary" size="sm" onClick={onClose}>
          Close
        </Button>
      </header>
      <div className="max-h-[75vh] space-y-3 overflow-y-auto px-5 py-4">
        {exchange && (
          <>
            <RequestView spec={exchange.request} />
            <ResponseView exchange={exchange} />
          </>
        )}
        {!exchange && url && (
          <>
            <p className="text-sm text-slate-600">
              A browser navigation, not a request the lab sent: the lab recorded its URL.
            </p>
            <CodeBlock label="Redirect URL">{url}</CodeBlock>
            <table className="text-xs">
              <tbody>
                {queryPairs(url).map(([name, value], i) => (
                  <tr key={`${name}-${i}`} data-param={name}>
                    <th className="pr-3 text-left font-mono font-medium">{name}</th>
                    <td className="font-mono break-all">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {!exchange && !url && (
          <p className="text-sm text-slate-600">This exchange is no longer in the log.</p>
        )}
      </div>
    </dialog>
  )
}
