import { readFile } from 'node:fs/promises'
import type { Browser, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { IdpLoginPage } from './pages/idp-login-page'
import type { LabPage } from './pages/lab-page'

/** One guided code flow to userinfo 200 as alice; signs in when the realm asks. */
async function runFlow(lab: LabPage, query: Record<string, string>, secret?: string) {
  await lab.open({ preset: 'demo', ...query })
  if (secret) await lab.useSecret(secret)
  await lab.startAuthorization.click()
  const login = new IdpLoginPage(lab.page)
  await Promise.race([
    login.signIn.waitFor().then(() => login.signInAs('alice')),
    lab.waitForCallback(),
  ])
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken.locator('[data-claim="sub"]')).toBeVisible()
  await lab.callUserinfo.click()
  await expect(lab.page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  // saved with its userinfo answer
  await expect(lab.page.locator('[data-run-id]')).toBeVisible()
}

async function openHistory(page: Page) {
  await page.goto('/#history')
  await expect(page.getByRole('button', { name: 'Export runs' })).toBeVisible()
}

async function exportRuns(page: Page, keepTokens = false): Promise<string> {
  await openHistory(page)
  if (keepTokens)
    await page
      .getByRole('checkbox', { name: /^Keep raw tokens \(signatures, refresh tokens, codes/ })
      .check()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export runs' }).click()
  const path = await (await download).path()
  return readFile(path, 'utf8')
}

async function importFile(
  page: Page,
  button: 'Import runs' | 'Import HAR',
  file: string | { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: button }).click()
  await (await chooser).setFiles(file)
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage()
}

const comparison = (page: Page) => page.getByRole('region', { name: 'Comparison', exact: true })

test('runs exported from one browser and imported into a new one compare as they did', async ({
  lab,
  page,
  browser,
}) => {
  await runFlow(lab, { scope: 'openid profile' })
  await runFlow(lab, { scope: 'openid profile email' })
  await openHistory(page)
  const rows = page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem')
  await expect(rows).toHaveCount(2)
  const newer = await rows.first().getAttribute('data-run-id')
  const older = await rows.last().getAttribute('data-run-id')
  await page.goto(`/#compare=${older},${newer}`)
  const summary = await comparison(page).locator('[data-diff-summary]').innerText()
  expect(summary).toContain('email')
  const idTable = comparison(page).getByRole('table', { name: 'ID token', exact: true })
  const added = await idTable
    .locator('[data-diff="added"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim')))
  expect(added).toContain('email')

  const text = await exportRuns(page)
  const file = JSON.parse(text) as {
    format: string
    version: number
    runs: { tokens: Record<string, string> }[]
  }
  expect(file.format).toBe('oidc-lab-runs')
  expect(file.version).toBe(1)
  // signatures removed by default: header.payload. only
  for (const run of file.runs) expect(run.tokens.idToken).toMatch(/^[\w-]+\.[\w-]+\.$/)

  const other = await freshPage(browser)
  await openHistory(other)
  await importFile(other, 'Import runs', {
    name: 'runs.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })
  await expect(other.getByRole('status').filter({ hasText: 'Imported 2 runs' })).toBeVisible()
  await expect(other.locator('[data-imported="export"]')).toHaveCount(2)

  await other.goto(`/#compare=${older},${newer}`)
  await expect(comparison(other).locator('[data-diff-summary]')).toHaveText(summary)
  const addedThere = await comparison(other)
    .getByRole('table', { name: 'ID token', exact: true })
    .locator('[data-diff="added"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim')))
  expect(addedThere).toEqual(added)

  // the same file again: nothing new, the duplicates counted
  await openHistory(other)
  await importFile(other, 'Import runs', {
    name: 'runs.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })
  await expect(
    other.getByRole('status').filter({ hasText: '2 runs already in this history (skipped)' }),
  ).toBeVisible()
  await other.context().close()
})

test('the export of a confidential client run holds no client secret, raw tokens or not', async ({
  lab,
  page,
}) => {
  const secret = 'oidc-lab-secret'
  await runFlow(lab, { client_id: 'oidc-lab-confidential', scope: 'openid email' }, secret)
  const basic = Buffer.from(`oidc-lab-confidential:${secret}`).toString('base64')
  for (const keepTokens of [false, true]) {
    const text = await exportRuns(page, keepTokens)
    expect(text).toContain('oidc-lab-confidential')
    expect(text).not.toContain(secret)
    expect(text).not.toContain(basic)
  }
})

test('a file that is not a runs export gets a specific message', async ({ page }) => {
  await openHistory(page)
  await importFile(page, 'Import runs', {
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hello'),
  })
  await expect(page.locator('[data-import-error]')).toContainText(
    'notes.txt: This file is not JSON',
  )
  await importFile(page, 'Import runs', {
    name: 'session.har',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ log: { version: '1.2', entries: [] } })),
  })
  await expect(page.locator('[data-import-error]')).toContainText('use Import HAR')
})
