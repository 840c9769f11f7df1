import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** What has keyboard focus: its tag, name (label for a field), and the step (`data-step`) holding it. */
interface Focused {
  tag: string
  type: string
  name: string
  step: string | null
  stepResult: boolean
  /** An outline or a ring (box-shadow) is drawn: focus is visible. */
  visible: boolean
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body)
      return { tag: 'body', type: '', name: '', step: null, stepResult: false, visible: false }
    const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : undefined
    const name = (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim()
    const style = getComputedStyle(el)
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      name: name.slice(0, 80),
      step: el.closest('[data-step]')?.getAttribute('data-step') ?? null,
      stepResult: el.closest('[data-step-result]') !== null,
      visible: outline || style.boxShadow !== 'none',
    }
  })
}

/** Every element that took focus with no outline or ring drawn, over the whole test. */
const invisibleFocus: string[] = []

/**
 * Presses `key` (Tab by default) until the focused element matches; returns how many presses it
 * took. Fails after `max`, naming where focus went, so a regression is legible.
 */
async function pressUntil(
  page: Page,
  what: string,
  matches: (now: Focused) => boolean,
  max: number,
  key = 'Tab',
): Promise<number> {
  const trail: string[] = []
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key)
    const now = await focused(page)
    trail.push(`${now.tag} "${now.name.slice(0, 30)}"`)
    if (!now.visible) invisibleFocus.push(`${now.tag} "${now.name.slice(0, 40)}"`)
    if (matches(now)) return presses
  }
  throw new Error(`${what} not reached in ${max} × ${key}; focus went: ${trail.join(' → ')}`)
}

/** The run outline's entry for the userinfo step (a button outside every step card). */
const outlineEntry = (now: Focused) =>
  now.tag === 'button' && now.step === null && now.name.startsWith('Userinfo')

test.beforeEach(() => {
  invisibleFocus.length = 0
})

/** Tabs to the button or link named exactly `name`. */
function tabTo(page: Page, name: string, max: number): Promise<number> {
  const control = (now: Focused) => now.tag === 'button' || now.tag === 'a'
  return pressUntil(page, `"${name}"`, (now) => control(now) && now.name === name, max)
}

/** Tabs to the form field whose label starts with `label`. */
function tabToField(page: Page, label: string, max: number): Promise<number> {
  const field = (now: Focused) => now.tag === 'input' || now.tag === 'textarea'
  return pressUntil(
    page,
    `field "${label}"`,
    (now) => field(now) && now.name.startsWith(label),
    max,
  )
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

  // without a shortcut, the setup's fields and links come first: all reachable, in reading order
  const throughSetup = await tabTo(page, 'Start authorization', 80)
  console.log(
    `Tabs from Skip to content to Start authorization, through the setup: ${throughSetup}`,
  )

  expect(throughSetup).toBeLessThanOrEqual(80)
  // every stop on the way showed where focus was
  expect(invisibleFocus).toEqual([])

  // from the top of a fresh page, the second skip link leads straight to the step's action
  await lab.open({ preset: 'demo', scope: 'openid profile email' })
  const tabs = await tabTo(page, 'Skip to Start authorization', 5)
  await page.keyboard.press('Enter')
  const fromTop = tabs + 1
  await expect(lab.startAuthorization).toBeFocused()
  console.log(`Key presses from the top to Start authorization: ${fromTop}`)
  expect(fromTop).toBeLessThanOrEqual(15)
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
  // the tokens' claims and checks hold many links: the run outline is the way on. Shift+Tab up to
  // its Userinfo entry, Enter moves focus to that step, and Call userinfo is a few Tabs away
  const back = await pressUntil(page, 'the outline’s Userinfo', outlineEntry, 40, 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page.locator('#step-userinfo h2')).toBeFocused()
  const toUserinfo = await tabTo(page, 'Call userinfo', 10)
  console.log(`Shift+Tabs from the token result to the outline: ${back}, then Tabs: ${toUserinfo}`)
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
  expect(invisibleFocus).toEqual([])
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
  // the secret is typed, never taken from a link: choose the client type and reach the field by keyboard
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await pressUntil(
    page,
    'the client type',
    (now) => now.type === 'radio' && /Public/.test(now.name),
    60,
  )
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: /Confidential/ })).toBeChecked()
  await tabToField(page, 'Client secret', 10)
  await page.keyboard.type('oidc-lab-secret')
  await tabTo(page, 'Request token', 60)
  await page.keyboard.press('Enter')
  await expect(
    page.locator('[data-step="client_credentials"] [data-status-code="200"]'),
  ).toBeVisible()
  await expectFocusOnResult(page, 'client_credentials')
  expect(invisibleFocus).toEqual([])
})
