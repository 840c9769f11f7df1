import { expect, type Page } from '@playwright/test'
import { signInInPopup } from './idp-login-page'

/**
 * On the matrix view: types the scope sets (one per line), runs them, signs in once in the popup
 * the matrix opens (no session at the realm yet), and waits until every set ran.
 */
export async function runMatrixWithSignIn(page: Page, sets: readonly string[]) {
  await page.getByRole('radio', { name: 'Type the sets' }).check()
  await page.getByLabel('One scope set per line').fill(sets.join('\n'))
  await page.getByRole('button', { name: 'Run matrix' }).click()
  await signInInPopup(page, 'Sign in at the provider')
  await expect(page.locator('[data-matrix-status="done"]')).toBeVisible()
}
