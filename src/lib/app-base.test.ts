import { describe, expect, test } from 'vitest'
import { APP_BASE, appBaseOf, appPath, CALLBACK_PATH, isCallbackPath, isLabPath } from './app-base'

describe('the app base', () => {
  test('is the site root in the tests (Vite base "/")', () => {
    expect(APP_BASE).toBe('/')
    expect(CALLBACK_PATH).toBe('/callback')
  })

  test.each([
    ['/', '/'],
    ['/oidc-lab/', '/oidc-lab/'],
    ['/oidc-lab', '/oidc-lab/'],
    ['./', '/'],
    ['', '/'],
    [undefined, '/'],
  ])('Vite base %j reads as %j', (base, expected) => {
    expect(appBaseOf(base)).toBe(expected)
  })

  test('links and routes follow a sub-path base', () => {
    const base = '/tools/oidc-lab/'
    expect(appPath('#history', base)).toBe('/tools/oidc-lab/#history')
    for (const path of [
      '/tools/oidc-lab/callback',
      '/tools/oidc-lab/callback/',
      '/tools/oidc-lab/callback.html',
      '/tools/oidc-lab/callback/index.html',
    ]) {
      expect(isCallbackPath(path, base)).toBe(true)
    }
    expect(isCallbackPath('/callback', base)).toBe(false)
    expect(isCallbackPath('/tools/oidc-lab/callbacks', base)).toBe(false)
    expect(isLabPath('/tools/oidc-lab/', base)).toBe(true)
    expect(isLabPath('/tools/oidc-lab', base)).toBe(true)
    expect(isLabPath('/tools/oidc-lab/index.html', base)).toBe(true)
    expect(isLabPath('/', base)).toBe(false)
  })

  test('at the site root', () => {
    expect(isCallbackPath('/callback')).toBe(true)
    expect(isCallbackPath('/')).toBe(false)
    expect(isLabPath('/')).toBe(true)
    expect(isLabPath('/index.html')).toBe(true)
    expect(isLabPath('/callback')).toBe(false)
  })
})
