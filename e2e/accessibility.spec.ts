import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { runMatrixWithSignIn } from './pages/matrix-page'
import { savedRuns } from './pages/saved-runs'
import type { IdpLoginPage } from './pages/idp-login-page'
import type { LabPage } from './pages/lab-page'

const TOKEN_ENDPOINT = 'http://localhost:8080/realms/demo/protocol/openid-connect/token'

// an axe scan of a finished run takes seconds on a busy machine, and a test scans several screens
test.describe.configure({ timeout: 240_000 })

/** WCAG 2.1 A and AA, as axe tags them. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>

/** One line per violation, and its nodes' selectors, so a failure says what to fix and where. */
function describeViolations(violations: AxeResults['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((node) => {
        const why = node.failureSummary?.split('\n').slice(1, 2).join(' ').trim()
        return `    ${node.target.join(' ')}${why ? `  (${why})` : ''}`
      })
      return `${v.id} [${v.impact ?? 'n/a'}] ${v.help}: ${v.nodes.length} node(s)\n  ${v.helpUrl}\n${nodes.join('\n')}`
    })
    .join('\n')
}

/** Scans the page as it is now; the gate is zero violations (soft: the test goes on to the next screens). */
async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  const report = describeViolations(results.violations)
  if (report) console.log(`axe on ${screen}:\n${report}`)
  expect.soft(results.violations, `axe on ${screen}:\n${report}`).toEqual([])
  // one h1 names each screen (axe's page-has-heading-one is a best practice, not WCAG: checked here)
  await expect.soft(page.locator('h1'), `h1 on ${screen}`).toHaveCount(1)
}

/**
 * Colour is never the only signal: each check, step status and diff row also says it in words or a
 * symbol. Returns the elements that do not, described, so a failure names them.
 */
function statusesWithoutWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = []
    // an element of its own (a badge) says the word: adjacent text would run together
    const says = (el: Element, words: string[]) =>
      [...el.querySelectorAll('*')].some((d) => words.includes(d.textContent?.trim() ?? ''))
    const CHECK: Record<string, string> = {
      pass: 'pass',
      fail: 'fail',
      warn: 'warn',
      skip: 'skipped',
    }
    for (const el of document.querySelectorAll('[data-check][data-status]')) {
      const word = CHECK[el.getAttribute('data-status') ?? ''] ?? '?'
      if (!says(el, [word])) bad.push(`check ${el.getAttribute('data-check')}: no "${word}" badge`)
    }
    const STEP = ['waiting', 'ready', 'running', 'done', 'failed', 'attention']
    for (const el of document.querySelectorAll('[data-step][data-step-status] > header')) {
      if (!says(el, STEP))
        bad.push(`step ${el.parentElement?.getAttribute('data-step')}: status not in words`)
    }
    const MARK: Record<string, string> = { added: '+', removed: '−', changed: '~' }
    for (const el of document.querySelectorAll('tr[data-diff]')) {
      const mark = MARK[el.getAttribute('data-diff') ?? '']
      const head = el.querySelector('th')?.textContent ?? ''
      if (mark && !head.includes(mark))
        bad.push(`diff row ${el.getAttribute('data-claim')}: no "${mark}"`)
    }
    return bad
  })
}

/** Starts the code flow as alice and lands on /callback with a code (not yet exchanged). */
async function signInAndLand(lab: LabPage, idpLogin: IdpLoginPage, scope: string) {
  await lab.open({ preset: 'demo', scope })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await expect(lab.page.locator('[data-callback-param="code"]')).toBeVisible()
}

/** Exchanges the code and calls userinfo; the run is then written to IndexedDB. */
async function finishRun(lab: LabPage) {
  await lab.exchangeCode.click()
  await expect(lab.idToken.locator('[data-claim="sub"]')).toBeVisible()
  await lab.callUserinfo.click()
  await expect(lab.page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
}

/** A real client credentials access token, fetched by the test (the page only sees it pasted). */
async function clientCredentialsToken(scope: string): Promise<string> {
  const response = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'oidc-lab-confidential',
      client_secret: 'oidc-lab-secret',
      scope,
    }),
  })
  expect(response.status, await response.clone().text()).toBe(200)
  const body = (await response.json()) as { access_token?: unknown }
  return String(body.access_token)
}

/** How many runs this browser saved with a userinfo answer (read from IndexedDB, never created). */
async function savedRunsWithUserinfo(page: Page): Promise<number> {
  const runs = await savedRuns<{ userinfo?: { status?: number } }>(page)
  return runs.filter((run) => run.userinfo?.status === 200).length
}

test('axe: the lab’s first screen', async ({ lab, page }) => {
  await lab.open({ preset: 'demo' })
  await expect(page.getByText('Discovery document loaded')).toBeVisible()
  await expectNoViolations(page, 'the first screen (/?preset=demo)')
})

test('axe: the callback page, a finished run and its refresh', async ({ lab, idpLogin, page }) => {
  await signInAndLand(lab, idpLogin, 'openid profile email')
  await expectNoViolations(page, 'the callback page')

  await finishRun(lab)
  await expect(lab.userinfo.locator('[data-claim="email"]')).toBeVisible()
  await expectNoViolations(page, 'a finished authorization code run')
  await expect(page.locator('[data-check][data-status="pass"]').first()).toBeVisible()
  expect(await statusesWithoutWords(page)).toEqual([])

  await page.getByRole('button', { name: 'Refresh tokens' }).click()
  await expect(page.getByRole('region', { name: 'Refresh comparison' })).toBeVisible()
  await expectNoViolations(page, 'a run after Refresh tokens')
})

test('axe: a failed run with its diagnosis', async ({ lab, idpLogin, page }) => {
  await signInAndLand(lab, idpLogin, 'profile email')
  await lab.exchangeCode.click()
  await expect(lab.idToken.locator('[data-diagnosis="no_id_token"]')).toBeVisible()
  await lab.callUserinfo.click()
  await expect(lab.diagnosis('insufficient_scope')).toBeVisible()
  await expectNoViolations(page, 'a run whose userinfo call failed (403)')
  expect(await statusesWithoutWords(page)).toEqual([])
})

test('axe: inspect with a pasted token, and its userinfo call', async ({ lab, page }) => {
  const token = await clientCredentialsToken('openid api:read')
  await page.goto('/#inspect')
  await page.getByLabel('Token or token response').fill(token)
  const region = page.getByRole('region', { name: 'Token', exact: true })
  await expect(lab.check('userinfo_scope', region)).toHaveAttribute('data-status', 'pass')
  await expectNoViolations(page, '/#inspect with a pasted token')

  await page.getByRole('button', { name: 'Call userinfo with this token' }).click()
  await expect(lab.userinfo.locator('[data-claim="sub"]')).toBeVisible()
  await expectNoViolations(page, '/#inspect after Call userinfo with this token')
})

test('axe: the history and a comparison of two runs', async ({ lab, idpLogin, page }) => {
  await signInAndLand(lab, idpLogin, 'openid profile')
  await finishRun(lab)
  await expect.poll(() => savedRunsWithUserinfo(page)).toBe(1)
  // the realm session is still alive: no login form the second time
  await lab.open({ preset: 'demo', scope: 'openid profile email' })
  await lab.startAuthorization.click()
  await lab.waitForCallback()
  await finishRun(lab)
  await expect.poll(() => savedRunsWithUserinfo(page)).toBe(2)

  await page.goto('/#history')
  const runs = page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem')
  await expect(runs).toHaveCount(2)
  await expectNoViolations(page, '/#history')

  await runs.first().getByRole('button', { name: 'Compare with previous' }).click()
  const comparison = page.getByRole('region', { name: 'Comparison', exact: true })
  await expect(comparison.locator('[data-diff-summary]')).toContainText('email')
  await expectNoViolations(page, 'a comparison of two runs')
  await expect(comparison.locator('tr[data-diff="added"]').first()).toBeVisible()
  expect(await statusesWithoutWords(page)).toEqual([])

  await runs.first().getByRole('button', { name: 'Compare views' }).click()
  await expect(page.getByRole('region', { name: 'View comparison' })).toBeVisible()
  await expectNoViolations(page, 'a comparison of two views of one run')
})

test('axe: a finished scope matrix', async ({ lab, page }) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab' })
  await page.getByRole('link', { name: 'Scope → claims matrix' }).click()
  await expect(page.getByRole('button', { name: 'Run matrix' })).toBeVisible()
  await expectNoViolations(page, '/#matrix before a run')

  await runMatrixWithSignIn(page, ['openid', 'openid email', 'profile'])
  await expectNoViolations(page, 'a finished matrix (/#matrix)')
})
