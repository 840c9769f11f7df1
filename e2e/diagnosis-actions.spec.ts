/**
 * Every diagnosis action button does what its label says: one test per action kind that the demo
 * realm or the misbehaving test provider can trigger. (`rerun_with_scope` and `use_legacy_path`
 * are covered in auth-code-flow.spec.ts and discovery.spec.ts.)
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { startQuirkyProvider, type QuirkyProvider } from './servers/quirky-provider'

let provider: QuirkyProvider

test.beforeAll(async () => {
  provider = await startQuirkyProvider({ port: 8092 })
})

test.afterAll(async () => {
  await provider.close()
})

const action = (page: Page, kind: string) =>
  page.locator(`[role="alert"] button[data-action="${kind}"]`)

test('rerun_without_scope: an unknown scope is refused, and one click runs again without it', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid bogus' })
  await lab.startAuthorization.click()
  // the provider refuses the scope before anyone signs in
  await lab.waitForCallback()
  await expect(lab.diagnosis('invalid_scope')).toBeVisible()
  const button = action(page, 'rerun_without_scope')
  await expect(button).toHaveText('Run again without bogus')
  await button.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await expect(page.locator('[data-step="callback"]')).toHaveAttribute('data-status', 'done')
  await expect(page.locator('[data-step="token"]')).toHaveAttribute('data-status', 'done')
  expect(new URL(page.url()).pathname).toBe('/callback')
})

test('restart_flow: a replayed code is refused, and “Sign in again” gets a fresh code that works', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken).toBeVisible()
  await lab.exchangeCode.click()
  const firstCode = new URL(page.url()).searchParams.get('code')
  await action(page, 'restart_flow').first().click()
  await page.waitForURL((url) => url.searchParams.get('code') !== firstCode)
  await expect(page.locator('[data-step="token"]')).toHaveAttribute('data-status', 'done')
  await expect(page.locator('[data-step="token"] [data-status-code="400"]')).toHaveCount(0)
})

test('remove_prompt_none: prompt=none without a session is login_required; one click signs in', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid' })
  await page.getByText('Optional parameters').click()
  await page.getByLabel('prompt').fill('none')
  await lab.startAuthorization.click()
  await lab.waitForCallback()
  await expect(lab.diagnosis('login_required')).toBeVisible()
  const button = action(page, 'remove_prompt_none')
  await expect(button).toHaveText('Run again without prompt=none')
  await button.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await expect(page.locator('[data-step="token"]')).toHaveAttribute('data-status', 'done')
})

test('remove_legacy_path: a Keycloak ≥ 17 realm addressed with /auth is fixed by one click', async ({
  page,
}) => {
  await page.goto('/?preset=keycloak')
  await page.getByLabel('Keycloak base URL').fill('http://localhost:8080')
  await page.getByRole('textbox', { name: 'Realm' }).fill('demo')
  await page.getByRole('checkbox', { name: /Legacy/ }).check()
  const button = action(page, 'remove_legacy_path')
  await expect(button).toHaveText('Remove the /auth path')
  await button.click()
  await expect(page.getByRole('checkbox', { name: /Legacy/ })).not.toBeChecked()
  await expect(page.getByText('Discovery document loaded')).toBeVisible()
})

test('use_issuer: discovery that names another issuer offers it, and one click uses it', async ({
  lab,
  page,
}) => {
  await page.goto(`/?issuer=${encodeURIComponent(provider.issuerFor('mismatch'))}`)
  await expect(lab.diagnosis('discovery_failed')).toBeVisible()
  const claimed = `${new URL(provider.issuer).origin}/other`
  const button = action(page, 'use_issuer')
  await expect(button).toHaveText(`Use ${claimed}`)
  await button.click()
  await expect(page.getByLabel('Issuer URL')).toHaveValue(claimed)
})

test('enable_pkce: a provider that demands PKCE refuses, and one click turns it on and passes', async ({
  lab,
  page,
}) => {
  await lab.open({
    issuer: provider.issuerFor('needs-pkce'),
    client_id: 'any-app',
    scope: 'openid',
  })
  await lab.useSecret('whatever')
  await page.getByRole('checkbox', { name: /Also use PKCE/ }).uncheck()
  await lab.startAuthorization.click()
  await lab.waitForCallback()
  const button = action(page, 'enable_pkce')
  await expect(button).toHaveText('Turn on PKCE and run again')
  await button.click()
  await page.waitForURL(/code=/)
  await expect(page.locator('[data-step="callback"]')).toHaveAttribute('data-status', 'done')
})

test('send_nonce: a provider that demands a nonce refuses, and one click sends one and passes', async ({
  lab,
  page,
}) => {
  await lab.open({
    issuer: provider.issuerFor('needs-nonce'),
    client_id: 'any-spa',
    scope: 'profile',
  })
  await lab.startAuthorization.click()
  await lab.waitForCallback()
  const button = action(page, 'send_nonce')
  await expect(button).toHaveText('Send a nonce and run again')
  await button.click()
  await page.waitForURL(/code=/)
  await expect(page.locator('[data-step="callback"]')).toHaveAttribute('data-status', 'done')
})

test('switch_client_auth: a provider that takes only client_secret_basic refuses post; one click switches', async ({
  lab,
  page,
}) => {
  await lab.open({
    issuer: provider.issuerFor('basic-only'),
    client_id: 'basic-only',
    scope: 'openid',
  })
  await lab.useSecret('basic-secret')
  await page.getByRole('radio', { name: 'client_secret_post' }).check()
  await lab.startAuthorization.click()
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.diagnosis('invalid_client')).toBeVisible()
  const button = action(page, 'switch_client_auth')
  await expect(button).toHaveText('Switch to client_secret_basic and run again')
  await button.click()
  await page.waitForURL(/code=/)
  await expect(page.locator('[data-step="token"]')).toHaveAttribute('data-status', 'done')
  await expect(page.locator('[data-step="token"]')).toContainText('Authorization: Basic')
})
