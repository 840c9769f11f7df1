import { expect, test } from './fixtures'

test('the chain: start authorization, sign in on the demo realm, land on /callback with a code', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo' })
  await lab.startAuthorization.click()
  await expect(page).toHaveURL(/localhost:8080\/realms\/demo\//)
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await expect(page.locator('[data-callback-param="code"]')).toBeVisible()
  await expect(lab.check('state')).toHaveAttribute('data-status', 'pass')
})

test('openid profile email: the ID token carries email and userinfo answers 200', async ({
  lab,
  idpLogin,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid profile email' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken.locator('[data-claim="email"]')).toContainText('alice@example.com')
  await expect(lab.check('signature', lab.idToken)).toHaveAttribute('data-status', 'pass')
  await expect(lab.check('nonce', lab.idToken)).toHaveAttribute('data-status', 'pass')
  await expect(lab.check('at_hash', lab.idToken)).toHaveAttribute('data-status', 'pass')
  await lab.callUserinfo.click()
  await expect(lab.userinfo.locator('[data-claim="email"]')).toContainText('alice@example.com')
  await expect(lab.page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  await expect(lab.check('userinfo_sub')).toHaveAttribute('data-status', 'pass')
})

test('without openid: no ID token, userinfo 403 diagnosed as insufficient_scope, and a rerun with openid fixes it', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'profile email' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken.locator('[data-diagnosis="no_id_token"]')).toBeVisible()
  await expect(lab.idToken.locator('[data-claim]')).toHaveCount(0)
  await lab.callUserinfo.click()
  const diagnosis = lab.diagnosis('insufficient_scope')
  await expect(diagnosis).toContainText('openid')
  await expect(page.locator('[data-step="userinfo"] [data-status-code="403"]')).toBeVisible()

  await diagnosis.getByRole('button', { name: 'Run again with openid' }).click()
  // the realm session is still alive: no login form, the whole flow runs by itself
  await expect(page.locator('[data-step="userinfo"] [data-status-code="200"]')).toBeVisible()
  await expect(lab.idToken.locator('[data-claim="email"]')).toBeVisible()
})

test('oidc-lab: email is an optional scope, present only when requested', async ({
  lab,
  idpLogin,
}) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab', scope: 'openid profile' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken.locator('[data-claim="preferred_username"]')).toBeVisible()
  await expect(lab.idToken.locator('[data-claim="email"]')).toHaveCount(0)

  // the second run ticks the checkbox itself (UI contract: named exactly after the scope)
  await lab.open({ preset: 'demo', client_id: 'oidc-lab', scope: 'openid profile' })
  await lab.scope('email').check()
  await expect(lab.page.getByLabel('Authorization URL')).toContainText('scope=openid+profile+email')
  await lab.startAuthorization.click()
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken.locator('[data-claim="email"]')).toBeVisible()
})

test('oidc-lab-defaults: email is a default scope, so unticking it changes nothing, and the lab says why', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', client_id: 'oidc-lab-defaults', scope: 'openid profile' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken.locator('[data-claim="email"]')).toBeVisible()
  await expect(page.locator('[data-scope-note="added"]')).toContainText('email')
  await expect(page.locator('[data-scope-note="added"]')).toContainText('default')
})

const confidentialCases = [
  { method: 'client_secret_basic', sentAs: 'Authorization: Basic ••••••••' },
  { method: 'client_secret_post', sentAs: 'client_secret=••••••••' },
] as const

for (const { method, sentAs } of confidentialCases) {
  test(`confidential client with ${method}`, async ({ lab, idpLogin, page }) => {
    await lab.open({ preset: 'demo', client_id: 'oidc-lab-confidential', scope: 'openid email' })
    await page.getByRole('radio', { name: /Confidential/ }).check()
    await page.getByLabel('Client secret', { exact: true }).fill('oidc-lab-secret')
    await page.getByRole('radio', { name: method }).check()
    await lab.startAuthorization.click()
    await idpLogin.signInAs('alice')
    await lab.waitForCallback()
    // the secret is masked on screen until revealed
    await expect(page.locator('[data-step="token"]')).toContainText(sentAs)
    await lab.exchangeCode.click()
    await expect(lab.idToken.locator('[data-claim="email"]')).toBeVisible()
    await expect(page.locator('[data-step="token"] [data-status-code="200"]')).toBeVisible()
  })
}

test('the same code twice: the replay is refused and diagnosed as invalid_grant', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('bob')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken).toBeVisible()
  await lab.exchangeCode.click()
  await expect(lab.diagnosis('invalid_grant')).toBeVisible()
  await expect(page.locator('[data-step="token"] [data-status-code="400"]')).toBeVisible()
  // the first answer and its tokens stay on screen, next to the replay's refusal
  await expect(page.locator('[data-step="token"] [data-status-code="200"]')).toBeVisible()
  await expect(lab.idToken).toBeVisible()
})

test('a tampered state is refused before any code exchange', async ({ lab, idpLogin, page }) => {
  await lab.open({ preset: 'demo', scope: 'openid' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  const url = new URL(page.url())
  url.searchParams.set('state', 'forged-by-an-attacker')
  await page.goto(url.toString())
  await expect(lab.check('state')).toHaveAttribute('data-status', 'fail')
  await expect(lab.diagnosis('state_mismatch')).toBeVisible()
  await expect(lab.exchangeCode).toBeDisabled()
})

test('library mode: oidc-client-ts processes the same setup in one call, its HTTP recorded', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid profile email' })
  await page.getByRole('button', { name: 'Run with oidc-client-ts' }).click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await expect(
    page.getByRole('region', { name: 'Library profile' }).locator('[data-claim="email"]'),
  ).toBeVisible()
  await expect(page.locator('[data-exchange="library"]').first()).toBeVisible()
})

test('introspection: the opaque refresh token is active for the confidential client, not readable by a public one', async ({
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
  await page.getByRole('button', { name: 'Introspect refresh token' }).click()
  await expect(page.locator('[data-step="introspect"]')).toContainText('"active": true')

  await lab.open({ preset: 'demo', client_id: 'oidc-lab', scope: 'openid' })
  await page.getByRole('radio', { name: /Public/ }).check()
  await lab.startAuthorization.click()
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await page.getByRole('button', { name: 'Introspect refresh token' }).click()
  await expect(page.locator('[data-step="introspect"]')).toContainText('"active": false')
})

test('refresh: the refresh token buys new tokens with the same scope', async ({
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
  const refresh = page.locator('[data-step="refresh"]')
  await expect(refresh.locator('[data-status-code="200"]')).toBeVisible()
  await expect(refresh).toContainText('"scope": "openid profile email"')
})

test('the run outline on /callback names the failed step and leads to its diagnosis', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'profile' })
  await lab.runWholeFlow.click()
  await idpLogin.signInAs('alice')
  const outline = page.getByRole('navigation', { name: 'Run outline' })
  await expect(outline).toContainText('Userinfo')
  await expect(outline).toContainText('failed')
  await outline.getByRole('button', { name: 'See the diagnosis' }).click()
  await expect(lab.diagnosis('insufficient_scope')).toBeInViewport()
})

test('a claim missing for want of its scope is explained, and one click asks for the scope', async ({
  lab,
  idpLogin,
  page,
}) => {
  await lab.open({ preset: 'demo', scope: 'openid' })
  await lab.startAuthorization.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  await lab.exchangeCode.click()
  await expect(lab.idToken.locator('[data-claim="email"]')).toHaveCount(0)
  await page.locator('[data-missing-claims] summary').click()
  const missing = page.locator('[data-missing-claims] [data-diagnosis="missing_claim"]', {
    hasText: 'email',
  })
  await missing.first().getByRole('button', { name: 'Run again with email' }).click()
  await lab.waitForCallback()
  await expect(lab.idToken.locator('[data-claim="email"]')).toBeVisible()
})
