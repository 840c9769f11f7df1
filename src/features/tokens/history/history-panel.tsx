import { useCallback, useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { runStore as appRunStore, type RunStore } from '@/lib/runs/run-store'
import type { LabRun } from '@/lib/runs/types'
import { ClearAllButton } from '@/features/tokens/history/clear-all-button'
import type { ComparisonTarget } from '@/features/tokens/history/comparison-target'
import { HistoryComparison } from '@/features/tokens/history/history-comparison'
import { ForeignStorageNotice } from '@/features/tokens/history/foreign-storage-notice'
import { HistoryNotices } from '@/features/tokens/history/history-notices'
import { HistoryList } from '@/features/tokens/history/history-list'
import { HistoryTransfer } from '@/features/tokens/history/history-transfer'
import { KeepRawTokensToggle } from '@/features/tokens/history/keep-raw-tokens-toggle'
import { useRuns } from '@/features/tokens/history/use-runs'

export interface HistoryPanelProps {
  /** Run ids to open side by side (left, right), e.g. from `#compare=<idA>,<idB>`. */
  compare?: [string, string]
  /** Called when the user opens or closes a comparison of two runs (to update the URL). */
  onCompareChange?: (ids: [string, string] | undefined) => void
  store?: RunStore
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function HistoryPanel({ compare, onCompareChange, store = appRunStore }: HistoryPanelProps) {
  const state = useRuns(store)
  const titleId = useId()
  const compareKey = compare?.join(',')
  const [seenKey, setSeenKey] = useState(compareKey)
  const [target, setTarget] = useState<ComparisonTarget | undefined>(
    compare && { kind: 'runs', ids: compare },
  )
  if (compareKey !== seenKey) {
    setSeenKey(compareKey)
    setTarget(compare && { kind: 'runs', ids: compare })
  }
  const [selected, setSelected] = useState<string[]>([])
  const [deleted, setDeleted] = useState<LabRun>()
  const [error, setError] = useState<string>()

  const act = useCallback((work: Promise<unknown>) => {
    setError(undefined)
    work.catch((e: unknown) => setError(`The history could not be updated: ${message(e)}`))
  }, [])
  const openRuns = useCallback(
    (left: string, right: string) => {
      setTarget({ kind: 'runs', ids: [left, right] })
      onCompareChange?.([left, right])
    },
    [onCompareChange],
  )
  const closeComparison = () => {
    if (target?.kind === 'runs') onCompareChange?.(undefined)
    setTarget(undefined)
  }
  const toggle = useCallback((id: string) => {
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)))
  }, [])
  const openViews = useCallback((id: string) => setTarget({ kind: 'views', id }), [])
  const rename = useCallback(
    (id: string, label: string) => act(store.rename(id, label)),
    [act, store],
  )
  const remove = useCallback(
    (run: LabRun) => {
      setDeleted(run)
      act(store.remove(run.id))
    },
    [act, store],
  )

  if (state.status === 'loading') return <p className="p-4 text-sm text-slate-500">Loading runs…</p>
  if (state.status === 'error') {
    return (
      <p role="alert" className="m-4 rounded-lg bg-rose-50 p-3 text-sm text-rose-900">
        The run history cannot be read: {state.message}
      </p>
    )
  }
  const { runs, skipped, dropped, foreign } = state
  const chosen = selected.filter((id) => runs.some((run) => run.id === id))
  const compareSelected = () => {
    // older on the left, so that what the newer run gained reads as "added"
    const [a, b] = runs.filter((run) => chosen.includes(run.id)).reverse()
    if (a && b) openRuns(a.id, b.id)
  }

  return (
    <div className="space-y-4">
      {foreign && <ForeignStorageNotice reason={foreign} onRepair={() => store.repair()} />}
      <HistoryNotices
        dropped={dropped}
        skipped={skipped}
        deleted={deleted}
        error={error}
        onDismissDropped={() => act(store.dismissDropped())}
        onRemoveSkipped={() => act(Promise.all(skipped.map((s) => store.remove(s.key))))}
        onUndoDelete={() => {
          if (deleted) act(store.save(deleted))
          setDeleted(undefined)
        }}
      />
      {target && (
        <HistoryComparison
          target={target}
          runs={runs}
          onSwap={() => target.kind === 'runs' && openRuns(target.ids[1], target.ids[0])}
          onClose={closeComparison}
        />
      )}
      <section aria-labelledby={titleId} className="space-y-3">
        <header className="flex flex-wrap items-center gap-2">
          <h2 id={titleId} className="text-lg font-semibold">
            Run history
          </h2>
          <span className="text-sm text-slate-500">
            {runs.length} saved in this browser · select two to compare
          </span>
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <Button size="sm" disabled={chosen.length !== 2} onClick={compareSelected}>
              Compare selected
            </Button>
            <ClearAllButton
              count={runs.length + skipped.length}
              onConfirm={() => {
                setSelected([])
                setTarget(undefined)
                act(store.clear())
              }}
            />
          </div>
        </header>
        <KeepRawTokensToggle />
        <HistoryTransfer runs={runs} store={store} />
        <HistoryList
          runs={runs}
          selected={chosen}
          onToggle={toggle}
          onCompare={openRuns}
          onCompareViews={openViews}
          onRename={rename}
          onDelete={remove}
        />
      </section>
    </div>
  )
}
