import { describe, expect, test } from 'vitest'
import { scrubCallbackUrl } from './scrub-callback-url'

describe('scrubCallbackUrl', () => {
  test('removes code, state, session_state and iss', () => {
    expect(
      scrubCallbackUrl(
        'http://localhost:4173/callback?code=abc&state=xyz&session_state=s&iss=http%3A%2F%2Fidp',
      ),
    ).toBe('/callback')
  })

  test('keeps other parameters and the fragment, in order', () => {
    expect(scrubCallbackUrl('http://app/oidc-lab/callback?a=1&code=abc&b=2#frag')).toBe(
      '/oidc-lab/callback?a=1&b=2#frag',
    )
  })

  test('an error callback keeps its error (nothing secret in it) but loses its state', () => {
    expect(scrubCallbackUrl('http://app/callback?error=access_denied&state=xyz')).toBe(
      '/callback?error=access_denied',
    )
  })

  test.each(['http://app/callback', 'http://app/callback?error=x', 'not a url'])(
    'nothing to remove in %s',
    (href) => {
      expect(scrubCallbackUrl(href)).toBeUndefined()
    },
  )
})
