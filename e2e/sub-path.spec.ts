import { fileURLToPath } from 'node:url'
import { expect, test } from './fixtures'
import { runMatrixWithSignIn } from './pages/matrix-page'
import { startStaticHost, type StaticHost } from './servers/static-host'
import type { IdpLoginPage } from './pages/idp-login-page'
import type { LabPage } from './pages/lab-page'
import type { Page } from '@playwright/test'

/**
 * The app built with `--base /oidc-lab/` (dist-base, see package.json `test:e2e`): once under
 * `vite preview --base /oidc-lab/` (port 4174), once on a plain static host that rewrites nothing
 * (port 4175). The demo realm was told both (IDP_APP_ORIGINS in playwright.config.ts).
 */
const PREVIEW = 'http://localhost:4174/oidc-lab/'
const STATIC = 'http://localhost:4175/oidc-lab/'

let host: StaticHost

test.beforeAll(async () => {
  host = await startStaticHost({
    root: fileURLToPath(new URL('../dist-base', import.meta.url)),
    prefix: '/oidc-lab/',
    port: 4175,
  })
})

test.afterAll(async () => {
  await host.close()
})

/**
 * A full guided flow from `app`: the redirect URI, the callback and every link follow the base.
 * Ends on the history view and returns where it is: [origin + path, hash].
 */
async function expectFullFlowUnder(app: string, page: Page, lab: LabPage, idpLogin: IdpLoginPage) {
  await page.goto(`${app}?preset=demo&scope=openid+profile+email`)
  await expect(page.getByText('Discovery document loaded')).toBeVisible()
  await expect(page.locator('[data-step="client"]')).toContainText(`${app}callback`)
  await expect(page.getByRole('link', { name: 'OIDC Lab' })).toHaveAttribute('href', '/oidc-lab/')
  await lab.runWholeFlow.click()
  await idpLogin.signInAs('alice')
  await page.waitForURL(`${app}callback?**`)
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  await expect(lab.idToken.locator('[data-claim="email"]')).toContainText('alice@example.com')
  // the used code left the address bar; the path stayed under the base
  await expect.poll(() => new URL(page.url()).pathname).toBe('/oidc-lab/callback')

  await page.getByRole('button', { name: 'Log out' }).click()
  await page.waitForURL((url) => url.href.startsWith(app) && !url.pathname.endsWith('callback'))
  await expect(page.locator('[data-step="logout"]')).toHaveAttribute('data-status', 'done')

  const history = page.getByRole('navigation', { name: 'Lab views' }).getByRole('link', {
    name: /History/,
  })
  await expect(history).toHaveAttribute('href', /^\/oidc-lab\/#history/)
  await history.click()
  await expect(page.getByRole('heading', { name: 'Run history' })).toBeVisible()
  const url = new URL(page.url())
  return [url.origin + url.pathname, url.hash]
}

test('vite preview --base /oidc-lab/: the whole flow, the callback and logout stay under the base', async ({
  page,
  lab,
  idpLogin,
}) => {
  expect(await expectFullFlowUnder(PREVIEW, page, lab, idpLogin)).toEqual([PREVIEW, '#history'])
})

test('a static host with no rewrites serves /oidc-lab/callback from the built fallback page', async ({
  page,
  lab,
  idpLogin,
}) => {
  expect(await expectFullFlowUnder(STATIC, page, lab, idpLogin)).toEqual([STATIC, '#history'])
  const callback = host.served.find((s) => s.path === '/oidc-lab/callback')
  expect(callback?.file).toMatch(/dist-base\/callback\.html$/)
})

test('on that static host, an unknown path gets the 404 page, which is the lab with a way home', async ({
  page,
}) => {
  const response = await page.goto(`${STATIC}no/such/page`)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('link', { name: 'OIDC Lab' })).toHaveAttribute('href', '/oidc-lab/')
  await expect(page.getByRole('navigation', { name: 'Lab views' })).toBeVisible()
})

test('under the base, the matrix signs in by popup and runs its sets in the hidden frame at <base>callback', async ({
  page,
}) => {
  await page.goto(`${PREVIEW}?preset=demo&client_id=oidc-lab`)
  await expect(page.getByText('Discovery document loaded')).toBeVisible()
  await page.getByRole('link', { name: 'Scope → claims matrix' }).click()
  await runMatrixWithSignIn(page, ['openid', 'openid email'])
  const email = page
    .getByRole('table', { name: 'Scope to claims matrix' })
    .locator('tr[data-claim="email"]')
  await expect(email.locator('td[data-set="0"][data-source="access_token"]')).toHaveAttribute(
    'data-present',
    'false',
  )
  await expect(email.locator('td[data-set="1"][data-source="access_token"]')).toHaveAttribute(
    'data-present',
    'true',
  )
})
