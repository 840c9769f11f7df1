import { expect, test } from './fixtures'
import { startQuirkyProvider, type QuirkyProvider } from './servers/quirky-provider'

let provider: QuirkyProvider

test.beforeAll(async () => {
  provider = await startQuirkyProvider({ port: 8091 })
})

test.afterAll(async () => {
  await provider.close()
})

test('a 403 with no WWW-Authenticate is still diagnosed from the access token scope, and labelled as inferred', async ({
  lab,
  page,
}) => {
  await lab.open({ issuer: provider.issuer, client_id: 'any-spa', scope: 'profile' })
  await lab.startAuthorization.click()
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await lab.callUserinfo.click()
  const diagnosis = lab.diagnosis('insufficient_scope')
  await expect(diagnosis).toContainText('openid')
  await expect(diagnosis).toContainText(/WWW-Authenticate/i)
  await expect(page.locator('[data-step="userinfo"] [data-status-code="403"]')).toBeVisible()
})

test('a non-standard 403 error code on a code replay is kept and explained', async ({ lab }) => {
  await lab.open({ issuer: provider.issuer, client_id: 'any-spa', scope: 'openid' })
  await lab.startAuthorization.click()
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken).toBeVisible()
  await lab.exchangeCode.click()
  await expect(lab.page.locator('[role="alert"][data-diagnosis]')).toContainText('access_forbidden')
})

test('a token endpoint without CORS: the browser hides the answer, and the lab explains Web Origins', async ({
  lab,
  page,
}) => {
  await lab.open({ issuer: provider.noCorsIssuer, client_id: 'any-spa', scope: 'openid' })
  await lab.startAuthorization.click()
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  const diagnosis = lab.diagnosis('cors_or_network')
  await expect(diagnosis).toContainText(/Web origins/i)
  await expect(page.locator('[data-step="token"]')).toContainText('No HTTP response')
})

test('a provider whose userinfo accepts a token without openid: the lab says this provider accepted it', async ({
  lab,
  page,
}) => {
  await lab.open({
    issuer: provider.issuerFor('lenient'),
    client_id: 'lenient-backend',
    grant: 'client_credentials',
  })
  await lab.useSecret('lenient-secret')
  await page.getByRole('textbox', { name: 'Token request scope' }).fill('api:read')
  await page.getByRole('button', { name: 'Request token' }).click()
  await lab.callUserinfo.click()
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  const notice = lab.diagnosis('userinfo_accepted_without_openid')
  await expect(notice).toContainText(/This provider accepted the token/)
  await expect(lab.diagnosis('insufficient_scope')).toHaveCount(0)
})
