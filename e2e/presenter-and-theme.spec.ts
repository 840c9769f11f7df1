import { expect, test } from './fixtures'
import { backgroundLuminance, luminance, textSizes } from './display-probes'

const STORAGE_KEY = 'oidc-lab:display:v1'

test('presenter mode: every text on a finished run is at least 18 px at 1280×720, and it survives a reload', async ({
  lab,
  idpLogin,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await lab.open({ preset: 'demo', scope: 'openid profile email' })
  await lab.runWholeFlow.click()
  await idpLogin.signInAs('alice')
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()

  const small = (await textSizes(page)).filter((t) => t.px < 18)
  expect(small.length).toBeGreaterThan(0) // the default view is not for projectors

  const presenter = page.getByRole('button', { name: 'Presenter mode' })
  await expect(presenter).toHaveAttribute('aria-pressed', 'false')
  await presenter.click()
  await expect(presenter).toHaveAttribute('aria-pressed', 'true')

  const sizes = await textSizes(page)
  // the probe does see the step text, the claims and the userinfo answer
  expect(sizes.filter((t) => t.where.endsWith('@userinfo')).length).toBeGreaterThan(10)
  expect(sizes.filter((t) => t.where.endsWith('@token')).length).toBeGreaterThan(10)
  expect(sizes.filter((t) => t.px < 18)).toEqual([])
  const claim = lab.userinfo.locator('[data-claim="email"] td').first()
  expect(
    await claim.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
  ).toBeGreaterThanOrEqual(18)

  // descriptions folded: each step's note is behind a disclosure
  const note = page.locator('[data-step="userinfo"] [data-step-note]')
  await expect(note.getByText('About this step')).toBeVisible()
  await expect(note.locator('p')).toBeHidden()

  await page.reload()
  await expect(presenter).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('html')).toHaveAttribute('data-presenter', '')
  await expect(lab.userinfo.locator('[data-claim="email"]')).toBeVisible()
  expect((await textSizes(page)).filter((t) => t.px < 18)).toEqual([])

  await presenter.click()
  await expect(presenter).toHaveAttribute('aria-pressed', 'false')
  await page.reload()
  await expect(page.locator('html')).not.toHaveAttribute('data-presenter')
})

test('presenter mode on a 390 px phone: the lab and a finished run never scroll sideways', async ({
  lab,
  idpLogin,
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await lab.open({ preset: 'demo', scope: 'openid profile email' })
  await page.getByRole('button', { name: 'Presenter mode' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-presenter', '')
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
  expect(await pageWidth()).toBe(390)
  await lab.runWholeFlow.click()
  await idpLogin.signInAs('alice')
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  expect(await pageWidth()).toBe(390)
})

test.describe('under a dark system theme', () => {
  test.use({ colorScheme: 'dark' })

  test('System follows it, Light overrides it, and the choice survives a reload', async ({
    lab,
    page,
  }) => {
    await lab.open({ preset: 'demo' })
    const theme = page.getByRole('combobox', { name: 'Theme' })
    await expect(theme).toHaveValue('system')
    expect(await backgroundLuminance(page)).toBeLessThan(0.05)

    await theme.selectOption('light')
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8)
    await page.reload()
    await expect(theme).toHaveValue('light')
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8)

    await theme.selectOption('system')
    expect(await backgroundLuminance(page)).toBeLessThan(0.05)
  })
})

test.describe('under a light system theme', () => {
  test.use({ colorScheme: 'light' })

  test('Dark switches the page dark, kept across reloads; a garbled stored value falls back to System', async ({
    lab,
    page,
  }) => {
    await lab.open({ preset: 'demo' })
    const theme = page.getByRole('combobox', { name: 'Theme' })
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8)
    await theme.selectOption('dark')
    expect(await backgroundLuminance(page)).toBeLessThan(0.05)
    // the cards and the text turn too, not only the page behind them
    const card = page.locator('[data-step="discovery"]')
    const cardBg = await luminance(card, 'backgroundColor')
    const title = await luminance(card.locator('h2'), 'color')
    expect(cardBg).toBeLessThan(0.05)
    // WCAG contrast of the step title on its card
    expect((title + 0.05) / (cardBg + 0.05)).toBeGreaterThan(7)
    await page.reload()
    await expect(theme).toHaveValue('dark')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    expect(await backgroundLuminance(page)).toBeLessThan(0.05)

    await page.evaluate((key) => localStorage.setItem(key, '{"theme":"sepia"'), STORAGE_KEY)
    await page.reload()
    await expect(theme).toHaveValue('system')
    await expect(page.locator('html')).not.toHaveAttribute('data-theme')
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8)
  })
})
