import type { Adapter, AdapterPayload } from 'oidc-provider'

/**
 * A Map whose entries expire after a TTL and are never evicted before it.
 * oidc-provider's built-in memory adapter is an LRU capped at 1000 entries, which silently drops
 * live sessions and refresh tokens once a few hundred logins have happened.
 */
export class TtlMap<K, V> {
  readonly #entries = new Map<K, { value: V; expiresAt: number }>()

  get size(): number {
    return this.#entries.size
  }

  /** `ttlSeconds` undefined means "until deleted". */
  set(key: K, value: V, ttlSeconds?: number): void {
    this.setUntil(key, value, ttlSeconds === undefined ? Infinity : Date.now() + ttlSeconds * 1000)
  }

  setUntil(key: K, value: V, expiresAt: number): void {
    this.#entries.set(key, { value, expiresAt })
  }

  expiresAt(key: K): number | undefined {
    return this.#entries.get(key)?.expiresAt
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key)
      return undefined
    }
    return entry.value
  }

  delete(key: K): void {
    this.#entries.delete(key)
  }

  sweep(now = Date.now()): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key)
    }
  }
}

type StoredValue = AdapterPayload | string | Set<string>

/** Models whose artifacts die together when their grant is revoked. */
const grantable = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
])

class MapAdapter implements Adapter {
  readonly #model: string
  readonly #store: TtlMap<string, StoredValue>
  readonly #keepAfterExpiry: number

  constructor(model: string, store: TtlMap<string, StoredValue>, keepAfterExpiry = 0) {
    this.#model = model
    this.#store = store
    this.#keepAfterExpiry = keepAfterExpiry
  }

  #key(id: string): string {
    return `${this.#model}:${id}`
  }

  #payload(key: string): AdapterPayload | undefined {
    const value = this.#store.get(key)
    return typeof value === 'object' && !(value instanceof Set) ? value : undefined
  }

  #grantMembers(grantId: string): Set<string> {
    const value = this.#store.get(`grant:${grantId}`)
    return value instanceof Set ? value : new Set()
  }

  upsert(id: string, payload: AdapterPayload, ttl?: number): Promise<void> {
    const expiresIn = ttl === undefined ? undefined : ttl + this.#keepAfterExpiry
    const key = this.#key(id)
    this.#store.set(key, payload, expiresIn)

    if (this.#model === 'Session' && payload.uid) {
      this.#store.set(`sessionUid:${payload.uid}`, id, expiresIn)
    }
    if (payload.userCode) {
      this.#store.set(`userCode:${payload.userCode}`, id, expiresIn)
    }
    if (grantable.has(this.#model) && payload.grantId) {
      const indexKey = `grant:${payload.grantId}`
      const members = this.#grantMembers(payload.grantId)
      members.add(key)
      // the index must outlive its longest-lived member, and no more
      const memberExpiresAt = this.#store.expiresAt(key) ?? Infinity
      const expiresAt = Math.max(this.#store.expiresAt(indexKey) ?? 0, memberExpiresAt)
      this.#store.setUntil(indexKey, members, expiresAt)
    }
    return Promise.resolve()
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve(this.#payload(this.#key(id)))
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const id = this.#store.get(`sessionUid:${uid}`)
    return Promise.resolve(typeof id === 'string' ? this.#payload(this.#key(id)) : undefined)
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const id = this.#store.get(`userCode:${userCode}`)
    return Promise.resolve(typeof id === 'string' ? this.#payload(this.#key(id)) : undefined)
  }

  consume(id: string): Promise<void> {
    const payload = this.#payload(this.#key(id))
    if (payload) payload.consumed = Math.floor(Date.now() / 1000)
    return Promise.resolve()
  }

  destroy(id: string): Promise<void> {
    const key = this.#key(id)
    const payload = this.#payload(key)
    this.#store.delete(key)
    if (payload?.grantId) this.#grantMembers(payload.grantId).delete(key)
    return Promise.resolve()
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const key of this.#grantMembers(grantId)) this.#store.delete(key)
    this.#store.delete(`grant:${grantId}`)
    return Promise.resolve()
  }
}

export interface MapAdapterStore {
  /** Pass as oidc-provider's `adapter` option. */
  adapter: (model: string) => Adapter
  /** Drops expired entries; call it now and then so memory follows the live data. */
  sweep(): void
  readonly size: number
}

export interface MapAdapterOptions {
  /**
   * Seconds to keep a model's entries past their TTL, so oidc-provider finds them expired instead
   * of not at all (`DeviceCode`: `expired_token` rather than `invalid_grant`).
   */
  keepAfterExpiry?: Readonly<Record<string, number>>
}

/** One store per realm, so two realms in one process never share sessions. */
export function createMapAdapterStore(options: MapAdapterOptions = {}): MapAdapterStore {
  const store = new TtlMap<string, StoredValue>()
  return {
    adapter: (model) => new MapAdapter(model, store, options.keepAfterExpiry?.[model]),
    sweep: () => {
      store.sweep()
    },
    get size() {
      return store.size
    },
  }
}
