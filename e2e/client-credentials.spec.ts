import { expect, test } from './fixtures'

test('client credentials: api:read alone gets a userinfo 403 with the client-credentials fix, openid added gets a 200', async ({
  lab,
  page,
}) => {
  await lab.open({
    preset: 'demo',
    client_id: 'oidc-lab-confidential',
    grant: 'client_credentials',
  })
  await lab.useSecret('oidc-lab-secret')
  await page.getByRole('textbox', { name: 'Token request scope' }).fill('api:read')
  await expect(page.locator('[data-step="client_credentials"]')).toContainText(
    'grant_type=client_credentials',
  )
  await page.getByRole('button', { name: 'Request token' }).click()
  await expect(lab.accessToken.locator('[data-claim="scope"]').first()).toContainText('api:read')
  await expect(lab.idToken).toContainText('no id_token')

  await lab.callUserinfo.click()
  const refusal = lab.diagnosis('insufficient_scope')
  await expect(refusal).toBeVisible()
  await expect(page.locator('[data-step="userinfo"] [data-status-code="403"]')).toBeVisible()
  await expect(refusal).toContainText(/Add openid to the token request.s scope/)

  await refusal.getByRole('button', { name: 'Request again with openid' }).click()
  await expect(page.getByRole('textbox', { name: 'Token request scope' })).toHaveValue(
    'openid api:read',
  )
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  await expect(lab.userinfo.locator('[data-claim="sub"]')).toBeVisible()
})

test('client credentials with a public client is refused before anything is sent', async ({
  lab,
  page,
}) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab', grant: 'client_credentials' })
  await expect(
    page.locator('[role="alert"][data-diagnosis="grant_not_allowed"]').first(),
  ).toContainText('needs a confidential client')
  await expect(page.getByRole('button', { name: 'Request token' })).toBeDisabled()
})
