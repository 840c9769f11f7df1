import { expect, test } from './fixtures'
import { runMatrixWithSignIn } from './pages/matrix-page'

test('a matrix of four scope sets on oidc-lab: email only where requested, userinfo 403 only without openid', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab' })
  await page.getByRole('link', { name: 'Scope → claims matrix' }).click()
  await runMatrixWithSignIn(page, ['openid', 'openid email', 'profile', 'profile email'])
  const table = page.getByRole('table', { name: 'Scope to claims matrix' })
  const email = table.locator('tr[data-claim="email"]')
  for (const [set, expected] of [
    [0, false],
    [1, true],
    [2, false],
    [3, true],
  ] as const) {
    await expect(
      email.locator(`td[data-set="${set}"][data-source="access_token"]`),
    ).toHaveAttribute('data-present', String(expected))
  }
  await expect(email.locator('td[data-set="1"][data-source="id_token"]')).toHaveAttribute(
    'data-present',
    'true',
  )
  await expect(email.locator('td[data-set="1"][data-source="userinfo"]')).toHaveAttribute(
    'data-present',
    'true',
  )
  const statuses = table.locator('[data-userinfo-status]')
  await expect(statuses).toHaveCount(4)
  await expect(table.locator('[data-set="0"] [data-userinfo-status]')).toHaveAttribute(
    'data-userinfo-status',
    '200',
  )
  await expect(table.locator('[data-set="1"] [data-userinfo-status]')).toHaveAttribute(
    'data-userinfo-status',
    '200',
  )
  await expect(table.locator('[data-set="2"] [data-userinfo-status]')).toHaveAttribute(
    'data-userinfo-status',
    '403',
  )
  await expect(table.locator('[data-set="3"] [data-userinfo-status]')).toHaveAttribute(
    'data-userinfo-status',
    '403',
  )
  await expect(idpLogin.signIn).toHaveCount(0)
})
