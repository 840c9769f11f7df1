import { expect, type Page } from '@playwright/test'
import type { IdpLoginPage } from './pages/idp-login-page'
import type { LabPage } from './pages/lab-page'

export const APP_ORIGIN = 'http://localhost:4173'
export const DEMO_ORIGIN = 'http://localhost:8080'
export const DEMO_ISSUER = `${DEMO_ORIGIN}/realms/demo`

/**
 * Everything a user does in one sitting against the demo realm: the whole code flow to userinfo
 * (a refresh token included), a refresh, the scope matrix (silent authorizations in a hidden
 * iframe), inspect with the signature checked against the realm's JWKS, and the history.
 */
export async function fullTour(page: Page, lab: LabPage, idpLogin: IdpLoginPage) {
  await lab.open({ preset: 'demo', scope: 'openid profile email offline_access' })
  await lab.runWholeFlow.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  await expect(lab.check('signature', lab.idToken)).toHaveAttribute('data-status', 'pass')
  const rawView = lab.idToken.locator('[data-raw-token]')
  await expect(rawView).toHaveAttribute('data-raw-token', /\S/)
  const idToken = (await rawView.getAttribute('data-raw-token')) ?? ''
  await page.getByRole('button', { name: 'Refresh tokens' }).click()
  await expect(page.getByRole('region', { name: 'Refresh comparison' })).toBeVisible()

  await page.goto('/?preset=demo#matrix')
  await page.getByRole('radio', { name: 'Type the sets' }).check()
  await page.getByLabel('One scope set per line').fill('openid\nopenid email')
  await page.getByRole('button', { name: 'Run matrix' }).click()
  // the realm session from the flow above: the matrix runs without a sign-in
  await expect(page.locator('[data-matrix-status="done"]')).toBeVisible()

  await page.goto(`/#token=${encodeURIComponent(idToken)}`)
  const region = page.getByRole('region', { name: 'Token', exact: true })
  await page.getByLabel('Issuer').fill(DEMO_ISSUER)
  await expect(lab.check('signature', region)).toHaveAttribute('data-status', 'pass')

  await page.goto('/#history')
  await expect(page.getByRole('list', { name: 'Saved runs' })).toBeVisible()
}
