import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { IdpLoginPage } from './pages/idp-login-page'
import type { LabPage } from './pages/lab-page'
import { savedRuns } from './pages/saved-runs'

/** The run history at `/#history`. */
class HistoryPage {
  readonly runs: Locator
  readonly comparison: Locator
  readonly summary: Locator

  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.runs = page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem')
    this.comparison = page.getByRole('region', { name: 'Comparison', exact: true })
    this.summary = this.comparison.locator('[data-diff-summary]')
  }

  async open() {
    await this.page.goto('/#history')
    await expect(this.page.getByRole('list', { name: 'Saved runs' })).toBeVisible()
  }

  claimTable(view: 'ID token' | 'Access token' | 'Userinfo response'): Locator {
    return this.comparison.getByRole('table', { name: view, exact: true })
  }
}

/** Userinfo statuses of the runs saved in this browser (0: no userinfo answer), sorted. */
async function savedUserinfoStatuses(page: Page): Promise<number[]> {
  const runs = await savedRuns<{ userinfo?: { status?: number } }>(page)
  return runs.map((run) => run.userinfo?.status ?? 0).sort()
}

/** One guided run as alice on oidc-lab: authorize, exchange the code, call userinfo. */
async function runFlow(lab: LabPage, scope: string, signIn?: IdpLoginPage) {
  await lab.open({ preset: 'demo', scope })
  await lab.startAuthorization.click()
  if (signIn) await signIn.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken.locator('[data-claim="sub"]')).toBeVisible()
  await lab.callUserinfo.click()
  await expect(lab.page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
}

test('two runs, one scope apart: the history compares them and survives a reload', async ({
  lab,
  idpLogin,
  page,
}) => {
  const history = new HistoryPage(page)

  await runFlow(lab, 'openid profile', idpLogin)
  await expect.poll(() => savedUserinfoStatuses(page)).toEqual([200])
  // the realm session is still alive: no login form the second time
  await runFlow(lab, 'openid profile email')
  await expect.poll(() => savedUserinfoStatuses(page)).toEqual([200, 200])

  await history.open()
  await expect(history.runs).toHaveCount(2)
  const [newest, oldest] = [history.runs.first(), history.runs.last()]
  await expect(newest).toContainText('openid profile email')
  await expect(newest).toContainText('userinfo 200')
  await expect(oldest.getByRole('button', { name: 'Compare with previous' })).toHaveCount(0)

  await newest.getByRole('button', { name: 'Compare with previous' }).click()
  await expect(history.summary).toContainText('email')
  await expect(history.summary).toContainText('email_verified')
  await expect(
    history.claimTable('ID token').locator('[data-claim="email"][data-diff="added"]'),
  ).toBeVisible()
  await expect(
    history.claimTable('Userinfo response').locator('[data-claim="email"][data-diff="added"]'),
  ).toBeVisible()

  // both decoded tokens in full, like two jwt.io tabs, aligned claim by claim and marked
  const full = history.comparison.getByRole('region', { name: 'Tokens in full' })
  const payload = full.getByRole('table', { name: 'ID token in full: payload', exact: true })
  await expect(payload.locator('[data-line="email"][data-diff-mark="added"]')).toContainText('+')
  await expect(payload.locator('[data-line="email"]')).toContainText('alice@example.com')
  await expect(payload.locator('[data-line="sub"][data-diff-mark="unchanged"]')).toBeVisible()
  await expect(
    payload.locator('[data-line="iat"][data-diff-mark="volatile_changed"]'),
  ).toContainText('~')
  await expect(
    full
      .getByRole('table', { name: 'ID token in full: header', exact: true })
      .locator('[data-line="alg"]'),
  ).toContainText('RS256')
  await expect(
    full
      .getByRole('table', { name: 'Access token in full: payload', exact: true })
      .locator('[data-line="scope"][data-diff-mark="changed"]'),
  ).toContainText('~')

  await page.reload()
  await expect(history.runs).toHaveCount(2)

  const newer = await newest.getAttribute('data-run-id')
  const older = await oldest.getAttribute('data-run-id')
  await page.goto(`/#compare=${older},${newer}`)
  await expect(history.summary).toContainText('email_verified')
  await expect(
    history.claimTable('ID token').locator('[data-claim="email"][data-diff="added"]'),
  ).toBeVisible()
})

test('two views of one run: ID token against the userinfo response', async ({
  lab,
  idpLogin,
  page,
}) => {
  const history = new HistoryPage(page)
  await runFlow(lab, 'openid profile email', idpLogin)
  await expect.poll(() => savedUserinfoStatuses(page)).toEqual([200])

  await history.open()
  await history.runs.first().getByRole('button', { name: 'Compare views' }).click()
  const views = page.getByRole('region', { name: 'View comparison' })
  await expect(views.getByLabel('Left view')).toHaveValue('id_token')
  await expect(views.getByLabel('Right view')).toHaveValue('userinfo')
  // the ID token proves who issued it and for whom; userinfo only describes the user
  await expect(views.locator('[data-claim="iss"][data-diff="removed"]')).toBeVisible()
  await expect(views.locator('[data-diff-summary]')).toContainText('- iss')
})

test('a failed run keeps its diagnosis: reopened from the history, it still says what went wrong and how to fix it', async ({
  lab,
  idpLogin,
  page,
}) => {
  const history = new HistoryPage(page)
  await lab.open({ preset: 'demo', scope: 'profile' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await lab.callUserinfo.click()
  await expect(lab.diagnosis('insufficient_scope')).toBeVisible()
  await expect.poll(() => savedUserinfoStatuses(page)).toEqual([403])

  await history.open()
  const diagnoses = history.runs.first().locator('[data-run-diagnoses]')
  await expect(diagnoses).toContainText('Userinfo:')
  const saved = diagnoses.locator('[data-run-diagnosis="insufficient_scope"]')
  await expect(saved).toBeHidden()
  await diagnoses.locator('summary').click()
  await expect(saved).toBeVisible()
  await expect(saved).toContainText('openid')
  // a saved run offers no one-click fix: the flow it would act on is not on screen
  await expect(saved.getByRole('button')).toHaveCount(0)
})
