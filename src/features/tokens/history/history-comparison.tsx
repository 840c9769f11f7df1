import { useEffect, useRef } from 'react'
import { Button } from '@/components/ui/button'
import type { LabRun } from '@/lib/runs/types'
import { TokenCompare } from '@/features/tokens/compare/token-compare'
import { ViewCompare } from '@/features/tokens/compare/view-compare'
import type { ComparisonTarget } from '@/features/tokens/history/comparison-target'

export interface HistoryComparisonProps {
  target: ComparisonTarget
  runs: readonly LabRun[]
  onSwap: () => void
  onClose: () => void
}

const targetKey = (t: ComparisonTarget) => (t.kind === 'runs' ? t.ids.join(',') : `views:${t.id}`)

export function HistoryComparison({ target, runs, onSwap, onClose }: HistoryComparisonProps) {
  const container = useRef<HTMLDivElement>(null)
  const key = targetKey(target)
  useEffect(() => {
    container.current?.scrollIntoView?.({ block: 'start' })
  }, [key])

  const find = (id: string) => runs.find((run) => run.id === id)
  const ids = target.kind === 'runs' ? target.ids : [target.id]
  const missing = ids.filter((id) => !find(id))
  const close = (
    <Button variant="ghost" size="sm" onClick={onClose}>
      Close comparison
    </Button>
  )

  let body
  if (missing.length > 0) {
    body = (
      <div
        role="alert"
        className="flex flex-wrap items-center gap-2 rounded-lg bg-rose-50 p-3 text-sm"
      >
        <span>
          Cannot compare: {missing.map((id) => `“${id}”`).join(' and ')}{' '}
          {missing.length === 1 ? 'is' : 'are'} not in this browser&apos;s history (deleted, dropped
          by the limit, or saved in another browser).
        </span>
        {close}
      </div>
    )
  } else if (target.kind === 'views') {
    const run = find(target.id)
    body = run && <ViewCompare run={run} actions={close} />
  } else {
    const [left, right] = target.ids.map(find)
    const actions = (
      <>
        <a
          href={`#compare=${target.ids.join(',')}`}
          className="self-center text-xs text-indigo-700 underline"
        >
          Link to this comparison
        </a>
        <Button variant="secondary" size="sm" onClick={onSwap}>
          Swap sides
        </Button>
        {close}
      </>
    )
    body = left && right && <TokenCompare left={left} right={right} actions={actions} />
  }
  return (
    <div ref={container} className="scroll-mt-4">
      {body}
    </div>
  )
}
