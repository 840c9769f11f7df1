import { useEffect, useState } from 'react'
import { runStore } from '@/lib/runs/run-store'
import type { LabRun } from '@/lib/runs/types'

/** The runs of the history, kept current; empty while loading or when the history is unavailable. */
export function useEarlierRuns(enabled: boolean): readonly LabRun[] {
  const [runs, setRuns] = useState<readonly LabRun[]>([])
  useEffect(() => {
    if (!enabled) return
    let current = true
    const load = () =>
      void runStore.list().then(
        (list) => current && setRuns(list.runs),
        // no history (IndexedDB disabled…): nothing is known from earlier runs
        () => current && setRuns([]),
      )
    load()
    const unsubscribe = runStore.subscribe(load)
    return () => {
      current = false
      unsubscribe()
    }
  }, [enabled])
  return runs
}
