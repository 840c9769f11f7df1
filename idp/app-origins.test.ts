import { describe, expect, test } from 'vitest'
import { clientUris, parseAppUrls } from './realm.ts'
import { loginForCode, TestBrowser, useTestRealm } from './test-support.ts'

describe('IDP_APP_ORIGINS: where the lab is served', () => {
  test('entries are normalised to end in /, and the loopback defaults stay', () => {
    expect(parseAppUrls(' https://lab.example.com , http://localhost:4174/oidc-lab')).toEqual([
      'https://lab.example.com/',
      'http://localhost:4174/oidc-lab/',
    ])
    expect(parseAppUrls(undefined)).toEqual([])
    const uris = clientUris([], ['https://lab.example.com/tools/oidc-lab/'])
    expect(uris.redirectUris).toContain('http://localhost:5173/callback')
    expect(uris.redirectUris).toContain('https://lab.example.com/tools/oidc-lab/callback')
    expect(uris.postLogoutRedirectUris).toContain('https://lab.example.com/tools/oidc-lab/')
    expect(uris.webOrigins).toContain('https://lab.example.com')
  })

  test.each([
    'lab.example.com',
    'ftp://lab.example.com/',
    'https://lab.example.com/?x=1',
    'https://x/#a',
  ])('%s is refused with a message naming it', (entry) => {
    expect(() => parseAppUrls(entry)).toThrow(
      new RegExp(`IDP_APP_ORIGINS: "${entry.replace(/[.?/]/g, '\\$&')}" is not an absolute`),
    )
  })
})

describe('a realm told the app is at https://lab.example.com/oidc-lab/', () => {
  const realm = useTestRealm({ appUrls: ['https://lab.example.com/oidc-lab/'] })

  test('redirects there after sign-in and lets that origin read discovery', async () => {
    const redirect = 'https://lab.example.com/oidc-lab/callback'
    const { params } = await loginForCode(new TestBrowser(), realm, {
      scope: 'openid',
      extra: { redirect_uri: redirect },
    })
    expect(params.get('code')).toBeTruthy()
    const discovery = await fetch(`${realm.issuer}/.well-known/openid-configuration`, {
      headers: { origin: 'https://lab.example.com' },
    })
    expect(discovery.headers.get('access-control-allow-origin')).toBe('https://lab.example.com')
  })

  test('still refuses a path it was not told', async () => {
    await expect(
      loginForCode(new TestBrowser(), realm, {
        scope: 'openid',
        extra: { redirect_uri: 'https://lab.example.com/elsewhere/callback' },
      }),
    ).rejects.toThrow(/expected a redirect to the app, got 400/)
  })
})
