import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  HOSTILE_MARKUP,
  HOSTILE_SCRIPT,
  HOSTILE_URL,
  startQuirkyProvider,
  type QuirkyProvider,
} from './servers/quirky-provider'

let provider: QuirkyProvider

test.beforeAll(async () => {
  provider = await startQuirkyProvider({ port: 8092 })
})

test.afterAll(async () => {
  await provider.close()
})

/** Any dialog (alert, confirm, prompt) a payload might open is recorded, then dismissed. */
function recordDialogs(page: Page) {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return dialogs
}

/** Nothing ran, nothing became markup, no link is live, and the page did not grow sideways. */
async function expectInert(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => '__hostile' in window)).toBe(false)
  expect(dialogs).toEqual([])
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0)
  await expect(page.locator('a[href^="data:" i]')).toHaveCount(0)
  await expect(page.locator('img[src="x"], [onerror], [onload], body script')).toHaveCount(0)
  await expect(page.locator('svg[onload]')).toHaveCount(0)
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0)
}

/** Opens every collapsed `<details>` on the page (raw responses, recorded exchanges). */
async function openAllDetails(page: Page) {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true
  })
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

test('claims, userinfo and a token response full of markup, scripts and javascript: URLs render as text', async ({
  lab,
  page,
}) => {
  const dialogs = recordDialogs(page)
  await lab.open({
    issuer: provider.issuerFor('hostile'),
    client_id: 'any-spa',
    scope: 'openid profile email',
  })
  await lab.runWholeFlow.click()
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()

  for (const region of [lab.idToken, lab.userinfo]) {
    await expect(region.locator('[data-claim="name"]').first()).toContainText(HOSTILE_MARKUP)
    await expect(region.locator('[data-claim="given_name"]').first()).toContainText(HOSTILE_SCRIPT)
    await expect(region.locator('[data-claim="website"]').first()).toContainText(HOSTILE_URL)
    await expect(
      region.locator('[data-claim="preferred_username"] [data-invisible="U+202E"]').first(),
    ).toBeVisible()
    await expect(region.locator('[data-claim="note"]').first()).toContainText('WWWW')
  }
  await expect(lab.check('signature', lab.idToken)).toHaveAttribute('data-status', 'pass')
  await expectInert(page, dialogs)

  // the raw token response and every recorded exchange, opened, are text too
  await openAllDetails(page)
  await expectInert(page, dialogs)
})

test('a crafted unsigned token pasted into inspect renders as text', async ({ page }) => {
  const dialogs = recordDialogs(page)
  const token = [
    encode({ alg: 'none', typ: HOSTILE_MARKUP, kid: HOSTILE_SCRIPT, jku: HOSTILE_URL }),
    encode({
      sub: HOSTILE_MARKUP,
      iss: HOSTILE_URL,
      aud: [HOSTILE_SCRIPT, HOSTILE_URL],
      picture: HOSTILE_URL,
      [HOSTILE_SCRIPT]: { nested: HOSTILE_MARKUP, deeper: [{ deepest: HOSTILE_URL }] },
      preferred_username: '\u202Enimda',
    }),
    '',
  ].join('.')
  await page.goto('/#inspect')
  await page.getByLabel('Token or token response').fill(token)
  const region = page.getByRole('region', { name: 'Token', exact: true })
  await expect(region.locator('[data-claim="sub"]')).toContainText(HOSTILE_MARKUP)
  await expect(region.locator('[data-claim="picture"]')).toContainText(HOSTILE_URL)
  await expect(region.locator('[data-claim="preferred_username"]')).not.toContainText('admin')
  await page.getByLabel('Issuer').fill(HOSTILE_URL)
  for (const tab of await region.getByRole('tab').all()) {
    await tab.click()
    await expectInert(page, dialogs)
  }
})

test('a device authorization with a javascript: verification_uri_complete and a markup user code offers no such link', async ({
  page,
  lab,
}) => {
  const dialogs = recordDialogs(page)
  await lab.open({
    issuer: provider.issuerFor('hostile'),
    client_id: 'any-tv',
    grant: 'device_code',
    scope: 'openid',
  })
  await page.getByRole('button', { name: 'Start device authorization' }).click()
  await expect(page.locator('[data-user-code]')).toHaveText(HOSTILE_MARKUP)
  await expect(page.locator('[data-poll="authorization_pending"]').first()).toBeVisible()
  // the unusable complete URI is dropped and said so; the plain verification URI stays
  await expect(page.locator('[data-verification-complete]')).toHaveCount(0)
  await expect(page.getByRole('img', { name: 'QR code of the verification URI' })).toHaveCount(0)
  await expect(page.getByText(/not an absolute http\(s\) URL; ignored/).first()).toBeVisible()
  await expectInert(page, dialogs)
})

test('a callback whose error_description is markup shows it as text', async ({ page }) => {
  const dialogs = recordDialogs(page)
  const query = new URLSearchParams({
    error: 'access_denied',
    error_description: `${HOSTILE_MARKUP}${HOSTILE_SCRIPT}`,
    error_uri: HOSTILE_URL,
    state: HOSTILE_MARKUP,
  })
  await page.goto(`/callback?${query.toString()}`)
  await expect(page.getByText(HOSTILE_MARKUP, { exact: false }).first()).toBeVisible()
  await expectInert(page, dialogs)
})
