import { expect, test } from './fixtures'
import { runMatrixWithSignIn } from './pages/matrix-page'

test('the scopes step marks the demo client scopes as default or optional, in the description only', async ({
  lab,
  page,
}) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab' })
  const email = page.getByRole('checkbox', { name: 'email', exact: true })
  await expect(email).toHaveAccessibleName('email')
  await expect(email).toHaveAccessibleDescription(/optional — only when requested/)
  await expect(
    page.getByRole('checkbox', { name: 'profile', exact: true }),
  ).toHaveAccessibleDescription(/default — always applied/)

  await lab.open({ preset: 'demo', client_id: 'oidc-lab-defaults' })
  await expect(
    page.getByRole('checkbox', { name: 'email', exact: true }),
  ).toHaveAccessibleDescription(
    /default — always applied \(the demo realm's client oidc-lab-defaults\)/,
  )
})

test('the matrix says why openid profile equals openid', async ({ lab, page }) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab' })
  await page.getByRole('link', { name: 'Scope → claims matrix' }).click()
  await runMatrixWithSignIn(page, ['openid', 'openid profile', 'openid email'])
  const identical = page.getByRole('region', { name: 'Identical columns' })
  await expect(identical.locator('[data-identical-sets]')).toHaveCount(1)
  await expect(identical.locator('[data-identical-sets="0,1"]')).toContainText(
    'openid profile = openid: profile is a default scope of this client',
  )
})
