import { useMemo, useState, type MouseEvent } from 'react'
import {
  layoutSequence,
  type SequenceArrow,
  type SequenceInput,
} from '@/lib/sequence/sequence-layout'
import { renderSequenceSvg } from '@/lib/sequence/sequence-svg'
import { ArrowDetailDialog } from '@/components/sequence/arrow-detail-dialog'

export type SequenceDiagramProps = SequenceInput

/**
 * The run as a sequence diagram: the SVG comes from the same string renderer as the report; a
 * click on an arrow opens its raw request and response. The list under it says the same in words
 * and opens the same details from the keyboard.
 */
export function SequenceDiagram({ exchanges, redirects, endpoints }: SequenceDiagramProps) {
  const layout = useMemo(
    () =>
      layoutSequence({
        exchanges,
        ...(redirects ? { redirects } : {}),
        ...(endpoints ? { endpoints } : {}),
      }),
    [exchanges, redirects, endpoints],
  )
  const svg = useMemo(() => renderSequenceSvg(layout), [layout])
  const [openId, setOpenId] = useState<string | null>(null)
  const open = layout.arrows.find((a) => a.id === openId)
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = (event.target as Element).closest('[data-exchange]')
    const id = target?.getAttribute('data-exchange')
    if (id) setOpenId(id)
  }
  return (
    <div className="space-y-3">
      <div
        // it scrolls sideways on a narrow screen: reachable and named for the keyboard
        tabIndex={0}
        role="group"
        aria-label="Diagram, scrolls sideways"
        className="overflow-x-auto rounded-lg border border-slate-200"
        onClick={onClick}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p className="text-xs text-slate-500">
        Click an arrow to see its raw request and response. A failed exchange is drawn dashed and
        thicker, marked ✕ with its status.
      </p>
      <ArrowList arrows={layout.arrows} onOpen={setOpenId} />
      {open && (
        <ArrowDetailDialog
          arrow={open}
          exchange={exchanges.find((x) => x.id === open.id)}
          url={redirects?.find((r) => r.id === open.id)?.url}
          onClose={() => setOpenId(null)}
        />
      )}
    </div>
  )
}

function ArrowList({
  arrows,
  onOpen,
}: {
  arrows: readonly SequenceArrow[]
  onOpen: (id: string) => void
}) {
  if (arrows.length === 0) return null
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600">The diagram in words</summary>
      <ol className="mt-2 space-y-1 font-mono text-xs">
        {arrows.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="text-left text-indigo-700 underline"
              onClick={() => onOpen(a.id)}
            >
              {a.title}
            </button>
            {a.failed && <span className="ml-2 font-sans font-semibold text-rose-700">failed</span>}
          </li>
        ))}
      </ol>
    </details>
  )
}
