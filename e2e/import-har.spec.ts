import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { IdpLoginPage } from './pages/idp-login-page'
import { LabPage } from './pages/lab-page'
import { savedRuns as storedRuns } from './pages/saved-runs'

const savedRuns = (page: Page) => storedRuns<SavedRun>(page)

interface SavedRun {
  id: string
  requestedScope: string[]
  tokens: { idToken?: string; accessToken?: string }
  userinfo?: { status?: number; claims?: Record<string, unknown> }
  imported?: { from: string }
}

const byScope = (runs: SavedRun[], scope: string) =>
  runs.find((r) => r.requestedScope.join(' ') === scope)

/** One guided code flow as alice, to the userinfo answer; the diagnoses of the userinfo step. */
async function liveRun(lab: LabPage, scope: string, status: number): Promise<string[]> {
  await lab.open({ preset: 'demo', scope })
  await lab.startAuthorization.click()
  const login = new IdpLoginPage(lab.page)
  await Promise.race([
    login.signIn.waitFor().then(() => login.signInAs('alice')),
    lab.waitForCallback(),
  ])
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.accessToken).toBeVisible()
  await lab.callUserinfo.click()
  const step = lab.page.locator('[data-step="userinfo"]')
  await expect(step.locator(`[data-status-code="${status}"]`)).toBeVisible()
  await expect
    .poll(async () => byScope(await savedRuns(lab.page), scope)?.userinfo?.status)
    .toBe(status)
  return step
    .locator('[data-diagnosis]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-diagnosis') ?? ''))
}

test('a HAR recorded during real runs, with and without openid, imports into the same claims and diagnoses', async ({
  browser,
  page,
}, testInfo) => {
  const harPath = testInfo.outputPath('sign-in.har')
  const recording = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } })
  const lab = new LabPage(await recording.newPage())
  const withOpenid = await liveRun(lab, 'openid profile email', 200)
  const withoutOpenid = await liveRun(lab, 'profile email', 403)
  expect(withoutOpenid).toContain('insufficient_scope')
  const live = await savedRuns(lab.page)
  // closing the context writes the HAR
  await recording.close()

  await page.goto('/#history')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import HAR' }).click()
  await (await chooser).setFiles(harPath)
  const result = page.getByRole('region', { name: 'HAR import' })
  await expect(result.getByRole('status')).toContainText('2 sign-ins found; 2 added')

  // the same diagnoses as the live runs
  const imported = await savedRuns(page)
  expect(imported.every((r) => r.imported?.from === 'har')).toBe(true)
  const runOf = (scope: string) =>
    result.locator(
      `[data-har-run="${imported.find((r) => r.requestedScope.join(' ') === scope)?.id}"]`,
    )
  const codes = (scope: string) =>
    runOf(scope)
      .locator('[data-har-step="userinfo"] [data-diagnosis]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-diagnosis') ?? ''))
  expect(await codes('profile email')).toEqual(withoutOpenid)
  expect(await codes('openid profile email')).toEqual(withOpenid)
  await expect(runOf('profile email')).toContainText('imported from HAR')

  // the same tokens, claims and userinfo answers as the live runs
  for (const scope of ['openid profile email', 'profile email']) {
    const [a, b] = [byScope(live, scope), byScope(imported, scope)]
    expect(b?.tokens.idToken).toBe(a?.tokens.idToken)
    expect(b?.tokens.accessToken).toBe(a?.tokens.accessToken)
    expect(b?.userinfo).toEqual(a?.userinfo)
  }
  expect(byScope(imported, 'profile email')?.tokens.idToken).toBeUndefined()

  // openable and comparable like any run: the ID token's claims against userinfo
  const row = page
    .getByRole('list', { name: 'Saved runs' })
    .getByRole('listitem')
    .filter({ hasText: 'openid profile email' })
  await expect(row.locator('[data-imported="har"]')).toBeVisible()
  await row.getByRole('button', { name: 'Compare views' }).click()
  const views = page.getByRole('region', { name: 'View comparison' })
  await expect(views.locator('[data-claim="iss"][data-diff="removed"]')).toBeVisible()

  // entries it does not understand are listed, never fatal
  await result.getByText(/entries not part of the sign-in/).click()
  await expect(
    result
      .getByRole('list', { name: 'Entries not part of the sign-in' })
      .getByRole('listitem')
      .first(),
  ).toContainText('not part of the sign-in')
})

test('a file that is not a HAR gets a specific message', async ({ page }) => {
  await page.goto('/#history')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import HAR' }).click()
  await (
    await chooser
  ).setFiles({
    name: 'notes.har',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": "world"}'),
  })
  await expect(page.locator('[data-import-error]')).toContainText(
    'notes.har: This JSON is not a HAR',
  )
})
