import { expect, test } from './fixtures'
import { signInInPopup } from './pages/idp-login-page'

const LESSONS = [
  'userinfo-needs-openid',
  'email-is-optional',
  'default-scopes',
  'token-scope-ignored',
  'code-single-use',
  'pkce-protects-code',
  'state-protects-callback',
  'client-credentials-no-user',
  'client-secret-checked',
] as const

test('each lesson plays to its stated outcome on the demo realm, after one sign-in', async ({
  lab,
  page,
}) => {
  test.setTimeout(120_000)
  await lab.open({ preset: 'demo' })
  await page
    .getByRole('navigation', { name: 'Lab views' })
    .getByRole('link', { name: 'Lessons' })
    .click()
  await expect(page).toHaveURL(/#lessons$/)

  const first = page.locator('[data-lesson="userinfo-needs-openid"]')
  await expect(first).toHaveAttribute('data-lesson-status', 'ready')
  await expect(first).toContainText('Expected:')
  await first.getByRole('button', { name: 'Play' }).click()
  await expect(first).toHaveAttribute('data-lesson-status', 'running')

  // no session at the realm yet: the lesson asks for one sign-in, in a popup
  const popupPromise = page.waitForEvent('popup')
  await first.getByRole('button', { name: 'Sign in at the demo realm' }).click()
  const popup = await popupPromise
  await popup.getByLabel(/username/i).fill('alice')
  await popup.getByLabel(/password/i).fill('alice')
  await popup.getByRole('button', { name: 'Sign In' }).click()
  await expect(first).toHaveAttribute('data-lesson-status', 'passed')
  await expect(first.locator('[data-lesson-actual]')).toContainText(
    'Userinfo answered 403 insufficient_scope without openid and 200 with it, as expected.',
  )

  // the others reuse the session: no sign-in again
  for (const id of LESSONS.slice(1)) {
    const lesson = page.locator(`[data-lesson="${id}"]`)
    await lesson.getByRole('button', { name: 'Play' }).click()
    await expect(lesson, `lesson ${id}`).toHaveAttribute('data-lesson-status', 'passed')
    await expect(lesson.getByRole('button', { name: 'Sign in at the demo realm' })).toHaveCount(0)
  }
  await expect(page.locator('[data-lesson="code-single-use"] [data-lesson-actual]')).toContainText(
    'the replayed code 400 invalid_grant',
  )
  await expect(
    page.locator('[data-lesson="state-protects-callback"] [data-lesson-actual]'),
  ).toContainText('callback state_mismatch, token request not sent')

  // the comparison a lesson produced opens in the history with the difference
  const email = page.locator('[data-lesson="email-is-optional"]')
  await email.getByRole('link', { name: 'Compare the two runs' }).click()
  await expect(page).toHaveURL(/#compare=lesson-email-is-optional-1-.*,lesson-email-is-optional-2-/)
  const comparison = page.getByRole('region', { name: 'Comparison', exact: true })
  await expect(comparison.locator('[data-diff-summary]')).toContainText('email')
  await expect(
    comparison
      .getByRole('table', { name: 'ID token', exact: true })
      .locator('[data-claim="email"][data-diff="added"]'),
  ).toBeVisible()
})

test('Play all plays every lesson after one sign-in and saves two runs per lesson in the history', async ({
  lab,
  page,
}) => {
  test.setTimeout(120_000)
  await lab.open({ preset: 'demo' })
  await page
    .getByRole('navigation', { name: 'Lab views' })
    .getByRole('link', { name: 'Lessons' })
    .click()
  await page.getByRole('button', { name: 'Play all' }).click()
  await signInInPopup(page, 'Sign in at the demo realm')
  for (const id of LESSONS)
    await expect(page.locator(`[data-lesson="${id}"]`), `lesson ${id}`).toHaveAttribute(
      'data-lesson-status',
      'passed',
    )
  // every lesson saved its two runs in the history
  await page
    .getByRole('navigation', { name: 'Lab views' })
    .getByRole('link', { name: 'History & compare' })
    .click()
  await expect(page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem')).toHaveCount(
    LESSONS.length * 2,
  )
})
