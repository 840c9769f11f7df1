import { expect, test } from './fixtures'

test('revoke then introspect: the revoked access token is no longer active', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab-confidential', scope: 'openid' })
  await page.getByRole('radio', { name: /Confidential/ }).check()
  await page.getByLabel('Client secret', { exact: true }).fill('oidc-lab-secret')
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await page.getByRole('button', { name: 'Introspect access token' }).click()
  const introspection = page.getByRole('region', { name: 'Introspection response' })
  await expect(introspection.locator('[data-claim="active"]')).toContainText('true')

  await page.getByRole('button', { name: 'Revoke access token' }).click()
  await expect(page.locator('[data-step="revoke"]')).toHaveAttribute('data-status', 'done')
  await page.getByRole('button', { name: 'Introspect access token' }).click()
  await expect(introspection.locator('[data-claim="active"]')).toContainText('false')
})
