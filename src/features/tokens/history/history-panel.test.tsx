// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { testRun } from '@/testing/fixtures/run-fixtures'
import { createRunStore, DEFAULT_RUN_DB } from '@/lib/runs/run-store'
import type { LabRun } from '@/lib/runs/types'
import { HistoryPanel } from '@/features/tokens/history/history-panel'

afterEach(cleanup)

const at = (minute: number) => new Date(Date.UTC(2026, 0, 2, 10, minute)).toISOString()
const older = testRun({ id: 'older', createdAt: at(1), scope: ['openid', 'profile'], seed: 1 })
const newer = testRun({
  id: 'newer',
  createdAt: at(2),
  scope: ['openid', 'profile', 'email'],
  seed: 2,
})

async function storeWith(runs: LabRun[], limit?: number) {
  const factory = new IDBFactory()
  const store = createRunStore({ indexedDB: factory, limit })
  for (const run of runs) await store.save(run)
  return { factory, store }
}

/** Writes records in one transaction, bypassing validation and the bound. */
async function writeRaw(factory: IDBFactory, records: [string, unknown][]) {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const req = factory.open(DEFAULT_RUN_DB)
    req.onsuccess = () => resolve(req.result)
  })
  await new Promise<void>((resolve) => {
    const tx = db.transaction('runs', 'readwrite')
    for (const [key, value] of records) tx.objectStore('runs').put(value, key)
    tx.oncomplete = () => resolve()
  })
  db.close()
}

const rows = () => within(screen.getByRole('list', { name: 'Saved runs' })).getAllByRole('listitem')

describe('HistoryPanel', () => {
  test('lists runs newest first and compares a run with the previous one in one click', async () => {
    const { store } = await storeWith([older, newer])
    const onCompareChange = vi.fn()
    render(<HistoryPanel store={store} onCompareChange={onCompareChange} />)
    await screen.findByRole('list', { name: 'Saved runs' })
    expect(rows().map((row) => row.getAttribute('data-run-id'))).toEqual(['newer', 'older'])
    expect(within(rows()[1]!).queryByRole('button', { name: 'Compare with previous' })).toBeNull()

    fireEvent.click(within(rows()[0]!).getByRole('button', { name: 'Compare with previous' }))
    const comparison = screen.getByRole('region', { name: 'Comparison' })
    const summary = comparison.querySelector('[data-diff-summary]')
    expect(summary?.textContent).toContain('+ email, + email_verified in ID token')
    const idToken = within(comparison).getByRole('table', { name: 'ID token' })
    expect(idToken.querySelector('[data-claim="email"][data-diff="added"]')).not.toBeNull()
    expect(idToken.querySelector('[data-claim="iat"]')).toBeNull()
    expect(onCompareChange).toHaveBeenCalledWith(['older', 'newer'])

    fireEvent.click(
      within(idToken.parentElement!).getByRole('button', { name: /^Show \d+ unchanged claims$/ }),
    )
    expect(idToken.querySelector('[data-claim="iat"][data-diff="volatile_changed"]')).not.toBeNull()
  })

  test('the compare prop opens the comparison directly, and says when a run is missing', async () => {
    const { store } = await storeWith([older, newer])
    const { rerender } = render(<HistoryPanel store={store} compare={['newer', 'older']} />)
    const comparison = await screen.findByRole('region', { name: 'Comparison' })
    expect(comparison.querySelector('[data-diff-summary]')?.textContent).toContain('- email')
    rerender(<HistoryPanel store={store} compare={['older', 'gone']} />)
    expect(screen.getByRole('alert').textContent).toContain('“gone” is not in this browser')
  })

  test('compare selected: exactly two, older on the left', async () => {
    const third = testRun({ id: 'third', createdAt: at(3) })
    const { store } = await storeWith([older, newer, third])
    render(<HistoryPanel store={store} />)
    await screen.findByRole('list', { name: 'Saved runs' })
    const compareSelected = screen.getByRole('button', { name: 'Compare selected' })
    expect(compareSelected).toHaveProperty('disabled', true)
    const boxes = screen.getAllByRole('checkbox', { name: 'Select for comparison' })
    fireEvent.click(boxes[1]!) // newer
    fireEvent.click(boxes[2]!) // older
    expect(boxes[0]).toHaveProperty('disabled', true)
    fireEvent.click(compareSelected)
    const comparison = screen.getByRole('region', { name: 'Comparison' })
    expect(comparison.querySelector('[data-diff-summary]')?.textContent).toContain('+ email')
  })

  test('rename inline, delete with undo, clear all with confirmation', async () => {
    const { store } = await storeWith([older, newer])
    render(<HistoryPanel store={store} />)
    await screen.findByRole('list', { name: 'Saved runs' })
    const first = rows()[0]!
    fireEvent.click(within(first).getByRole('button', { name: 'Rename' }))
    fireEvent.change(within(first).getByRole('textbox'), { target: { value: 'with email' } })
    fireEvent.click(within(first).getByRole('button', { name: 'Save' }))
    expect(await screen.findByRole('heading', { name: 'with email' })).toBeTruthy()
    expect((await store.get('newer'))?.label).toBe('with email')

    fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Delete' }))
    await vi.waitFor(() => expect(rows()).toHaveLength(1))
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    await vi.waitFor(() => expect(rows()).toHaveLength(2))

    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }))
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete all' }))
    expect(await screen.findByText(/No runs yet/)).toBeTruthy()
  })

  test('notices for dropped and unreadable records', async () => {
    const { factory, store } = await storeWith([older], 1)
    await store.save(newer)
    await writeRaw(factory, [['broken', { v: 1, id: 'broken' }]])
    render(<HistoryPanel store={store} />)
    const dropped = await screen.findByText('1 oldest run dropped (limit 1)')
    expect(dropped.closest('[role="status"]')).not.toBeNull()
    expect(screen.getByText(/1 saved record was unreadable and skipped/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Delete unreadable records' }))
    await vi.waitFor(() => expect(screen.queryByText(/unreadable and skipped/)).toBeNull())
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    await vi.waitFor(() => expect(screen.queryByText(/oldest run dropped/)).toBeNull())
  })

  test('1000 runs: renders 50 at a time', async () => {
    const factory = new IDBFactory()
    const store = createRunStore({ indexedDB: factory, limit: 5000 })
    await store.list()
    await writeRaw(
      factory,
      Array.from({ length: 1000 }, (_, i) => {
        const id = `run-${String(i).padStart(4, '0')}`
        return [
          id,
          testRun({
            id,
            createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
            seed: i,
          }),
        ]
      }),
    )
    const started = performance.now()
    render(<HistoryPanel store={store} />)
    await screen.findByRole('list', { name: 'Saved runs' })
    expect(rows()).toHaveLength(50)
    expect(rows()[0]?.getAttribute('data-run-id')).toBe('run-0999')
    expect(performance.now() - started).toBeLessThan(3000)
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /^Show more/ }))
    })
    expect(rows()).toHaveLength(100)
  })
})
