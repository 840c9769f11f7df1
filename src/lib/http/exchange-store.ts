import type { HttpExchange } from '@/lib/wire/http-types'

/** A plain observable list of recorded exchanges, shaped for `useSyncExternalStore`. */
export interface ExchangeStore {
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** The current list; the same array object until something changes. */
  getSnapshot(): readonly HttpExchange[]
  append(exchange: HttpExchange): void
  /** Replaces the fields of the exchange with this id; does nothing when the id is unknown. */
  update(id: string, patch: Partial<Omit<HttpExchange, 'id'>>): void
  clear(): void
  /** Replaces the whole list (e.g. restored from session storage after the redirect). */
  load(exchanges: readonly HttpExchange[]): void
}

const EMPTY: readonly HttpExchange[] = Object.freeze([])

/**
 * Creates an exchange store with no React dependency: a new frozen snapshot array on every change,
 * the same one otherwise, so `useSyncExternalStore(store.subscribe, store.getSnapshot)` re-renders
 * only on change. A listener that throws does not stop the others.
 * @see https://react.dev/reference/react/useSyncExternalStore
 */
export function createExchangeStore(initial: readonly HttpExchange[] = []): ExchangeStore {
  let snapshot: readonly HttpExchange[] = initial.length ? Object.freeze([...initial]) : EMPTY
  const listeners = new Set<() => void>()

  const set = (next: readonly HttpExchange[]): void => {
    snapshot = next.length ? Object.freeze(next) : EMPTY
    for (const listener of [...listeners]) {
      try {
        listener()
      } catch (error) {
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    getSnapshot: () => snapshot,
    append(exchange) {
      set([...snapshot, exchange])
    },
    update(id, patch) {
      const index = snapshot.findIndex((x) => x.id === id)
      const current = snapshot[index]
      if (!current) return
      const next = [...snapshot]
      next[index] = { ...current, ...patch, id }
      set(next)
    },
    clear() {
      if (snapshot.length) set([])
    },
    load(exchanges) {
      set([...exchanges])
    },
  }
}

/**
 * The app-wide log that `sendRecorded` and `installFetchRecorder` write to by default.
 * @see https://react.dev/reference/react/useSyncExternalStore
 */
export const exchangeStore: ExchangeStore = createExchangeStore()
