import { expect, type Locator, type Page } from '@playwright/test'

/** OIDC Lab, driven through the names of the UI contract. */
export class LabPage {
  readonly startAuthorization: Locator
  readonly runWholeFlow: Locator
  readonly exchangeCode: Locator
  readonly callUserinfo: Locator
  readonly idToken: Locator
  readonly accessToken: Locator
  readonly refreshToken: Locator
  readonly userinfo: Locator

  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.startAuthorization = page.getByRole('button', { name: 'Start authorization' })
    this.runWholeFlow = page.getByRole('button', { name: 'Run the whole flow' })
    this.exchangeCode = page.getByRole('button', { name: 'Exchange code' })
    this.callUserinfo = page.getByRole('button', { name: 'Call userinfo' })
    this.idToken = page.getByRole('region', { name: 'ID token' })
    this.accessToken = page.getByRole('region', { name: 'Access token' })
    this.refreshToken = page.getByRole('region', { name: 'Refresh token' })
    this.userinfo = page.getByRole('region', { name: 'Userinfo response' })
  }

  async open(query: Record<string, string> = { preset: 'demo' }) {
    await this.page.goto(`/?${new URLSearchParams(query).toString()}`)
    await expect(this.page.getByText('Discovery document loaded')).toBeVisible()
    // only the code grant leaves for the provider; the others run on this page
    if ((query.grant ?? 'authorization_code') === 'authorization_code')
      await expect(this.startAuthorization).toBeEnabled()
  }

  /** Makes the client confidential and types its secret (never taken from a link). */
  async useSecret(secret: string) {
    await this.page.getByRole('radio', { name: /Confidential/ }).check()
    await this.page.getByLabel('Client secret', { exact: true }).fill(secret)
  }

  scope(name: string): Locator {
    return this.page.getByRole('checkbox', { name, exact: true })
  }

  diagnosis(code: string): Locator {
    return this.page.locator(`[role="alert"][data-diagnosis="${code}"]`)
  }

  check(id: string, scope: Locator = this.page.locator('body')): Locator {
    return scope.locator(`[data-check="${id}"]`)
  }

  async waitForCallback() {
    await this.page.waitForURL(/\/callback\?/)
  }
}
