import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { IdpLoginPage } from './pages/idp-login-page'
import type { LabPage } from './pages/lab-page'

const diagramOf = (page: Page) => page.getByRole('img', { name: 'Sequence diagram' })

/** Exchange ids in the order of the exchange list ("HTTP exchanges"). */
const listedIds = (page: Page) =>
  page
    .getByRole('region', { name: 'Exchange log' })
    .locator('[data-exchange-id]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-exchange-id')))

/** Arrow ids of the diagram, in drawing order. */
const arrowIds = (page: Page) =>
  diagramOf(page)
    .locator('[data-exchange]')
    .evaluateAll((arrows) => arrows.map((arrow) => arrow.getAttribute('data-exchange')))

async function fullRun(lab: LabPage, idpLogin: IdpLoginPage, scope: string) {
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.accessToken).toBeVisible()
  await lab.callUserinfo.click()
  await expect(
    lab.page.locator(
      '[data-step="userinfo"][data-status="done"], [data-step="userinfo"][data-status="fail"]',
    ),
  ).toBeVisible()
  return scope
}

test('a full run: one arrow per exchange in the log order, the redirects between, a click opens the exchange', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid profile email' })
  await fullRun(lab, idpLogin, 'openid profile email')
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()

  const diagram = diagramOf(page)
  await expect(diagram).toBeVisible()
  // every exchange of the log, in the same order, once
  await expect
    .poll(async () => {
      const arrows = await arrowIds(page)
      return arrows.filter((id) => !id?.startsWith('redirect:'))
    })
    .toEqual(await listedIds(page))
  const listed = await listedIds(page)
  expect(listed.length).toBeGreaterThanOrEqual(3)

  // discovery → authorize → callback → token → userinfo
  const arrows = await arrowIds(page)
  const steps = await page
    .getByRole('region', { name: 'Exchange log' })
    .locator('[data-exchange-id]')
    .evaluateAll((items): Record<string, string | null> =>
      Object.fromEntries(
        items.map((i): [string, string | null] => [
          i.getAttribute('data-exchange-id') ?? '',
          i.getAttribute('data-exchange'),
        ]),
      ),
    )
  const position = (step: string) => arrows.findIndex((id) => id && steps[id] === step)
  const discovery = arrows.findIndex((id) => id && steps[id] === 'discovery')
  expect(discovery).toBeGreaterThanOrEqual(0)
  expect(discovery).toBeLessThan(arrows.indexOf('redirect:authorize'))
  expect(arrows.indexOf('redirect:authorize')).toBeLessThan(arrows.indexOf('redirect:callback'))
  expect(arrows.indexOf('redirect:callback')).toBeLessThan(position('token'))
  expect(position('token')).toBeLessThan(position('userinfo'))

  // labelled with method, path and status
  const tokenId = arrows[position('token')] as string
  const tokenArrow = diagram.locator(`[data-exchange="${tokenId}"]`)
  await expect(tokenArrow).toContainText('POST')
  await expect(tokenArrow).toContainText('/token')
  await expect(tokenArrow).toContainText('200')
  await expect(tokenArrow).toHaveAttribute('data-failed', 'false')

  // a click opens that exchange's raw request and response
  await tokenArrow.click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAttribute('data-exchange-detail', tokenId)
  await expect(dialog.getByLabel('Request', { exact: true })).toContainText(
    'grant_type=authorization_code',
  )
  await expect(dialog.getByLabel('Response', { exact: true }).first()).toContainText(
    '"token_type": "Bearer"',
  )
  await expect(dialog).toContainText('200')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  // the callback redirect opens the URL the browser came back with
  await diagram.locator('[data-exchange="redirect:callback"]').click()
  await expect(page.getByRole('dialog').locator('[data-param="code"]')).toBeVisible()
})

test('without openid the refused userinfo arrow is marked ✕ 403 and dashed, not by colour alone', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'profile email' })
  await fullRun(lab, idpLogin, 'profile email')
  await expect(page.locator('[data-step="userinfo"] [data-status-code="403"]')).toBeVisible()
  const failed = diagramOf(page).locator('[data-exchange][data-failed="true"]')
  await expect(failed).toHaveCount(1)
  await expect(failed).toContainText('✕ 403')
  await expect(failed).toContainText('/userinfo')
  await expect(failed.locator('line')).toHaveAttribute('stroke-dasharray', /\d/)
  await expect(diagramOf(page).locator('[data-failed="false"] line[stroke-dasharray]')).toHaveCount(
    0,
  )
})

const SECRET = 'oidc-lab-secret'

async function downloadReport(
  page: Page,
  scope: Page | ReturnType<Page['locator']>,
  format: 'html' | 'md',
) {
  await scope.getByLabel('Report format').selectOption(format)
  const download = page.waitForEvent('download')
  await scope.getByRole('button', { name: 'Download report' }).click()
  const file = await (await download).path()
  return readFile(file, 'utf8')
}

test('the report of a confidential-client run has the diagram and the claims and never the client secret', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab-confidential', scope: 'openid email' })
  await lab.useSecret(SECRET)
  await fullRun(lab, idpLogin, 'openid email')
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  const idToken = await lab.idToken.locator('[data-claim="email"]').first().textContent()
  expect(idToken).toContain('alice@example.com')

  const html = await downloadReport(page, page, 'html')
  const markdown = await downloadReport(page, page, 'md')
  for (const report of [html, markdown]) {
    expect(report).not.toContain(SECRET)
    expect(report).not.toContain(Buffer.from(`oidc-lab-confidential:${SECRET}`).toString('base64'))
    expect(report).toMatch(/<svg [^>]*aria-label="Sequence diagram"/)
    expect(report).toContain('alice@example.com')
    expect(report).toContain('oidc-lab-confidential')
    expect(report).toMatch(/\/token/)
  }
  expect(html).toContain('data-claim="email"')
  expect(html).not.toMatch(/<script|<link |\bsrc=/i)
  // the raw tokens stay out unless asked for
  expect(html).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/)

  // the same run, from the history
  await page.goto('/#history')
  const row = page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem').first()
  await expect(row).toBeVisible()
  // the history keeps its rows light: the report's options unfold on demand
  await row.getByRole('button', { name: 'Report options' }).click()
  const saved = await downloadReport(page, row, 'html')
  expect(saved).not.toContain(SECRET)
  expect(saved).toMatch(/<svg [^>]*aria-label="Sequence diagram"/)
  expect(saved).toContain('alice@example.com')
})
