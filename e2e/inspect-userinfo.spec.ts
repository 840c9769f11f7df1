import { expect, test } from './fixtures'

const TOKEN_ENDPOINT = 'http://localhost:8080/realms/demo/protocol/openid-connect/token'

/**
 * A real client credentials access token from the demo realm, requested by the test itself (Node's
 * fetch, not the browser): the page only ever sees it pasted.
 */
async function clientCredentialsToken(scope: string): Promise<string> {
  const response = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'oidc-lab-confidential',
      client_secret: 'oidc-lab-secret',
      scope,
    }),
  })
  expect(response.status, await response.clone().text()).toBe(200)
  const body = (await response.json()) as { access_token?: unknown }
  expect(typeof body.access_token).toBe('string')
  return String(body.access_token)
}

test('a client credentials token without openid: predicted to fail, and userinfo refuses it with 403 insufficient_scope', async ({
  lab,
  page,
}) => {
  const token = await clientCredentialsToken('api:read')
  await page.goto('/#inspect')
  await page.getByLabel('Token or token response').fill(token)
  const region = page.getByRole('region', { name: 'Token', exact: true })
  await expect(lab.check('userinfo_scope', region)).toHaveAttribute('data-status', 'fail')
  await expect(region.locator('[data-service-account]')).toContainText('no user')
  await expect(region.locator('[data-pinned-claim="scope"]')).toContainText('api:read')

  await page.getByRole('button', { name: 'Call userinfo with this token' }).click()
  await expect(lab.diagnosis('insufficient_scope')).toBeVisible()
  await expect(page.locator('[data-status-code="403"]')).toBeVisible()
  await expect(lab.userinfo).toHaveCount(0)
})

test('a client credentials token with openid: predicted to pass, and userinfo answers with the service account’s claims', async ({
  lab,
  page,
}) => {
  const token = await clientCredentialsToken('openid api:read')
  await page.goto('/#inspect')
  await page.getByLabel('Token or token response').fill(token)
  const region = page.getByRole('region', { name: 'Token', exact: true })
  await expect(lab.check('userinfo_scope', region)).toHaveAttribute('data-status', 'pass')

  await page.getByRole('button', { name: 'Call userinfo with this token' }).click()
  await expect(lab.userinfo.locator('[data-claim="sub"]')).toBeVisible()
  await expect(page.locator('[data-status-code="200"]')).toBeVisible()
  await expect(page.locator('[role="alert"][data-diagnosis]')).toHaveCount(0)
})
