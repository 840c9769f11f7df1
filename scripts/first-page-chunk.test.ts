import { describe, expect, test } from 'vitest'
import { firstPageGroup, staticallyReached } from './first-page-chunk'

// main → app → button; app ⇢ (dynamic) history → button, history → store
const graph: Record<string, string[]> = {
  main: ['app'],
  app: ['button', 'cycle'],
  cycle: ['app'],
  button: [],
  history: ['button', 'store'],
  store: [],
}
const ctx = { getModuleInfo: (id: string) => ({ importedIds: graph[id] ?? [] }) }

describe('the first-page chunk', () => {
  test('holds what the entry reaches by static imports, cycles included, and nothing lazy', () => {
    expect([...staticallyReached(ctx, 'main')].sort()).toEqual(['app', 'button', 'cycle', 'main'])
  })

  test('names those modules app and leaves the others to the automatic chunking', () => {
    const group = firstPageGroup('main')
    expect(['main', 'button', 'history', 'store'].map((id) => group.name(id, ctx))).toEqual([
      'app',
      'app',
      null,
      null,
    ])
  })
})
