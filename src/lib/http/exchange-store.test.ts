import { describe, expect, test, vi } from 'vitest'
import { createExchangeStore } from './exchange-store'
import type { HttpExchange } from '@/lib/wire/http-types'

const x = (id: string): HttpExchange => ({
  id,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
  request: { method: 'GET', url: `https://x/${id}`, headers: {} },
})

describe('createExchangeStore', () => {
  test('snapshot identity changes only on change', () => {
    const store = createExchangeStore()
    const empty = store.getSnapshot()
    expect(store.getSnapshot()).toBe(empty)
    store.clear()
    expect(store.getSnapshot()).toBe(empty)
    store.append(x('a'))
    const one = store.getSnapshot()
    expect(one).not.toBe(empty)
    expect(store.getSnapshot()).toBe(one)
    store.update('missing', { durationMs: 5 })
    expect(store.getSnapshot()).toBe(one)
    expect(Object.isFrozen(one)).toBe(true)
  })

  test.each([
    {
      name: 'append',
      act: (s: ReturnType<typeof createExchangeStore>) => s.append(x('b')),
      ids: ['a', 'b'],
    },
    {
      name: 'update',
      act: (s: ReturnType<typeof createExchangeStore>) => s.update('a', { stepId: 'token' }),
      ids: ['a'],
    },
    { name: 'clear', act: (s: ReturnType<typeof createExchangeStore>) => s.clear(), ids: [] },
    {
      name: 'load',
      act: (s: ReturnType<typeof createExchangeStore>) => s.load([x('c'), x('d')]),
      ids: ['c', 'd'],
    },
  ])('$name notifies once and gives a new snapshot', ({ act, ids }) => {
    const store = createExchangeStore([x('a')])
    const before = store.getSnapshot()
    const listener = vi.fn()
    store.subscribe(listener)
    act(store)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.getSnapshot()).not.toBe(before)
    expect(store.getSnapshot().map((e) => e.id)).toEqual(ids)
  })

  test('update merges fields and keeps the id', () => {
    const store = createExchangeStore([x('a')])
    store.update('a', { stepId: 'token', durationMs: 42 })
    expect(store.getSnapshot()[0]).toMatchObject({ id: 'a', stepId: 'token', durationMs: 42 })
  })

  test('unsubscribe stops notifications; a throwing listener does not stop others', () => {
    const store = createExchangeStore()
    const good = vi.fn()
    const gone = vi.fn()
    const unsubscribe = store.subscribe(gone)
    store.subscribe(() => {
      throw new Error('boom')
    })
    store.subscribe(good)
    unsubscribe()
    const onError = vi.fn()
    const original = globalThis.queueMicrotask
    globalThis.queueMicrotask = onError
    try {
      store.append(x('a'))
    } finally {
      globalThis.queueMicrotask = original
    }
    expect(gone).not.toHaveBeenCalled()
    expect(good).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledTimes(1)
  })
})
