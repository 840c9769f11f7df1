import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { IdpLoginPage } from './pages/idp-login-page'
import type { LabPage } from './pages/lab-page'
import { savedRuns as storedRuns } from './pages/saved-runs'

const savedRuns = (page: Page) => storedRuns<SavedRun>(page)

interface SavedRun {
  id: string
  createdAt: string
  requestedScope: string[]
  tokens: { idToken?: string; accessToken?: string; refreshToken?: string }
  userinfo?: { status?: number }
  withheld?: { dropped: string[] }
}

interface RawTokens {
  idToken: string
  accessToken: string
  refreshToken: string
}

/** The whole guided flow as alice, to userinfo 200; the tokens as the page shows them. */
async function runFlow(lab: LabPage, scope: string, saved: number): Promise<RawTokens> {
  await lab.open({ preset: 'demo', scope })
  await lab.runWholeFlow.click()
  const login = new IdpLoginPage(lab.page)
  await Promise.race([
    login.signIn.waitFor().then(() => login.signInAs('alice')),
    lab.waitForCallback(),
  ])
  await lab.waitForCallback()
  await expect(lab.page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  const raw = async (region: Locator) => {
    const view = region.locator('[data-raw-token]')
    await expect(view).toHaveAttribute('data-raw-token', /\S/)
    return (await view.getAttribute('data-raw-token')) ?? ''
  }
  const tokens = {
    idToken: await raw(lab.idToken),
    accessToken: await raw(lab.accessToken),
    refreshToken: await raw(lab.refreshToken),
  }
  // written to IndexedDB after userinfo: wait for the record before reading or leaving
  await expect
    .poll(async () => (await savedRuns(lab.page)).filter((r) => r.userinfo?.status === 200).length)
    .toBe(saved)
  return tokens
}

const signatureOf = (jws: string) => jws.split('.')[2] ?? ''
const unsigned = (jws: string) => jws.split('.').slice(0, 2).join('.') + '.'

const setting = (page: Page) =>
  page.getByRole('checkbox', { name: 'Keep raw tokens in history', exact: true })

test('the history keeps no signature and no refresh token unless "Keep raw tokens in history" is ticked; the claims compare either way', async ({
  lab,
  page,
}) => {
  const first = await runFlow(lab, 'openid profile', 1)
  // the run on screen says what the history kept of it
  await expect(page.locator('[data-run-id] [data-raw-tokens="withheld"]')).toContainText(
    'Decoded claims only',
  )
  const second = await runFlow(lab, 'openid profile email', 2)
  for (const tokens of [first, second]) {
    expect(tokens.idToken.split('.')).toHaveLength(3)
    expect(signatureOf(tokens.idToken).length).toBeGreaterThan(20)
    expect(tokens.refreshToken.length).toBeGreaterThan(20)
  }

  // off by default: what comparing needs, nothing that could be replayed
  const stripped = await savedRuns(page)
  expect(stripped).toHaveLength(2)
  stripped.forEach((run, i) => {
    const tokens = [first, second][i] as RawTokens
    expect(run.tokens.refreshToken).toBeUndefined()
    expect(run.tokens.idToken).toBe(unsigned(tokens.idToken))
    expect(run.withheld?.dropped).toContain('refreshToken')
    const record = JSON.stringify(run)
    for (const secret of [
      signatureOf(tokens.idToken),
      signatureOf(tokens.accessToken),
      tokens.refreshToken,
      tokens.accessToken,
    ])
      expect(record).not.toContain(secret)
  })

  // the history still compares them claim by claim, and says what it did not keep
  await page.goto('/#history')
  const rows = page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem')
  await expect(rows).toHaveCount(2)
  await expect(setting(page)).not.toBeChecked()
  await expect(rows.locator('[data-raw-tokens="withheld"]')).toHaveCount(2)
  await rows.first().getByRole('button', { name: 'Compare with previous' }).click()
  const comparison = page.getByRole('region', { name: 'Comparison', exact: true })
  await expect(comparison.locator('[data-diff-summary]')).toContainText('email')
  await expect(
    comparison
      .getByRole('table', { name: 'ID token', exact: true })
      .locator('[data-claim="email"][data-diff="added"]'),
  ).toBeVisible()
  await expect(
    comparison
      .getByRole('table', { name: 'ID token in full: header', exact: true })
      .locator('[data-line="alg"]'),
  ).toContainText('RS256')
  await expect(comparison.locator('[data-raw-tokens-note]')).toContainText(
    'tick “Keep raw tokens in history”',
  )
  // the export's opt-in is another control, and it says that these runs have no raw tokens to give
  const exportKeep = page.getByRole('checkbox', {
    name: /^Keep raw tokens \(signatures, refresh tokens, codes/,
  })
  await exportKeep.check()
  await expect(page.locator('[data-export-withheld="2"]')).toContainText(
    'None of these runs has raw tokens to export',
  )

  // ticked (and remembered): the next run keeps its raw tokens
  await setting(page).check()
  await page.reload()
  await expect(setting(page)).toBeChecked()
  const third = await runFlow(lab, 'openid profile email', 3)
  await expect(page.locator('[data-run-id]')).toBeVisible()
  await expect(page.locator('[data-run-id] [data-raw-tokens]')).toHaveCount(0)
  const [, , kept] = await savedRuns(page)
  expect(kept?.tokens).toEqual(third)
  expect(kept?.withheld).toBeUndefined()

  await page.goto('/#history')
  await expect(rows).toHaveCount(3)
  await expect(rows.first().locator('[data-raw-tokens]')).toHaveCount(0)
  await rows.first().getByRole('button', { name: 'Compare with previous' }).click()
  // the same scope on both sides: nothing added; only the older side lacks its raw tokens
  await expect(comparison.locator('[data-diff-summary]')).not.toContainText('+ email')
  await expect(comparison.locator('[data-raw-tokens-note]')).toContainText('Left run:')
  await expect(comparison.locator('[data-raw-tokens-note]')).not.toContainText('Right run:')
})
