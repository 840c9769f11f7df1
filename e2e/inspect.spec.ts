import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { LabPage } from './pages/lab-page'
import type { IdpLoginPage } from './pages/idp-login-page'

const ISSUER = 'http://localhost:8080/realms/demo'

/** Runs the real flow against the demo realm and reads the tokens back from the raw views. */
async function realTokens(lab: LabPage, idpLogin: IdpLoginPage) {
  await lab.open({ preset: 'demo', scope: 'openid profile email' })
  await lab.runWholeFlow.click()
  await idpLogin.signInAs('alice')
  await lab.waitForCallback()
  const raw = async (region: typeof lab.idToken) => {
    const view = region.locator('[data-raw-token]')
    await expect(view).toHaveAttribute('data-raw-token', /\S/)
    return (await view.getAttribute('data-raw-token')) ?? ''
  }
  await expect(lab.check('signature', lab.idToken)).toHaveAttribute('data-status', 'pass')
  return {
    idToken: await raw(lab.idToken),
    accessToken: await raw(lab.accessToken),
    refreshToken: await raw(lab.refreshToken),
  }
}

/** Flips one character in the middle of the signature (the last one may only carry padding bits). */
function tamperSignature(token: string): string {
  const [header, payload, signature = ''] = token.split('.')
  const i = Math.floor(signature.length / 2)
  const flipped = signature.charAt(i) === 'A' ? 'B' : 'A'
  return `${header}.${payload}.${signature.slice(0, i)}${flipped}${signature.slice(i + 1)}`
}

async function inspect(page: Page, token: string) {
  await page.goto(`/#token=${encodeURIComponent(token)}`)
  const region = page.getByRole('region', { name: 'Token', exact: true })
  await expect(region).toBeVisible()
  return region
}

test('a real ID token: verified against the realm’s JWKS, and a tampered signature fails', async ({
  lab,
  idpLogin,
  page,
}) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const { idToken } = await realTokens(lab, idpLogin)

  let region = await inspect(page, tamperSignature(idToken))
  await expect(region.locator('[data-role-reason]')).toContainText('typ is "ID"')
  await expect(lab.check('signature', region)).toHaveAttribute('data-status', 'skip')
  await expect(lab.check('signature', region)).toContainText('no Issuer given')
  await page.getByLabel('Issuer').fill(ISSUER)
  await expect(page.locator('[data-keys-state="ready"]')).toBeVisible()
  await expect(lab.check('signature', region)).toHaveAttribute('data-status', 'fail')
  await expect(lab.check('signature', region)).toContainText('signature does not match')
  await expect(lab.check('iss', region)).toHaveAttribute('data-status', 'pass')

  region = await inspect(page, idToken)
  await page.getByLabel('Issuer').fill(ISSUER)
  await expect(lab.check('signature', region)).toHaveAttribute('data-status', 'pass')
  await expect(region.locator('[data-claim="email"]')).toContainText('alice@example.com')
  await region.getByRole('tab', { name: 'Signature' }).click()
  await expect(region.locator('[data-signature-status="pass"]')).toContainText('verified with key')
  expect(errors).toEqual([])
})

test('a whole token response: ID, access and refresh token regions, every ID token check passes', async ({
  lab,
  idpLogin,
  page,
}) => {
  const tokens = await realTokens(lab, idpLogin)
  const nonce = await lab.idToken.locator('[data-claim="nonce"] td div').first().innerText()
  await page.goto('/#inspect')
  await page.getByLabel('Token or token response').fill(
    JSON.stringify({
      access_token: tokens.accessToken,
      token_type: 'Bearer',
      expires_in: 300,
      id_token: tokens.idToken,
      refresh_token: tokens.refreshToken,
    }),
  )
  await page.getByLabel('Issuer').fill(ISSUER)
  await page.getByRole('button', { name: /^Use azp from the token/ }).click()
  await page.getByLabel('Nonce').fill(nonce.trim())

  const id = lab.idToken
  for (const check of [
    'signature',
    'alg',
    'iss',
    'aud',
    'azp',
    'exp',
    'iat',
    'nonce',
    'at_hash',
    'sub',
  ]) {
    await expect(lab.check(check, id), check).toHaveAttribute('data-status', 'pass')
  }
  await expect(lab.check('signature', lab.accessToken)).toHaveAttribute('data-status', 'pass')
  await expect(lab.refreshToken).toContainText('for the provider only')
})

test('a malformed token shows which part is wrong and does not crash', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const region = await inspect(page, 'abc.%%%.def')
  await expect(region.locator('[data-problem="bad_base64url"][data-part="payload"]')).toBeVisible()
  await expect(region.locator('[data-raw-token] [data-part="payload"] mark')).toHaveText('%')
  await expect(region.locator('[data-claim]')).toHaveCount(0)

  const textarea = page.getByLabel('Token or token response')
  for (const text of [
    'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ',
    '{"id_token": 3',
    '....',
    'x'.repeat(3000),
  ]) {
    await textarea.fill(text)
    await expect(page.getByRole('heading', { name: 'Inspect a token' })).toBeVisible()
  }
  expect(errors).toEqual([])
})

test('a bidi override in a claim is isolated and shown, so "\\u202Enimda" never reads as admin', async ({
  page,
}) => {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const token = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ sub: 'x', preferred_username: '\u202Enimda' })}.c2ln`
  await page.goto(`/#token=${token}`)
  const claim = page.locator('[data-claim="preferred_username"]').first()
  await expect(claim.locator('[data-invisible="U+202E"]')).toBeVisible()
  await expect(claim.locator('bdi')).toContainText('nimda')
})
