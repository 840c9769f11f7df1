import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  APP_ORIGIN,
  basicAuth,
  CONFIDENTIAL_SECRET,
  loginForTokens,
  postForm,
  TestBrowser,
  useTestRealm,
  userinfo,
} from './test-support.ts'

// oidc-provider prints a NOTICE or WARNING the first time a development default is used. A fresh
// module graph (one per test file) plus every endpoint once shows that the realm replaced them all.
const printed: string[] = []
const originals = { info: console.info, warn: console.warn, log: console.log, error: console.error }

// registered before the realm's hooks, so the capture is in place when it starts
beforeAll(() => {
  for (const method of ['info', 'warn', 'log', 'error'] as const) {
    console[method] = (...args: unknown[]) => {
      printed.push(args.map(String).join(' '))
    }
  }
})
afterAll(() => {
  Object.assign(console, originals)
})
const realm = useTestRealm()

test('a tour of every endpoint prints nothing: no development defaults, no runtime warning', async () => {
  const browser = new TestBrowser()
  const tokens = await loginForTokens(browser, realm, { scope: 'openid email offline_access' })
  const confidential = basicAuth('oidc-lab-confidential', CONFIDENTIAL_SECRET)

  expect((await userinfo(realm, tokens.access_token)).status).toBe(200)
  await postForm(
    realm.endpoint('token'),
    {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: 'oidc-lab',
    },
    { origin: APP_ORIGIN },
  )
  await postForm(realm.endpoint('introspect'), { token: tokens.access_token }, confidential)
  await postForm(realm.endpoint('introspect'), { token: tokens.refresh_token ?? '' }, confidential)
  await postForm(realm.endpoint('token'), { grant_type: 'client_credentials' }, confidential)
  await postForm(realm.endpoint('revoke'), { token: tokens.access_token, client_id: 'oidc-lab' })
  await postForm(realm.endpoint('revoke'), {
    token: tokens.refresh_token ?? '',
    client_id: 'oidc-lab',
  })
  await browser.request(`${realm.endpoint('logout')}?id_token_hint=${tokens.id_token ?? ''}`)
  await browser.request(realm.endpoint('logout'))
  const device = await postForm(`${realm.issuer}/protocol/openid-connect/auth/device`, {
    client_id: 'oidc-lab-device',
    scope: 'openid',
  })
  const { device_code: deviceCode, verification_uri_complete: complete } =
    (await device.json()) as { device_code: string; verification_uri_complete: string }
  await postForm(realm.endpoint('token'), {
    grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    device_code: deviceCode,
    client_id: 'oidc-lab-device',
  })
  await browser.follow(await browser.request(complete), complete, realm.origin)
  await fetch(`${realm.issuer}/device`)
  await fetch(`${realm.endpoint('auth')}?client_id=nope`)
  await fetch(realm.endpoint('certs'))

  expect(printed).toEqual([])
  expect(realm.logs.length).toBeGreaterThan(0)
})
