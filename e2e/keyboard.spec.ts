import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** What has keyboard focus: its tag, accessible-ish name, and the step (`data-step`) holding it. */
interface Focused {
  tag: string
  name: string
  step: string | null
  stepResult: boolean
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return { tag: 'body', name: '', step: null, stepResult: false }
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 80)
    return {
      tag: el.tagName.toLowerCase(),
      name,
      step: el.closest('[data-step]')?.getAttribute('data-step') ?? null,
      stepResult: el.closest('[data-step-result]') !== null,
    }
  })
}

/**
 * Presses Tab (or Shift+Tab) until the focused element is a button or link named `name`; returns
 * how many presses it took. Fails after `max`, naming where focus was, so a regression is legible.
 */
async function tabTo(page: Page, name: string, max: number, key = 'Tab'): Promise<number> {
  const trail: string[] = []
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key)
    const now = await focused(page)
    trail.push(`${now.tag} "${now.name.slice(0, 30)}"`)
    if ((now.tag === 'button' || now.tag === 'a') && now.name === name) return presses
  }
  throw new Error(`"${name}" not reached in ${max} × ${key}; focus went: ${trail.join(' → ')}`)
}

/** Presses Tab until the text field labelled `label` has focus (at most `max` presses). */
async function tabToField(page: Page, label: string, max: number) {
  const field = page.getByLabel(label, { exact: true })
  const trail: string[] = []
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab')
    if (await field.evaluate((el) => el === document.activeElement)) return
    trail.push((await focused(page)).name.slice(0, 20))
  }
  throw new Error(`${label} not reached in ${max} × Tab; focus went: ${trail.join(' → ')}`)
}

/** After a step's send, focus must be on that step's result, never dropped to `<body>`. */
async function expectFocusOnResult(page: Page, step: string) {
  await expect
    .poll(async () => {
      const now = await focused(page)
      return now.step === step && now.stepResult
    }, `focus inside [data-step="${step}"] [data-step-result]`)
    .toBe(true)
}

test('the whole code flow by keyboard alone: skip link, sign-in, and focus on each step’s result', async ({
  lab,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid profile email' })

  // the skip link is the first stop, and shows itself when focused
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  const box = await skip.boundingBox()
  expect(box?.width ?? 0).toBeGreaterThan(20)
  // leave it and come back with Shift+Tab, then follow it
  await page.keyboard.press('Tab')
  await expect(skip).not.toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('main#main')).toBeFocused()
  // following it keeps the view: the fragment names the view, and the skip link never changes it
  expect(new URL(page.url()).hash).toBe('')

  const toStart = await tabTo(page, 'Start authorization', 40)
  console.log(`Tabs from the skip link's target to Start authorization: ${toStart}`)
  expect(toStart).toBeLessThanOrEqual(15)
  await page.keyboard.press('Enter')

  // the demo realm's login form, by keyboard: the username field has focus on arrival
  await expect(page).toHaveURL(/localhost:8080\/realms\/demo\//)
  await expect(page.getByLabel(/username/i)).toBeFocused()
  await page.keyboard.type('alice')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel(/password/i)).toBeFocused()
  await page.keyboard.type('alice')
  await page.keyboard.press('Enter')
  await lab.waitForCallback()
  await expect(page.locator('[data-callback-param="code"]')).toBeVisible()

  // Exchange code: skip link, then Tab to the button, Enter; focus lands on the token result
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  const toExchange = await tabTo(page, 'Exchange code', 60)
  console.log(`Tabs from the skip link's target to Exchange code: ${toExchange}`)
  await page.keyboard.press('Enter')
  await expect(lab.idToken.locator('[data-claim="email"]')).toBeVisible()
  await expectFocusOnResult(page, 'token')

  // Call userinfo, pressed with Space: focus lands on the userinfo result
  const toUserinfo = await tabTo(page, 'Call userinfo', 120)
  console.log(`Tabs from the token result to Call userinfo: ${toUserinfo}`)
  await page.keyboard.press('Space')
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  await expect(lab.userinfo.locator('[data-claim="email"]')).toBeVisible()
  await expectFocusOnResult(page, 'userinfo')
  await expect(lab.check('userinfo_sub')).toHaveAttribute('data-status', 'pass')

  // Refresh tokens: focus lands on the refresh result
  await tabTo(page, 'Refresh tokens', 120)
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-step="refresh"] [data-status-code="200"]')).toBeVisible()
  await expectFocusOnResult(page, 'refresh')
})

test('client credentials by keyboard: Request token moves focus to its result', async ({
  lab,
  page,
}) => {
  await lab.open({
    preset: 'demo',
    grant: 'client_credentials',
    client_id: 'oidc-lab-confidential',
  })
  // the secret is typed, never taken from a link: reach its field by keyboard
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  const secret = page.getByLabel('Client secret', { exact: true })
  await tabToField(page, 'Client secret', 60)
  await expect(secret).toBeFocused()
  await page.keyboard.type('oidc-lab-secret')
  await tabTo(page, 'Request token', 60)
  await page.keyboard.press('Enter')
  await expect(
    page.locator('[data-step="client_credentials"] [data-status-code="200"]'),
  ).toBeVisible()
  await expectFocusOnResult(page, 'client_credentials')
})
