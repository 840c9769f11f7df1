import 'fake-indexeddb/auto'
import { describe, expect, test } from 'vitest'
import { forgetEverything } from './forget-everything'

class MemoryStorage implements Storage {
  private items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1)
    request.onupgradeneeded = () => request.result.createObjectStore('runs')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(new Error(String(request.error)))
  })
}

describe('forgetEverything', () => {
  test('removes the lab’s localStorage keys only, all of sessionStorage and the lab’s databases', async () => {
    const local = new MemoryStorage()
    const session = new MemoryStorage()
    local.setItem('oidc-lab:remembered-config:v1', '{"clientSecret":"s"}')
    local.setItem('oidc-lab:history-settings:v1', '{}')
    local.setItem('someone-else', 'kept')
    session.setItem('oidc-lab:flow:v1', '{}')
    session.setItem('oidc.abc', '{}')
    const runs = await openDb('oidc-lab-runs')
    // the app closes its connection when asked (versionchange), as run-store does
    runs.onversionchange = () => runs.close()
    ;(await openDb('other-app')).close()

    const report = await forgetEverything({
      local,
      session,
      indexedDB,
      knownDatabases: ['oidc-lab-runs'],
    })
    expect(report.localKeys.sort()).toEqual([
      'oidc-lab:history-settings:v1',
      'oidc-lab:remembered-config:v1',
    ])
    expect(report.sessionKeys.sort()).toEqual(['oidc-lab:flow:v1', 'oidc.abc'])
    expect(report.databases).toEqual(['oidc-lab-runs'])
    expect(report.problems).toEqual([])
    expect(local.getItem('someone-else')).toBe('kept')
    expect(local.length).toBe(1)
    expect(session.length).toBe(0)
    const left = (await indexedDB.databases()).map((d) => d.name)
    expect(left).toContain('other-app')
    expect(left).not.toContain('oidc-lab-runs')
  })

  test('a database another tab will not let go of is reported, not awaited forever', async () => {
    const held = await openDb('oidc-lab-held')
    const report = await forgetEverything({
      local: new MemoryStorage(),
      session: new MemoryStorage(),
      indexedDB,
      knownDatabases: [],
    })
    expect(report.problems).toEqual([expect.stringMatching(/^oidc-lab-held: another tab/)])
    held.close()
  })
})
