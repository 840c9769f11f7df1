import { expect, test } from 'vitest'
import {
  authorizeUrl,
  createPkce,
  loginForTokens,
  postForm,
  startAuthorization,
  TestBrowser,
  userinfo,
  useTestRealm,
} from './test-support.ts'

const realm = useTestRealm()

/** A full login in three requests: authorize, post the form, resume. Ends with a code. */
async function quickLogin(username: string): Promise<void> {
  const browser = new TestBrowser()
  const authorize = await browser.request(
    authorizeUrl(realm, { scope: 'openid', codeChallenge: createPkce().challenge }),
  )
  const form = await browser.request(
    new URL(authorize.headers.get('location') ?? '', realm.origin),
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password: username }),
    },
  )
  const resume = await browser.request(form.headers.get('location') ?? '')
  if (!resume.headers.get('location')?.includes('code=')) {
    throw new Error(`login ${username} failed: ${resume.status}`)
  }
}

// oidc-provider's built-in store is an LRU of 1000 entries: after a few hundred logins it silently
// evicted the first user's session and refresh token. The realm's store keeps them until they expire.
test('sessions and refresh tokens survive 1200 later logins', { timeout: 30_000 }, async () => {
  const first = new TestBrowser()
  const tokens = await loginForTokens(first, realm, { scope: 'openid' })

  const names = ['alice', 'bob', 'carol']
  const logins = Array.from({ length: 1200 }, (_, index) => names[index % names.length] ?? 'alice')
  for (let index = 0; index < logins.length; index += 20) {
    await Promise.all(logins.slice(index, index + 20).map(quickLogin))
  }

  const refreshed = await postForm(realm.endpoint('token'), {
    grant_type: 'refresh_token',
    refresh_token: tokens.refresh_token ?? '',
    client_id: 'oidc-lab',
  })
  expect(refreshed.status).toBe(200)
  expect((await userinfo(realm, tokens.access_token)).status).toBe(200)

  const silent = await startAuthorization(first, realm, {
    scope: 'openid',
    prompt: 'none',
    codeChallenge: createPkce().challenge,
  })
  expect(silent.headers.get('location')).toContain('code=')
})
