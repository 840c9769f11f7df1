import { useEffect, useState } from 'react'
import type { LabRun } from '@/lib/runs/types'

/** The runs of the history, kept current; empty while loading or when the history is unavailable. */
export function useEarlierRuns(enabled: boolean): readonly LabRun[] {
  const [runs, setRuns] = useState<readonly LabRun[]>([])
  useEffect(() => {
    if (!enabled) return
    let current = true
    let unsubscribe = () => {}
    // the history (IndexedDB and its schema) loads after the first page, not with it
    void import('@/lib/runs/run-store').then(({ runStore }) => {
      if (!current) return
      const load = () =>
        void runStore.list().then(
          (list) => current && setRuns(list.runs),
          // no history (IndexedDB disabled…): nothing is known from earlier runs
          () => current && setRuns([]),
        )
      load()
      unsubscribe = runStore.subscribe(load)
    })
    return () => {
      current = false
      unsubscribe()
    }
  }, [enabled])
  return runs
}
