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
