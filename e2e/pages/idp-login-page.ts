import { expect, type Locator, type Page } from '@playwright/test'

/** The demo realm's Keycloak-like login form. */
export class IdpLoginPage {
  readonly username: Locator
  readonly password: Locator
  readonly signIn: Locator
  readonly error: Locator

  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.username = page.getByLabel(/username/i)
    this.password = page.getByLabel(/password/i)
    this.signIn = page.getByRole('button', { name: 'Sign In' })
    this.error = page.getByText('Invalid username or password.')
  }

  async signInAs(user: string, password = user) {
    await expect(this.signIn).toBeVisible()
    await this.username.fill(user)
    await this.password.fill(password)
    await this.signIn.click()
  }
}

/**
 * Clicks the button that opens the demo realm's sign-in in a popup (the matrix, the lessons) and
 * signs in there; the popup closes itself once the realm sends it back.
 */
export async function signInInPopup(page: Page, button: string, user = 'alice') {
  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('button', { name: button }).click()
  const popup = await popupPromise
  await popup.getByLabel(/username/i).fill(user)
  await popup.getByLabel(/password/i).fill(user)
  await popup.getByRole('button', { name: 'Sign In' }).click()
}
