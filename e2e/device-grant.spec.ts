import { expect, test } from './fixtures'
import { IdpLoginPage } from './pages/idp-login-page'

test('device grant: authorization_pending until the user enters the code in a second tab, then tokens', async ({
  lab,
  page,
}) => {
  await lab.open({
    preset: 'demo',
    client_id: 'oidc-lab-device',
    grant: 'device_code',
    scope: 'openid profile',
  })
  await page.getByRole('button', { name: 'Start device authorization' }).click()
  const userCode = page.locator('[data-user-code]')
  await expect(userCode).toHaveText(/\S+/)
  await expect(page.getByRole('img', { name: 'QR code of the verification URI' })).toBeVisible()
  await expect(page.locator('[data-poll="authorization_pending"]').first()).toBeVisible()

  const complete = await page.locator('[data-verification-complete]').getAttribute('href')
  const device = await page.context().newPage()
  await device.goto(complete ?? '')
  await expect(device.getByRole('textbox', { name: 'User code' })).toHaveValue(
    (await userCode.textContent()) ?? '',
  )
  await device.getByRole('button', { name: 'Submit' }).click()
  await new IdpLoginPage(device).signInAs('alice')
  await device.getByRole('button', { name: 'Yes' }).click()
  await expect(device.getByText(/Device Login Successful/i)).toBeVisible()

  await expect(page.locator('[data-step="device"]')).toHaveAttribute('data-status', 'done')
  await expect(lab.idToken.locator('[data-claim="preferred_username"]').first()).toContainText(
    'alice',
  )
  await lab.callUserinfo.click()
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
})
