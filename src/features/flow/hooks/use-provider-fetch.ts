import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { Fetched, ProviderFetch } from '@/lib/provider-queries'

interface Entry {
  data?: Fetched<unknown>
  fetchedAt?: number
  pending?: Promise<void>
}

const entries = new Map<string, Entry>()
const listeners = new Set<() => void>()
const idle: Entry = {}

const keyOf = (key: ProviderFetch<unknown>['key']) => JSON.stringify(key)
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
const update = (key: string, entry: Entry) => {
  entries.set(key, entry)
  for (const listener of listeners) listener()
}

function start(key: string, load: () => Promise<Fetched<unknown>>) {
  const pending = load().then(
    (data) => update(key, { data, fetchedAt: Date.now() }),
    // sendRecorded answers network failures as data: a throw here is a bug, kept visible (and
    // marked fetched, so a render does not start it again in a loop)
    (error: unknown) => {
      update(key, { ...entries.get(key), pending: undefined, fetchedAt: Date.now() })
      throw error
    },
  )
  update(key, { ...entries.get(key), pending })
}

/**
 * Puts an answer fetched earlier into the cache, as if fetched at `fetchedAt`, unless the cache
 * already holds one: the callback page reuses the discovery document this tab fetched before it
 * left for the provider (restored with the exchange log) instead of asking again. It is refetched
 * once stale like any other.
 */
export function seedProviderFetch<T>(
  fetch: Pick<ProviderFetch<T>, 'key'>,
  data: Fetched<T>,
  fetchedAt: number,
) {
  const key = keyOf(fetch.key)
  if (entries.get(key)?.data || !Number.isFinite(fetchedAt)) return
  update(key, { data, fetchedAt })
}

/**
 * A provider document for the guided flow: fetched once per key while fresh, shared by every
 * component of the page, never retried, never refetched on focus (a protocol debugger shows each
 * request it makes). Inspect, which loads on demand, uses TanStack Query for the same fetches.
 */
export function useProviderFetch<T>(fetch: ProviderFetch<T>) {
  const key = keyOf(fetch.key)
  const { load, staleMs } = fetch
  const entry = useSyncExternalStore(subscribe, () => entries.get(key) ?? idle)
  useEffect(() => {
    const current = entries.get(key)
    if (!load || current?.pending) return
    if (current?.fetchedAt !== undefined && Date.now() - current.fetchedAt < staleMs) return
    start(key, load)
  }, [key, load, staleMs])
  const refetch = useCallback(() => {
    if (load && !entries.get(key)?.pending) start(key, load)
  }, [key, load])
  return {
    data: entry.data as Fetched<T> | undefined,
    isFetching: entry.pending !== undefined,
    refetch,
  }
}
