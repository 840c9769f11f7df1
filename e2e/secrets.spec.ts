import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const SECRET = 'oidc-lab-secret'
const BASIC = Buffer.from(`oidc-lab-confidential:${SECRET}`).toString('base64')

/** Everything this tab keeps in sessionStorage, as one string. */
const sessionDump = (page: Page) =>
  page.evaluate(() => JSON.stringify(Object.entries(window.sessionStorage)))

test('the client secret crosses the redirect in sessionStorage, then lives in memory only; the used code leaves the address bar', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab-confidential', scope: 'openid profile' })
  await lab.useSecret(SECRET)
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  // back from the provider with the code still to exchange: the secret was needed across the redirect
  expect(await sessionDump(page)).toContain(SECRET)
  const code = new URL(page.url()).searchParams.get('code')
  expect(code).toBeTruthy()

  await lab.exchangeCode.click()
  await expect(lab.check('signature', lab.idToken)).toHaveAttribute('data-status', 'pass')
  // the code is spent: no code, state, session_state or iss in the address bar, still on screen
  await expect(page).toHaveURL(/\/callback$/)
  // the finished callback step folds once the token step is done: unfold it to read the code
  await page.locator('[data-step="callback"]').getByRole('button', { name: 'Expand' }).click()
  await expect(page.locator('[data-callback-param="code"]')).toContainText(code ?? '')
  const dump = await sessionDump(page)
  expect(dump).not.toContain(SECRET)
  expect(dump).not.toContain(BASIC)
  expect(dump).toContain('authorization_code')

  // the secret is still in memory for the rest of the run
  await page.getByRole('button', { name: 'Refresh tokens' }).click()
  await expect(page.getByRole('region', { name: 'Refresh comparison' })).toBeVisible()
  expect(await sessionDump(page)).not.toContain(SECRET)

  // a reload of the cleaned /callback resumes the same run, with no secret to be found
  await page.reload()
  await page.locator('[data-step="callback"]').getByRole('button', { name: 'Expand' }).click()
  await expect(page.locator('[data-callback-param="code"]')).toContainText(code ?? '')
  await expect(lab.idToken.locator('[data-claim="sub"]')).toBeVisible()
  expect(await sessionDump(page)).not.toContain(SECRET)
  const local = await page.evaluate(() => JSON.stringify(Object.entries(window.localStorage)))
  expect(local).not.toContain(SECRET)
})

/** Every storage the lab could use in this browser, as counts. */
const storageState = (page: Page) =>
  page.evaluate(async () => ({
    local: Object.keys(window.localStorage).filter((key) => key.startsWith('oidc-lab')),
    session: Object.keys(window.sessionStorage),
    databases: (await window.indexedDB.databases())
      .map((db) => db.name ?? '')
      .filter((name) => name.startsWith('oidc-lab')),
  }))

test('Forget everything empties localStorage, sessionStorage and the run history, after a confirmation', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid profile' })
  await lab.runWholeFlow.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  // the run is written to IndexedDB after userinfo: wait for the page to say so before leaving it
  await expect(page.getByText('Saved to the history as')).toBeVisible()
  await page.goto('/#history')
  await expect(page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem')).toHaveCount(1)
  const before = await storageState(page)
  expect(before.local.length).toBeGreaterThan(0)
  expect(before.session.length).toBeGreaterThan(0)
  expect(before.databases).toEqual(['oidc-lab-runs'])

  await page.getByRole('button', { name: 'Forget everything' }).click()
  // nothing is deleted before the confirmation; Cancel keeps it all
  await page.getByRole('button', { name: 'Cancel' }).click()
  expect(await storageState(page)).toEqual(before)
  await page.getByRole('button', { name: 'Forget everything' }).click()
  await page.getByRole('button', { name: 'Yes, forget everything' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Forgotten' })).toContainText(
    'the run history',
  )
  expect(await storageState(page)).toEqual({ local: [], session: [], databases: [] })

  await page.goto('/#history')
  await expect(page.getByText('No runs yet.')).toBeVisible()
})
