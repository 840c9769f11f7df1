import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const overflow = (page: Page) =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))

const foldButton = (page: Page, step: string) =>
  page.locator(`[data-step="${step}"] button[aria-controls="step-${step}-body"]`)

test('a phone, 390 px: a finished run to userinfo fits the width, its finished steps folded', async ({
  lab,
  idpLogin,
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await lab.open({ preset: 'demo', scope: 'openid profile email' })
  await lab.runWholeFlow.click()
  await idpLogin.signInAs('alice')
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()

  const { scrollWidth, innerWidth } = await overflow(page)
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth)

  // the callback and the code exchange are behind the run now: folded, tokens still in sight
  for (const step of ['callback', 'token']) {
    await expect(page.locator(`[data-step="${step}"]`)).toHaveAttribute('data-status', 'done')
    await expect(foldButton(page, step)).toHaveAttribute('aria-expanded', 'false')
  }
  await expect(page.locator('[data-callback-param="code"]')).toBeHidden()
  await expect(page.getByLabel('Token request scope')).toBeHidden()
  await expect(lab.idToken.locator('[data-claim="email"]')).toBeVisible()
  // the newest step stays open
  await expect(foldButton(page, 'userinfo')).toHaveAttribute('aria-expanded', 'true')
  await expect(lab.userinfo.locator('[data-claim="email"]')).toBeVisible()

  // the reader can unfold, and the page still fits
  await foldButton(page, 'token').click()
  await expect(foldButton(page, 'token')).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByLabel('Token request scope')).toBeVisible()
  await expect(page.locator('[data-step="token"] [data-status-code="200"]')).toBeVisible()
  const unfolded = await overflow(page)
  expect(unfolded.scrollWidth).toBeLessThanOrEqual(unfolded.innerWidth)
})

test('a phone, 390 px: the failed-userinfo run fits the width too, the failed step open', async ({
  lab,
  idpLogin,
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await lab.open({ preset: 'demo', scope: 'profile email' })
  await lab.runWholeFlow.click()
  await idpLogin.signInAs('alice')
  await expect(lab.diagnosis('insufficient_scope')).toBeVisible()
  const { scrollWidth, innerWidth } = await overflow(page)
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
  await expect(page.locator('[data-step="userinfo"]')).toHaveAttribute('data-status', 'fail')
  await expect(foldButton(page, 'token')).toHaveAttribute('aria-expanded', 'false')
  await expect(page.locator('[data-step="userinfo"]')).not.toHaveAttribute('data-folded')
})

test('1440 px: the run summary is above the fold and leads into the folded steps', async ({
  lab,
  idpLogin,
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await lab.open({ preset: 'demo', scope: 'profile email' })
  await lab.runWholeFlow.click()
  await idpLogin.signInAs('alice')
  await expect(lab.diagnosis('insufficient_scope')).toBeVisible()
  await page.evaluate(() => window.scrollTo(0, 0))

  const summary = page.getByRole('region', { name: 'Run summary' })
  await expect(summary).toBeInViewport({ ratio: 1 })
  await expect(summary.locator('[data-summary="tokens"]')).toContainText('access token')
  await expect(summary.locator('[data-summary="tokens"]')).not.toContainText('ID token')
  await expect(summary.locator('[data-summary="requested"]')).toContainText('profile email')
  await expect(summary.locator('[data-summary="granted"]')).toContainText('profile email')
  await expect(summary.locator('[data-summary="userinfo"]')).toContainText('403')
  await expect(summary.locator('[data-summary="diagnosis"]')).toContainText('Userinfo')

  await expect(foldButton(page, 'token')).toHaveAttribute('aria-expanded', 'false')
  await summary.locator('[data-summary="granted"]').getByRole('link').click()
  await expect(foldButton(page, 'token')).toHaveAttribute('aria-expanded', 'true')
  await expect(page.locator('#step-token-title')).toBeInViewport()
  await expect(page.getByRole('region', { name: 'Requested vs granted scopes' })).toBeVisible()
  expect(new URL(page.url()).hash).toBe('')
})
