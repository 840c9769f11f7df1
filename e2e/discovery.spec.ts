import { expect, test } from './fixtures'

test('a Keycloak ≥ 17 realm addressed with the legacy /auth path: 404 diagnosed, one click fixes the path', async ({
  page,
}) => {
  await page.goto('/?preset=keycloak&issuer=http://localhost:8080/auth/realms/demo')
  await expect(page.getByRole('checkbox', { name: /Legacy/ })).toBeChecked()
  const diagnosis = page.locator('[role="alert"][data-diagnosis="discovery_failed"]')
  await expect(diagnosis).toContainText('404')
  await diagnosis.getByRole('button', { name: 'Remove the /auth path' }).click()
  await expect(page.getByRole('checkbox', { name: /Legacy/ })).not.toBeChecked()
  await expect(page.getByText('Discovery document loaded')).toBeVisible()
})

test('an unreachable issuer is diagnosed as CORS or network, never a blank screen', async ({
  page,
}) => {
  await page.goto('/?issuer=http://localhost:9/realms/nowhere')
  await expect(page.locator('[role="alert"][data-diagnosis="cors_or_network"]')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Start authorization' })).toBeDisabled()
})
