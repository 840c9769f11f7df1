import type { Browser, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { LabPage } from './pages/lab-page'

/** Clicks `Copy setup link` and reads the link back from the clipboard (permissions granted). */
async function copySetupLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy setup link' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  // the same link is shown as text, for browsers that refuse the clipboard
  await expect(page.getByRole('status', { name: 'Copied link' })).toHaveText(copied)
  return copied
}

/** A new browser context: no storage, no session, nothing from the first one. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  return context.newPage()
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('a copied setup link restores the setup in a new browser context, without the secret', async ({
  lab,
  page,
  browser,
}) => {
  await lab.open({ preset: 'demo' })
  await page.getByLabel('Client ID', { exact: true }).fill('oidc-lab-confidential')
  await lab.useSecret('oidc-lab-secret')
  await lab.scope('email').uncheck()
  await lab.scope('api:read').check()
  // the address bar follows the setup while it is edited
  await expect(page).toHaveURL(/client_id=oidc-lab-confidential/)
  await expect(page).toHaveURL(/scope=openid%20profile%20api%3Aread/)

  const link = await copySetupLink(page)
  expect(link).toContain('client_id=oidc-lab-confidential')
  expect(link).not.toContain('oidc-lab-secret')
  expect(link).not.toMatch(/secret|token/i)

  const other = new LabPage(await freshPage(browser))
  await other.page.goto(link)
  await expect(other.page.getByText('Discovery document loaded')).toBeVisible()
  await expect(other.page.getByLabel('Client ID', { exact: true })).toHaveValue(
    'oidc-lab-confidential',
  )
  await expect(other.scope('openid')).toBeChecked()
  await expect(other.scope('profile')).toBeChecked()
  await expect(other.scope('api:read')).toBeChecked()
  await expect(other.scope('email')).not.toBeChecked()
  await expect(other.page.locator('[data-diagnosis="invalid_deep_link"]')).toHaveCount(0)
  await other.page.context().close()

  // a reload of the lab's own link keeps the setup; the secret was never stored (it lives in memory
  // unless "remember on this device" is ticked), so it has to be typed again
  await page.reload()
  await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue('oidc-lab-confidential')
  await expect(lab.scope('api:read')).toBeChecked()
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue('')
})

test('the grant travels in the link too', async ({ lab, page, browser }) => {
  await lab.open({
    preset: 'demo',
    grant: 'client_credentials',
    client_id: 'oidc-lab-confidential',
  })
  const link = await copySetupLink(page)
  expect(link).toContain('grant=client_credentials')
  const other = await freshPage(browser)
  await other.goto(link)
  await expect(other.getByRole('button', { name: 'Request token' })).toBeVisible()
  await other.context().close()
})

test('the matrix scope sets travel in the link and the matrix reads them', async ({
  lab,
  page,
  browser,
}) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab-defaults' })
  await page.getByRole('link', { name: 'Scope → claims matrix' }).click()
  await page.getByRole('radio', { name: 'Type the sets' }).check()
  await page.getByLabel('One scope set per line').fill('openid\nopenid email\nemail')
  await expect(page).toHaveURL(/#matrix\?sets=openid\|openid%20email\|email$/)

  const link = await copySetupLink(page)
  expect(link).toContain('client_id=oidc-lab-defaults')

  const other = await freshPage(browser)
  await other.goto(link)
  await expect(other.getByLabel('One scope set per line')).toHaveValue(
    'openid\nopenid email\nemail',
  )
  await expect(other.getByText('3 sets: openid · openid email · email')).toBeVisible()
  await expect(other.getByText(/with client\s+oidc-lab-defaults/)).toBeVisible()
  await other.context().close()
})
