import { loadHistorySettings, withoutRawTokens } from './history-settings'
import { parseLabRun } from './run-schema'
import type { LabRun } from './types'

/** A stored record that is not a readable `LabRun`; `key` is its IndexedDB key (the run id). */
export interface SkippedRecord {
  key: string
  reason: string
}

/** Runs dropped by the bound since the notice was last dismissed. */
export interface DropNotice {
  count: number
  limit: number
  /** When the last run was dropped (ISO). */
  at: string
}

export interface RunList {
  /** Newest first. */
  runs: LabRun[]
  skipped: SkippedRecord[]
  dropped?: DropNotice
  /**
   * Set when the database has a shape this lab did not create (a store with a keyPath or a key
   * generator, e.g. left by another app on this origin): saves fail until `repair` rebuilds it.
   */
  foreign?: string
}

/** Thrown by `save` and `rename` when the storage has a foreign shape; `repair` fixes it. */
export class ForeignRunStorageError extends Error {
  readonly reason: string

  constructor(reason: string) {
    super(
      `The run history storage in this browser has a shape this lab did not create (${reason}), so runs cannot be saved. Likely cause: another app or an older experiment on this origin used the same database name. Fix: open History & compare and choose “Reset history storage” (readable runs are kept).`,
    )
    this.name = 'ForeignRunStorageError'
    this.reason = reason
  }
}

/** The run history. Every method opens the database lazily; listeners run after each change. */
export interface RunStore {
  list(): Promise<RunList>
  get(id: string): Promise<LabRun | undefined>
  /**
   * Inserts or replaces the run with this id; beyond the limit the oldest runs are dropped. Every
   * save (guided, headless, imported, an undone delete) goes through the raw-token policy.
   */
  save(run: LabRun): Promise<{ dropped: LabRun[] }>
  /** A blank label restores the default one. Resolves `undefined` for an unknown or corrupt id. */
  rename(id: string, label: string): Promise<LabRun | undefined>
  /** Deletes the record with this key, a run or a skipped (corrupt) record. */
  remove(id: string): Promise<void>
  clear(): Promise<void>
  dismissDropped(): Promise<void>
  /**
   * Rebuilds the database with the lab's own stores, keeping every record that reads as a run;
   * resolves how many were kept and how many were unreadable and lost.
   */
  repair(): Promise<{ kept: number; lost: number }>
  subscribe(listener: () => void): () => void
}

export interface RunStoreOptions {
  indexedDB: IDBFactory
  dbName?: string
  /** The most runs kept; defaults to 200. */
  limit?: number
  /** Tell other tabs of the same origin about changes (BroadcastChannel), when available. */
  broadcast?: boolean
  /**
   * Asked on every save: keep the run's raw tokens as issued, or only what comparing needs
   * (`withoutRawTokens`: unsigned `header.payload.`, no refresh token, exchanges masked). Defaults
   * to keeping them; the app's store asks the `Keep raw tokens in history` setting.
   */
  keepRawTokens?: () => boolean
}

export const DEFAULT_RUN_LIMIT = 200
export const DEFAULT_RUN_DB = 'oidc-lab-runs'
const RUNS = 'runs'
const META = 'meta'
const DROPPED_KEY = 'dropped'

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** `alice · oidc-lab · openid profile email · 10:42` (user · client · requested scope · local time). */
export function defaultRunLabel(run: LabRun): string {
  const date = new Date(run.createdAt)
  const parts = [
    run.user ?? 'unknown user',
    run.clientId,
    run.requestedScope.length ? run.requestedScope.join(' ') : '(no scope)',
  ]
  if (!Number.isNaN(date.getTime())) parts.push(`${pad(date.getHours())}:${pad(date.getMinutes())}`)
  return parts.join(' · ')
}

function byCreatedAt(a: LabRun, b: LabRun): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id)
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

/** Why a store is not the lab's (out-of-line keys, no key generator), or undefined when it is. */
function foreignShape(store: IDBObjectStore): string | undefined {
  if (store.keyPath !== null) {
    return `the “${store.name}” store uses keyPath ${JSON.stringify(store.keyPath)}`
  }
  if (store.autoIncrement) return `the “${store.name}” store uses a key generator`
  return undefined
}

/**
 * Opens at the current version (creating it), and adds the stores with a version bump if missing;
 * `rebuild` drops and recreates both stores (for `repair`).
 */
function openDatabase(
  factory: IDBFactory,
  name: string,
  version?: number,
  rebuild = false,
): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const req = version === undefined ? factory.open(name) : factory.open(name, version)
    req.onupgradeneeded = () => {
      const db = req.result
      if (rebuild) {
        for (const store of [RUNS, META]) {
          if (db.objectStoreNames.contains(store)) db.deleteObjectStore(store)
        }
      }
      // out-of-line keys (the run id), so that any value, even a corrupt one, can be read and removed
      if (!db.objectStoreNames.contains(RUNS)) db.createObjectStore(RUNS)
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META)
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error(`Cannot open IndexedDB database ${name}`))
  }).then((db) => {
    if (db.objectStoreNames.contains(RUNS) && db.objectStoreNames.contains(META)) return db
    // a database of this name without our stores (opened without a version elsewhere): add them
    const next = db.version + 1
    db.close()
    return openDatabase(factory, name, next)
  })
}

function readAll(store: IDBObjectStore): Promise<{ runs: LabRun[]; skipped: SkippedRecord[] }> {
  return Promise.all([request(store.getAllKeys()), request(store.getAll())]).then(
    ([keys, values]) => {
      const runs: LabRun[] = []
      const skipped: SkippedRecord[] = []
      keys.forEach((rawKey, i) => {
        const key = typeof rawKey === 'string' ? rawKey : JSON.stringify(rawKey)
        const parsed = parseLabRun(values[i])
        if (!parsed.ok) skipped.push({ key, reason: parsed.reason })
        else if (parsed.run.id !== rawKey)
          skipped.push({ key, reason: `stored under key ${key} but its id is ${parsed.run.id}` })
        else runs.push(parsed.run)
      })
      return { runs, skipped }
    },
  )
}

function isDropNotice(value: unknown): value is DropNotice {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.count === 'number' && typeof v.limit === 'number' && typeof v.at === 'string'
}

/**
 * An IndexedDB run history of at most `limit` runs. Corrupt records (not an object, another schema
 * version, missing fields, tokens that are not strings…) are skipped and reported by `list`, never
 * fatal. Runs are validated for shape only: tokens are not verified.
 */
export function createRunStore(options: RunStoreOptions): RunStore {
  const {
    indexedDB: factory,
    dbName = DEFAULT_RUN_DB,
    limit = DEFAULT_RUN_LIMIT,
    keepRawTokens = () => true,
  } = options
  const listeners = new Set<() => void>()
  let db: Promise<IDBDatabase> | undefined
  let channel: BroadcastChannel | undefined

  const database = (): Promise<IDBDatabase> => {
    db ??= openDatabase(factory, dbName).then(
      (opened) => {
        // another tab upgrades the schema: let it, and reopen on the next call
        opened.onversionchange = () => {
          opened.close()
          db = undefined
        }
        opened.onclose = () => {
          db = undefined
        }
        return opened
      },
      (error: unknown) => {
        db = undefined
        throw error
      },
    )
    return db
  }

  const notifyLocal = () => {
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

  async function transact<T>(
    mode: IDBTransactionMode,
    body: (runs: IDBObjectStore, meta: IDBObjectStore) => Promise<T>,
  ): Promise<T> {
    const tx = (await database()).transaction([RUNS, META], mode)
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
    })
    let result: T
    try {
      result = await body(tx.objectStore(RUNS), tx.objectStore(META))
    } catch (error) {
      done.catch(() => undefined)
      try {
        tx.abort()
      } catch {
        // already finished or aborted
      }
      throw error
    }
    await done
    if (mode === 'readwrite') {
      notifyLocal()
      channel?.postMessage('changed')
    }
    return result
  }

  return {
    list: () =>
      transact('readonly', async (runs, meta) => {
        const [all, dropped] = await Promise.all([
          readAll(runs),
          request<unknown>(meta.get(DROPPED_KEY)),
        ])
        const foreign = foreignShape(runs) ?? foreignShape(meta)
        return {
          runs: all.runs.sort((a, b) => byCreatedAt(b, a)),
          skipped: all.skipped,
          ...(isDropNotice(dropped) ? { dropped } : {}),
          ...(foreign ? { foreign } : {}),
        }
      }),

    get: (id) =>
      transact('readonly', async (runs) => {
        const parsed = parseLabRun(await request(runs.get(id)))
        return parsed.ok && parsed.run.id === id ? parsed.run : undefined
      }),

    async save(run) {
      const parsed = parseLabRun(run)
      if (!parsed.ok) throw new TypeError(`Not a valid run: ${parsed.reason}`)
      const labelled = run.label.trim() ? run : { ...run, label: defaultRunLabel(run) }
      const record = keepRawTokens() ? labelled : withoutRawTokens(labelled)
      const dropped = await transact('readwrite', async (runs, meta) => {
        const foreign = foreignShape(runs) ?? foreignShape(meta)
        if (foreign) throw new ForeignRunStorageError(foreign)
        await request(runs.put(record, record.id))
        if ((await request(runs.count())) <= limit) return []
        const others = (await readAll(runs)).runs.filter((r) => r.id !== record.id)
        const excess = others.length + 1 - limit
        if (excess <= 0) return []
        const oldest = others.sort(byCreatedAt).slice(0, excess)
        await Promise.all(oldest.map((r) => request(runs.delete(r.id))))
        const previous = await request<unknown>(meta.get(DROPPED_KEY))
        const notice: DropNotice = {
          count: (isDropNotice(previous) ? previous.count : 0) + oldest.length,
          limit,
          at: new Date().toISOString(),
        }
        await request(meta.put(notice, DROPPED_KEY))
        return oldest
      })
      return { dropped }
    },

    rename: (id, label) =>
      transact('readwrite', async (runs) => {
        const foreign = foreignShape(runs)
        if (foreign) throw new ForeignRunStorageError(foreign)
        const parsed = parseLabRun(await request(runs.get(id)))
        if (!parsed.ok || parsed.run.id !== id) return undefined
        const next: LabRun = { ...parsed.run, label: label.trim() || defaultRunLabel(parsed.run) }
        await request(runs.put(next, id))
        return next
      }),

    remove: (id) =>
      transact('readwrite', async (runs) => {
        await request(runs.delete(id))
      }),

    clear: () =>
      transact('readwrite', async (runs, meta) => {
        await Promise.all([request(runs.clear()), request(meta.clear())])
      }),

    dismissDropped: () =>
      transact('readwrite', async (_runs, meta) => {
        await request(meta.delete(DROPPED_KEY))
      }),

    async repair() {
      const opened = await database()
      const salvage = await new Promise<{ runs: LabRun[]; lost: number }>((resolve, reject) => {
        const tx = opened.transaction([RUNS], 'readonly')
        const req = tx.objectStore(RUNS).getAll()
        req.onsuccess = () => {
          const runs: LabRun[] = []
          let lost = 0
          for (const value of req.result as unknown[]) {
            const parsed = parseLabRun(value)
            if (parsed.ok) runs.push(parsed.run)
            else lost++
          }
          resolve({ runs, lost })
        }
        req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'))
      })
      const next = opened.version + 1
      opened.close()
      db = undefined
      const rebuilt = await openDatabase(factory, dbName, next, true)
      rebuilt.close()
      for (const run of salvage.runs) {
        await transact('readwrite', async (runs) => {
          await request(runs.put(run, run.id))
        })
      }
      notifyLocal()
      channel?.postMessage('changed')
      return { kept: salvage.runs.length, lost: salvage.lost }
    },

    subscribe(listener) {
      listeners.add(listener)
      if (options.broadcast && !channel && typeof BroadcastChannel !== 'undefined') {
        channel = new BroadcastChannel(`${dbName}:changes`)
        channel.onmessage = notifyLocal
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && channel) {
          channel.close()
          channel = undefined
        }
      }
    },
  }
}

let appStore: RunStore | undefined

/** `Keep raw tokens in history`, read at each save (another tab may have changed it); off when unreadable. */
function keepRawTokensSetting(): boolean {
  try {
    return loadHistorySettings(globalThis.localStorage).keepRawTokens
  } catch {
    // reading localStorage itself can throw (storage blocked): keep no raw tokens
    return false
  }
}

function appRunStore(): RunStore {
  if (!appStore) {
    if (!('indexedDB' in globalThis) || !globalThis.indexedDB) {
      throw new Error('IndexedDB is not available in this browser: runs cannot be saved.')
    }
    appStore = createRunStore({
      indexedDB: globalThis.indexedDB,
      broadcast: true,
      keepRawTokens: keepRawTokensSetting,
    })
  }
  return appStore
}

/** The app-wide run history in this browser's IndexedDB, created on first use. */
export const runStore: RunStore = {
  list: async () => appRunStore().list(),
  get: async (id) => appRunStore().get(id),
  save: async (run) => appRunStore().save(run),
  rename: async (id, label) => appRunStore().rename(id, label),
  remove: async (id) => appRunStore().remove(id),
  clear: async () => appRunStore().clear(),
  dismissDropped: async () => appRunStore().dismissDropped(),
  repair: async () => appRunStore().repair(),
  subscribe(listener) {
    try {
      return appRunStore().subscribe(listener)
    } catch {
      return () => undefined
    }
  },
}
