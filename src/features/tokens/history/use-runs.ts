import { useSyncExternalStore } from 'react'
import { runStore, type RunList, type RunStore } from '@/lib/runs/run-store'

export type RunsState =
  { status: 'loading' } | ({ status: 'ready' } & RunList) | { status: 'error'; message: string }

interface RunsSource {
  subscribe: (listener: () => void) => () => void
  getSnapshot: () => RunsState
}

const LOADING: RunsState = { status: 'loading' }
const sources = new WeakMap<RunStore, RunsSource>()

/** Reloads the list on every store change while someone listens; the latest load wins. */
function createRunsSource(store: RunStore): RunsSource {
  let snapshot = LOADING
  let latest = 0
  let unsubscribeStore: (() => void) | undefined
  const listeners = new Set<() => void>()

  const set = (next: RunsState) => {
    snapshot = next
    for (const listener of [...listeners]) listener()
  }

  const load = () => {
    const requestId = ++latest
    store.list().then(
      (list) => {
        if (requestId === latest) set({ status: 'ready', ...list })
      },
      (error: unknown) => {
        if (requestId !== latest) return
        set({ status: 'error', message: error instanceof Error ? error.message : String(error) })
      },
    )
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      if (!unsubscribeStore) {
        unsubscribeStore = store.subscribe(load)
        load()
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) {
          unsubscribeStore?.()
          unsubscribeStore = undefined
        }
      }
    },
    getSnapshot: () => snapshot,
  }
}

/** The saved runs (newest first), skipped records and the drop notice, live. */
export function useRuns(store: RunStore = runStore): RunsState {
  let source = sources.get(store)
  if (!source) {
    source = createRunsSource(store)
    sources.set(store, source)
  }
  return useSyncExternalStore(source.subscribe, source.getSnapshot)
}
