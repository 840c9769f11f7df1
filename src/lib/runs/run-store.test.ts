import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, test, vi } from 'vitest'
import { testRun } from '@/testing/fixtures/run-fixtures'
import { importRuns } from './run-export'
import { createRunStore, defaultRunLabel, DEFAULT_RUN_DB, type RunStore } from './run-store'
import { runViews } from './run-views'
import type { LabRun } from './types'

function minutes(n: number): string {
  return new Date(Date.UTC(2026, 0, 2, 10, n)).toISOString()
}

/** Writes a value straight into the store, as a buggy or future version of the lab could have. */
async function writeRaw(
  { factory, store }: { factory: IDBFactory; store: RunStore },
  key: IDBValidKey,
  value: unknown,
): Promise<void> {
  await store.list() // creates the database
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(DEFAULT_RUN_DB)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('open failed'))
  })
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('runs', 'readwrite')
    tx.objectStore('runs').put(value, key)
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(tx.error ?? new Error('aborted'))
  })
  db.close()
}

function setup(limit?: number) {
  const factory = new IDBFactory()
  return { factory, store: createRunStore({ indexedDB: factory, limit }) }
}

describe('createRunStore', () => {
  test('saves, lists newest first and gets by id', async () => {
    const { store } = setup()
    await store.save(testRun({ id: 'a', createdAt: minutes(1) }))
    await store.save(testRun({ id: 'c', createdAt: minutes(3) }))
    await store.save(testRun({ id: 'b', createdAt: minutes(2) }))
    const { runs, skipped, dropped } = await store.list()
    expect(runs.map((r) => r.id)).toEqual(['c', 'b', 'a'])
    expect(skipped).toEqual([])
    expect(dropped).toBeUndefined()
    expect((await store.get('b'))?.createdAt).toBe(minutes(2))
    expect(await store.get('nope')).toBeUndefined()
  })

  test('saving the same id again replaces the run (e.g. after userinfo)', async () => {
    const { store } = setup()
    await store.save(testRun({ id: 'a', userinfoStatus: 403 }))
    await store.save(testRun({ id: 'a', userinfoStatus: 200 }))
    const { runs } = await store.list()
    expect(runs).toHaveLength(1)
    expect(runs[0]?.userinfo?.status).toBe(200)
  })

  test('survives a new store on the same database (a reload)', async () => {
    const { factory, store } = setup()
    await store.save(testRun({ id: 'a' }))
    const reopened = createRunStore({ indexedDB: factory })
    expect((await reopened.list()).runs.map((r) => r.id)).toEqual(['a'])
  })

  test('a blank label is replaced by the default label', async () => {
    const { store } = setup()
    await store.save({ ...testRun({ id: 'a' }), label: '  ' })
    expect((await store.get('a'))?.label).toMatch(/^alice · oidc-lab · openid profile · \d\d:\d\d$/)
  })

  test('refuses to save something that is not a run', async () => {
    const { store } = setup()
    const bad = { ...testRun(), tokens: { idToken: 42 } } as unknown as Parameters<
      typeof store.save
    >[0]
    await expect(store.save(bad)).rejects.toThrow(
      'Not a valid run: tokens.idToken: Invalid input: expected string, received number',
    )
  })

  test('beyond the limit, the oldest runs are dropped, returned and remembered for a notice', async () => {
    const { store } = setup(3)
    for (let i = 1; i <= 3; i++) {
      expect(await store.save(testRun({ id: `r${i}`, createdAt: minutes(i) }))).toEqual({
        dropped: [],
      })
    }
    const first = await store.save(testRun({ id: 'r4', createdAt: minutes(4) }))
    expect(first.dropped.map((r) => r.id)).toEqual(['r1'])
    const second = await store.save(testRun({ id: 'r5', createdAt: minutes(5) }))
    expect(second.dropped.map((r) => r.id)).toEqual(['r2'])
    const list = await store.list()
    expect(list.runs.map((r) => r.id)).toEqual(['r5', 'r4', 'r3'])
    expect(list.dropped).toMatchObject({ count: 2, limit: 3 })
    await store.dismissDropped()
    expect((await store.list()).dropped).toBeUndefined()
  })

  test('the bound never drops the run being saved, even an old one', async () => {
    const { store } = setup(2)
    await store.save(testRun({ id: 'new1', createdAt: minutes(10) }))
    await store.save(testRun({ id: 'new2', createdAt: minutes(11) }))
    const { dropped } = await store.save(testRun({ id: 'old', createdAt: minutes(1) }))
    expect(dropped.map((r) => r.id)).toEqual(['new1'])
    expect((await store.list()).runs.map((r) => r.id)).toEqual(['new2', 'old'])
  })

  test('corrupt records do not count against the limit and are never dropped silently', async () => {
    const lab = setup(2)
    const { store } = lab
    await writeRaw(lab, 'junk', 'not a run')
    await store.save(testRun({ id: 'a', createdAt: minutes(1) }))
    expect((await store.save(testRun({ id: 'b', createdAt: minutes(2) }))).dropped).toEqual([])
    const list = await store.list()
    expect(list.runs).toHaveLength(2)
    expect(list.skipped.map((s) => s.key)).toEqual(['junk'])
  })

  test.each([
    ['a string', 'hello', 'not an object (it is a string)'],
    ['null', null, 'not an object (it is null)'],
    ['an array', [1, 2], 'not an object (it is an array)'],
    ['no version', { id: 'x' }, 'no schema version (v)'],
    [
      'a future version',
      { ...testRun({ id: 'x' }), v: 2 },
      'schema version 2; this lab reads version 1',
    ],
    [
      'a token that is not a string',
      { ...testRun({ id: 'x' }), tokens: { accessToken: 7 } },
      'tokens.accessToken: Invalid input: expected string, received number',
    ],
    [
      'a missing field',
      { ...testRun({ id: 'x' }), issuer: undefined },
      'issuer: Invalid input: expected string, received undefined',
    ],
    ['a bad date', { ...testRun({ id: 'x' }), createdAt: 'yesterday' }, 'createdAt: not a date'],
    [
      'userinfo claims that are not an object',
      { ...testRun({ id: 'x' }), userinfo: { status: 200, claims: ['email'] } },
      'userinfo.claims: Invalid input: expected record, received array',
    ],
    [
      'an id that is not its key',
      testRun({ id: 'other' }),
      'stored under key x but its id is other',
    ],
  ])('skips and reports a corrupt record: %s', async (_what, value, reason) => {
    const lab = setup()
    const { store } = lab
    await store.save(testRun({ id: 'good' }))
    await writeRaw(lab, 'x', value)
    const list = await store.list()
    expect(list.runs.map((r) => r.id)).toEqual(['good'])
    expect(list.skipped).toEqual([{ key: 'x', reason }])
    expect(await store.get('x')).toBeUndefined()
    expect(await store.rename('x', 'new')).toBeUndefined()
  })

  test('a corrupt record can be removed by its key', async () => {
    const lab = setup()
    const { store } = lab
    await writeRaw(lab, 'x', 42)
    await store.remove('x')
    expect((await store.list()).skipped).toEqual([])
  })

  test('rename, remove and clear', async () => {
    const { store } = setup()
    await store.save(testRun({ id: 'a', createdAt: minutes(1) }))
    await store.save(testRun({ id: 'b', createdAt: minutes(2) }))
    expect((await store.rename('a', '  with email  '))?.label).toBe('with email')
    expect((await store.get('a'))?.label).toBe('with email')
    expect((await store.rename('a', ''))?.label).toBe(
      defaultRunLabel(testRun({ id: 'a', createdAt: minutes(1) })),
    )
    expect(await store.rename('missing', 'x')).toBeUndefined()
    await store.remove('a')
    expect((await store.list()).runs.map((r) => r.id)).toEqual(['b'])
    await store.clear()
    expect(await store.list()).toEqual({ runs: [], skipped: [] })
  })

  test('listeners run after each change until they unsubscribe', async () => {
    const { store } = setup()
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    await store.save(testRun({ id: 'a' }))
    await store.rename('a', 'x')
    await store.list()
    expect(listener).toHaveBeenCalledTimes(2)
    unsubscribe()
    await store.remove('a')
    expect(listener).toHaveBeenCalledTimes(2)
  })
})

describe('defaultRunLabel', () => {
  test('user · client · requested scope · local HH:MM', () => {
    const createdAt = new Date(2026, 0, 2, 10, 42).toISOString()
    const run = { ...testRun({ scope: ['openid', 'profile', 'email'] }), createdAt }
    expect(defaultRunLabel(run)).toBe('alice · oidc-lab · openid profile email · 10:42')
  })

  test('without a user or a scope', () => {
    const createdAt = new Date(2026, 0, 2, 9, 5).toISOString()
    const run = { ...testRun({ scope: [] }), user: undefined, createdAt }
    expect(defaultRunLabel(run)).toBe('unknown user · oidc-lab · (no scope) · 09:05')
  })
})

describe('runStore (app-wide)', () => {
  test('says so when IndexedDB is missing, then works once it is there', async () => {
    const { runStore } = await import('./run-store')
    vi.stubGlobal('indexedDB', undefined)
    await expect(runStore.list()).rejects.toThrow('IndexedDB is not available in this browser')
    expect(runStore.subscribe(() => undefined)).toBeTypeOf('function')
    vi.stubGlobal('indexedDB', new IDBFactory())
    await runStore.save(testRun({ id: 'a' }))
    expect((await runStore.list()).runs.map((r) => r.id)).toEqual(['a'])
    vi.unstubAllGlobals()
  })
})

test('a database of that name without the stores gets them', async () => {
  const factory = new IDBFactory()
  await new Promise<void>((resolve) => {
    const req = factory.open(DEFAULT_RUN_DB)
    req.onsuccess = () => {
      req.result.close()
      resolve()
    }
  })
  const store = createRunStore({ indexedDB: factory })
  await store.save(testRun({ id: 'a' }))
  expect((await store.list()).runs).toHaveLength(1)
})

describe('a run store of a foreign shape', () => {
  /** A database of the lab's name whose `runs` store another app created with in-line keys. */
  async function foreignDatabase(factory: IDBFactory, values: unknown[]): Promise<void> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DEFAULT_RUN_DB, 1)
      req.onupgradeneeded = () => req.result.createObjectStore('runs', { keyPath: 'id' })
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error ?? new Error('open failed'))
    })
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('runs', 'readwrite')
      for (const value of values) tx.objectStore('runs').put(value)
      tx.oncomplete = () => resolve()
      tx.onabort = () => reject(tx.error ?? new Error('aborted'))
    })
    db.close()
  }

  test('is detected, saves fail with a specific error, and repair keeps the readable runs', async () => {
    const factory = new IDBFactory()
    await foreignDatabase(factory, [testRun({ id: 'kept' }), { id: 'junk', hello: 1 }])
    const store = createRunStore({ indexedDB: factory })
    const before = await store.list()
    expect(before.foreign).toBe('the “runs” store uses keyPath "id"')
    await expect(store.save(testRun({ id: 'new' }))).rejects.toThrow(
      /shape this lab did not create .*Reset history storage/,
    )
    expect(await store.repair()).toEqual({ kept: 1, lost: 1 })
    const after = await store.list()
    expect(after.foreign).toBeUndefined()
    expect(after.runs.map((r) => r.id)).toEqual(['kept'])
    await store.save(testRun({ id: 'new' }))
    expect((await store.list()).runs.map((r) => r.id).sort()).toEqual(['kept', 'new'])
  })

  test('a database of the lab’s name without the stores gets them and works', async () => {
    const factory = new IDBFactory()
    await new Promise<void>((resolve, reject) => {
      const req = factory.open(DEFAULT_RUN_DB, 3)
      req.onupgradeneeded = () => req.result.createObjectStore('unrelated')
      req.onsuccess = () => {
        req.result.close()
        resolve()
      }
      req.onerror = () => reject(req.error ?? new Error('open failed'))
    })
    const store = createRunStore({ indexedDB: factory })
    await store.save(testRun({ id: 'a' }))
    const list = await store.list()
    expect(list.foreign).toBeUndefined()
    expect(list.runs.map((r) => r.id)).toEqual(['a'])
  })
})

describe('the raw-token policy of save', () => {
  /** A run with a refresh token, and a token response and a Bearer call in its exchanges. */
  function runWithTokens(id = 'a'): LabRun {
    const run = testRun({ id })
    const refreshToken = 'refresh-token-value-123'
    const { idToken = '', accessToken = '' } = run.tokens
    return {
      ...run,
      tokens: { ...run.tokens, refreshToken },
      exchanges: [
        {
          id: 'x-token',
          startedAt: run.createdAt,
          durationMs: 5,
          request: {
            method: 'POST' as const,
            url: 'http://localhost:8080/realms/demo/protocol/openid-connect/token',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            form: [
              ['grant_type', 'authorization_code'],
              ['code', 'the-code-abc'],
            ] as [string, string][],
          },
          response: {
            status: 200,
            statusText: 'OK',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              id_token: idToken,
              access_token: accessToken,
              refresh_token: refreshToken,
            }),
          },
        },
        {
          id: 'x-userinfo',
          startedAt: run.createdAt,
          durationMs: 5,
          request: {
            method: 'GET' as const,
            url: 'http://localhost:8080/realms/demo/protocol/openid-connect/userinfo',
            headers: { Authorization: `Bearer ${accessToken}` },
          },
        },
      ],
    }
  }

  const signature = (token: string | undefined) => token?.split('.')[2]

  test('off: no refresh token, no signature, the exchanges masked; the claims still read', async () => {
    const factory = new IDBFactory()
    const store = createRunStore({ indexedDB: factory, keepRawTokens: () => false })
    const run = runWithTokens()
    await store.save(run)
    const saved = await store.get('a')
    expect(saved?.tokens.refreshToken).toBeUndefined()
    expect(saved?.tokens.idToken).toMatch(/^[\w-]+\.[\w-]+\.$/)
    expect(saved?.tokens.accessToken).toMatch(/^[\w-]+\.[\w-]+\.$/)
    expect(saved?.withheld).toEqual({ dropped: ['refreshToken'] })
    const text = JSON.stringify(saved)
    for (const raw of [
      run.tokens.idToken,
      run.tokens.accessToken,
      run.tokens.refreshToken,
      signature(run.tokens.idToken),
      'the-code-abc',
    ])
      expect(text).not.toContain(raw)
    // what comparing needs is all there
    expect(saved && runViews(saved).map((v) => v.claims?.sub)).toEqual([
      'sub-alice',
      'sub-alice',
      'sub-alice',
    ])
    expect(saved?.label).toBe(run.label)
  })

  test('on: the run is kept as given, raw tokens and exchanges included', async () => {
    const store = createRunStore({ indexedDB: new IDBFactory(), keepRawTokens: () => true })
    const run = runWithTokens()
    await store.save(run)
    expect(await store.get('a')).toEqual(run)
  })

  test('the factory keeps raw tokens unless told otherwise', async () => {
    const { store } = setup()
    const run = runWithTokens()
    await store.save(run)
    expect((await store.get('a'))?.tokens).toEqual(run.tokens)
  })

  test('the setting is asked at each save: turning it on affects the runs saved from then on', async () => {
    let keep = false
    const store = createRunStore({ indexedDB: new IDBFactory(), keepRawTokens: () => keep })
    await store.save(runWithTokens('before'))
    keep = true
    await store.save(runWithTokens('after'))
    expect((await store.get('before'))?.tokens.refreshToken).toBeUndefined()
    expect((await store.get('after'))?.tokens.refreshToken).toBe('refresh-token-value-123')
    expect((await store.get('after'))?.withheld).toBeUndefined()
  })

  test('imports obey the same setting', async () => {
    const store = createRunStore({ indexedDB: new IDBFactory(), keepRawTokens: () => false })
    const summary = await importRuns(store, [runWithTokens('imported')], {
      file: 'runs.json',
      at: '2026-01-02T11:00:00.000Z',
    })
    expect(summary.added).toHaveLength(1)
    const saved = await store.get('imported')
    expect(saved?.imported?.from).toBe('export')
    expect(saved?.tokens.refreshToken).toBeUndefined()
    expect(signature(saved?.tokens.idToken)).toBe('')
  })
})
