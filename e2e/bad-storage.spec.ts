import { expect, test } from './fixtures'

const cases = [
  {
    name: 'a remembered setup with clientId null',
    storage: 'localStorage',
    key: 'oidc-lab:remembered-config:v1',
    value: '{"clientId":null,"scopes":"openid"}',
    path: '/',
    notice: 'Some remembered settings were unreadable and were reset: clientId, scopes.',
  },
  {
    name: 'a saved flow with an empty config, then a callback',
    storage: 'sessionStorage',
    key: 'oidc-lab:flow:v1',
    value: '{"config":{}}',
    path: '/callback?code=x&state=y',
    notice: 'The saved flow of this tab was unreadable and was dropped',
  },
] as const

for (const c of cases) {
  test(`stored garbage never blanks the app: ${c.name}`, async ({ page }) => {
    // written before the app starts, as a stale value from an older session would be
    await page.addInitScript(({ storage, key, value }) => {
      window.sessionStorage.clear()
      window[storage].setItem(key, value)
    }, c)
    await page.goto(c.path)
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
    await expect(page.locator('[data-diagnosis="app_error"]')).toHaveCount(0)
    await expect(page.locator('[data-notice="storage"]')).toContainText(c.notice)
  })
}

test('stored garbage never blanks the app: a saved exchange log of [null]', async ({ page }) => {
  await page.addInitScript(() => window.sessionStorage.setItem('oidc-lab:exchanges:v1', '[null]'))
  await page.goto('/')
  await expect(page.getByText('Discovery document loaded')).toBeVisible()
  await expect(page.locator('[data-diagnosis="app_error"]')).toHaveCount(0)
})
