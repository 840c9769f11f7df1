// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, test } from 'vitest'
import { testRun } from '@/testing/fixtures/run-fixtures'
import { HISTORY_SETTINGS_KEY, loadHistorySettings } from '@/lib/runs/history-settings'
import { createRunStore } from '@/lib/runs/run-store'
import { HistoryPanel } from '@/features/tokens/history/history-panel'

afterEach(() => {
  cleanup()
  window.localStorage.clear()
})

const at = (minute: number) => new Date(Date.UTC(2026, 0, 2, 10, minute)).toISOString()

/** A store that obeys the setting in this page's localStorage, like the app's own. */
function settingStore() {
  return createRunStore({
    indexedDB: new IDBFactory(),
    keepRawTokens: () => loadHistorySettings(window.localStorage).keepRawTokens,
  })
}

const checkbox = () =>
  screen.getByRole<HTMLInputElement>('checkbox', { name: 'Keep raw tokens in history' })
const description = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent

describe('Keep raw tokens in history', () => {
  test('is off by default, says what is kept, and remembers the choice', async () => {
    render(<HistoryPanel store={settingStore()} />)
    await screen.findByRole('checkbox', { name: 'Keep raw tokens in history' })
    expect(checkbox().checked).toBe(false)
    expect(description(checkbox())).toMatch(
      /decoded header and claims .* no signatures and no refresh tokens\. Turning it on affects the runs saved from now on/,
    )
    fireEvent.click(checkbox())
    expect(JSON.parse(window.localStorage.getItem(HISTORY_SETTINGS_KEY) ?? '{}')).toEqual({
      keepRawTokens: true,
    })
    cleanup()
    render(<HistoryPanel store={settingStore()} />)
    await screen.findByRole('checkbox', { name: 'Keep raw tokens in history' })
    expect(checkbox().checked).toBe(true)
    expect(description(checkbox())).toMatch(/^On: runs saved from now on keep/)
    // the export's own opt-in stays a different control
    expect(screen.getAllByRole('checkbox', { name: /^Keep raw tokens/ })).toHaveLength(2)
  })

  test('runs saved with it off still compare claim by claim, and say that their raw tokens were not kept', async () => {
    const store = settingStore()
    const older = testRun({ id: 'older', createdAt: at(1), seed: 1 })
    const newer = testRun({ id: 'newer', createdAt: at(2), scope: ['openid', 'profile', 'email'] })
    await store.save({ ...older, tokens: { ...older.tokens, refreshToken: 'rt-1' } })
    await store.save(newer)
    expect((await store.get('older'))?.tokens.refreshToken).toBeUndefined()

    render(<HistoryPanel store={store} />)
    const list = await screen.findByRole('list', { name: 'Saved runs' })
    expect(list.querySelectorAll('[data-raw-tokens="withheld"]')).toHaveLength(2)
    const [first] = within(list).getAllByRole('listitem')
    fireEvent.click(within(first!).getByRole('button', { name: 'Compare with previous' }))
    const comparison = screen.getByRole('region', { name: 'Comparison' })
    expect(comparison.querySelector('[data-diff-summary]')?.textContent).toContain(
      '+ email, + email_verified in ID token',
    )
    const note = comparison.querySelector('[data-raw-tokens-note]')
    expect(note?.textContent).toContain('Left run: Raw tokens not kept')
    expect(note?.textContent).toContain('no refresh token')
    expect(note?.textContent).toContain('tick “Keep raw tokens in history”')
    // the header of the unsigned token still reads
    const header = within(comparison).getByRole('table', { name: 'ID token in full: header' })
    expect(header.querySelector('[data-line="alg"]')?.textContent).toContain('RS256')
  })

  test('runs saved with it on keep their raw tokens and carry no note', async () => {
    window.localStorage.setItem(HISTORY_SETTINGS_KEY, JSON.stringify({ keepRawTokens: true }))
    const store = settingStore()
    const run = testRun({ id: 'kept' })
    await store.save({ ...run, tokens: { ...run.tokens, refreshToken: 'rt-1' } })
    expect((await store.get('kept'))?.tokens).toEqual({ ...run.tokens, refreshToken: 'rt-1' })
    render(<HistoryPanel store={store} />)
    const list = await screen.findByRole('list', { name: 'Saved runs' })
    expect(list.querySelector('[data-raw-tokens]')).toBeNull()
    expect(checkbox().checked).toBe(true)
  })
})
