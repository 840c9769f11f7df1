import { expect, test } from './fixtures'

test('revoke then introspect: the revoked access token is no longer active', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab-confidential', scope: 'openid' })
  await lab.useSecret('oidc-lab-secret')
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

test('logout: back on the lab, the old tokens are refused at userinfo and refresh, and diagnosed', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid profile' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken).toBeVisible()
  await page.getByRole('button', { name: 'Log out' }).click()
  await page.waitForURL((url) => url.pathname === '/')
  const logout = page.locator('[data-step="logout"]')
  await expect(logout).toHaveAttribute('data-status', 'done')
  await expect(logout.locator('[data-logout-state="true"]')).toBeVisible()

  await logout.getByRole('button', { name: 'Try the old tokens' }).click()
  const userinfo = logout.locator('[data-after-logout="userinfo"]')
  await expect(userinfo.locator('[data-status-code="401"]')).toBeVisible()
  await expect(userinfo.locator('[role="alert"][data-diagnosis="invalid_token"]')).toBeVisible()
  const refresh = logout.locator('[data-after-logout="refresh"]')
  await expect(refresh.locator('[data-status-code="400"]')).toBeVisible()
  await expect(refresh.locator('[role="alert"][data-diagnosis="invalid_grant"]')).toContainText(
    'Session not active',
  )
})

test('refresh: the Refresh comparison shows the rotation, and the replaced refresh token’s fate', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid email' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await page.getByRole('button', { name: 'Refresh tokens' }).click()
  const comparison = page.getByRole('region', { name: 'Refresh comparison' })
  await expect(comparison.locator('[data-rotated="true"]')).toBeVisible()
  await expect(comparison.locator('[data-diff-claim="jti"]').first()).toBeVisible()
  await page.getByRole('button', { name: 'Send the replaced refresh token again' }).click()
  // the demo realm copies Keycloak's default: a used refresh token is still accepted
  await expect(page.locator('[data-old-refresh-token="accepted"]')).toBeVisible()
})

test('the code grant with an extra scope at /token: the granted scope stays what /auth asked for', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await page.getByRole('textbox', { name: 'Token request scope' }).fill('openid email')
  await expect(page.locator('[data-step="token"]')).toContainText('scope=openid+email')
  await lab.exchangeCode.click()
  const journey = page.locator('[data-scope-journey]')
  await expect(journey.locator('[data-scope-at="token"]')).toHaveText('openid email')
  await expect(journey.locator('[data-scope-at="granted"]')).not.toContainText('email')
  await expect(journey.locator('[data-token-scope-widened="false"]')).toBeVisible()
  await expect(lab.idToken.locator('[data-claim="email"]')).toHaveCount(0)
})
