import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createMapAdapterStore, TtlMap } from './map-adapter.ts'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('TtlMap', () => {
  test('keeps entries until their TTL, however many there are', () => {
    const map = new TtlMap<number, string>()
    for (let i = 0; i < 5000; i++) map.set(i, `v${i}`, 60)
    expect(map.get(0)).toBe('v0')
    expect(map.size).toBe(5000)
    vi.advanceTimersByTime(60_000)
    expect(map.get(0)).toBeUndefined()
    map.sweep()
    expect(map.size).toBe(0)
  })

  test('without a TTL an entry stays', () => {
    const map = new TtlMap<string, number>()
    map.set('forever', 1)
    vi.advanceTimersByTime(365 * 24 * 3600 * 1000)
    expect(map.get('forever')).toBe(1)
  })
})

describe('map adapter', () => {
  test('upsert, find, consume and destroy', async () => {
    const adapter = createMapAdapterStore().adapter('AuthorizationCode')
    await adapter.upsert('code1', { grantId: 'g1', accountId: 'alice' }, 60)
    expect(await adapter.find('code1')).toMatchObject({ accountId: 'alice' })
    await adapter.consume('code1')
    expect(await adapter.find('code1')).toMatchObject({ consumed: 1767225600 })
    await adapter.destroy('code1')
    expect(await adapter.find('code1')).toBeUndefined()
  })

  test('models do not see each other', async () => {
    const store = createMapAdapterStore()
    await store.adapter('Session').upsert('x', { accountId: 'alice' }, 60)
    expect(await store.adapter('Grant').find('x')).toBeUndefined()
  })

  test('sessions are found by uid', async () => {
    const sessions = createMapAdapterStore().adapter('Session')
    await sessions.upsert('cookie-id', { uid: 'uid-1', accountId: 'alice' }, 60)
    expect(await sessions.findByUid('uid-1')).toMatchObject({ accountId: 'alice' })
    expect(await sessions.findByUid('nope')).toBeUndefined()
  })

  test('revoking a grant removes its tokens of every model', async () => {
    const store = createMapAdapterStore()
    const tokens = store.adapter('RefreshToken')
    const codes = store.adapter('AuthorizationCode')
    await tokens.upsert('rt1', { grantId: 'g1' }, 3600)
    await codes.upsert('c1', { grantId: 'g1' }, 60)
    await tokens.upsert('rt2', { grantId: 'g2' }, 3600)
    await tokens.revokeByGrantId('g1')
    expect(await tokens.find('rt1')).toBeUndefined()
    expect(await codes.find('c1')).toBeUndefined()
    expect(await tokens.find('rt2')).toBeDefined()
  })

  test('expired entries disappear and sweeping frees them', async () => {
    const store = createMapAdapterStore()
    const tokens = store.adapter('RefreshToken')
    await tokens.upsert('rt1', { grantId: 'g1' }, 10)
    vi.advanceTimersByTime(11_000)
    expect(await tokens.find('rt1')).toBeUndefined()
    store.sweep()
    expect(store.size).toBe(0)
  })
})
