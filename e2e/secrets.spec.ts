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
  await expect(page.locator('[data-callback-param="code"]')).toContainText(code ?? '')
  await expect(lab.idToken.locator('[data-claim="sub"]')).toBeVisible()
  expect(await sessionDump(page)).not.toContain(SECRET)
  const local = await page.evaluate(() => JSON.stringify(Object.entries(window.localStorage)))
  expect(local).not.toContain(SECRET)
})
