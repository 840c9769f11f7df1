// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, test } from 'vitest'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { unsignedToken } from '@/testing/fixtures/jwt-signing'
import { DecodedTokenView } from './decoded-token-view'

afterEach(cleanup)

const NOW = 1_795_412_400
const TOKEN = unsignedToken(
  { alg: 'RS256', kid: 'k1', typ: 'JWT' },
  {
    iss: 'http://localhost:8080/realms/demo',
    exp: NOW + 240,
    iat: (NOW - 120) * 1000,
    email: 'alice@example.com',
    realm_access: { roles: ['user', 'admin'] },
    address: { locality: 'Oxford', country: 'UK' },
    'https://example.com/tenant': 't-1',
  },
)

function renderView(raw: string, checks = []) {
  render(<DecodedTokenView title="Token" token={decodeJwt(raw)} checks={checks} now={NOW} />)
  return screen.getByRole('region', { name: 'Token' })
}

describe('DecodedTokenView', () => {
  test('claims: description, source, scope, times with warnings, nested objects', () => {
    const region = renderView(TOKEN)
    expect(region.querySelector('[data-raw-token]')?.getAttribute('data-raw-token')).toBe(TOKEN)
    const email = region.querySelector('[data-claim="email"]') as HTMLElement
    expect(email.textContent).toContain('alice@example.com')
    expect(email.querySelector('[data-source="OIDC Core"]')).not.toBeNull()
    expect(email.querySelector('[data-claim-scope="email"]')).not.toBeNull()
    const exp = region.querySelector('[data-claim="exp"]') as HTMLElement
    expect(exp.textContent).toContain('expires in 4 min')
    const iat = region.querySelector('[data-claim="iat"]') as HTMLElement
    expect(iat.textContent).toContain('issued 2 min ago')
    expect(iat.querySelector('[data-time-warning]')?.textContent).toContain('milliseconds')
    const roles = region.querySelector('[data-claim="realm_access"]') as HTMLElement
    expect(within(roles).getByText('admin')).toBeTruthy()
    expect(
      region.querySelector('[data-claim="realm_access"] [data-source="Keycloak"]'),
    ).not.toBeNull()
    expect(
      region.querySelector('[data-claim="https://example.com/tenant"] [data-source="custom"]'),
    ).not.toBeNull()
  })

  test('Header and Signature tabs', () => {
    const region = renderView(TOKEN)
    fireEvent.click(within(region).getByRole('tab', { name: 'Header' }))
    expect(region.querySelector('[data-header-param="kid"]')?.textContent).toContain('k1')
    expect(region.querySelector('[data-claim]')).toBeNull()
    fireEvent.click(within(region).getByRole('tab', { name: 'Signature' }))
    expect(within(region).getByRole('tabpanel').textContent).toContain('RSA (PKCS#1 v1.5)')
    expect(within(region).getByRole('tabpanel').textContent).toContain('not checked here')
  })

  test('the signature tab shows the signature check', () => {
    render(
      <DecodedTokenView
        title="ID token"
        token={decodeJwt(TOKEN)}
        checks={[{ id: 'signature', status: 'pass', message: 'verified with key k1 (RS256)' }]}
        now={NOW}
        defaultTab="signature"
      />,
    )
    const panel = screen.getByRole('tabpanel')
    expect(panel.querySelector('[data-signature-status="pass"]')?.textContent).toContain(
      'verified with key k1',
    )
    expect(document.querySelector('[data-check="signature"][data-status="pass"]')).not.toBeNull()
  })

  test('a broken token: problems listed and the bad character marked', () => {
    const region = renderView('abc.%%%.def')
    expect(
      region.querySelector('[data-problem="bad_base64url"][data-part="payload"]'),
    ).not.toBeNull()
    expect(region.querySelector('[data-part="payload"] mark')?.textContent).toBe('%')
    expect(region.querySelector('[data-claim]')).toBeNull()
  })

  test('an opaque token is explained', () => {
    const region = renderView('8f14e45f-ceea-467f-a2b3-1c2d3e4f5a6b')
    expect(region.querySelector('[data-opaque-token]')?.textContent).toContain(
      'only the provider can read it',
    )
    expect(region.textContent).toContain('introspection')
  })

  test('pinned claims: above the tabs as data-pinned-claim, the regular rows unchanged', () => {
    const raw = unsignedToken(
      { alg: 'RS256' },
      { scope: 'api:read', aud: 'account', azp: 'cli', exp: NOW + 240, sub: 'x' },
    )
    render(
      <DecodedTokenView
        title="Access token"
        token={decodeJwt(raw)}
        now={NOW}
        pinnedClaims={['scope', 'scp', 'aud', 'azp', 'exp']}
      />,
    )
    const region = screen.getByRole('region', { name: 'Access token' })
    const pinned = [...region.querySelectorAll('[data-pinned-claim]')]
    expect(pinned.map((el) => el.getAttribute('data-pinned-claim'))).toEqual([
      'scope',
      'aud',
      'azp',
      'exp',
    ])
    expect(region.querySelector('[data-pinned-claim="exp"]')?.textContent).toContain(
      'expires in 4 min',
    )
    expect(region.querySelectorAll('[data-claim]')).toHaveLength(5)
    expect(region.querySelector('[data-pinned-claim="scope"]')?.hasAttribute('data-claim')).toBe(
      false,
    )
  })

  test('no pinned claims unless asked', () => {
    const region = renderView(TOKEN)
    expect(region.querySelector('[data-pinned-claim]')).toBeNull()
  })

  test.each([
    '',
    '.',
    '..',
    '....',
    'eyJ',
    'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    'eyJhbGciOiJub25lIn0',
    'eyJhbGciOiJSUzI1NiJ9.bnVsbA.c2ln',
    'eyJhbGciOiJSUzI1NiJ9.W10.c2ln',
    '"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"',
    'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
    '{"access_token":"x"}',
    'a'.repeat(5000),
    '\u0000\u0001.\u202e.x',
    unsignedToken(
      { alg: 'RS256' },
      { exp: 'soon', iat: 1e20, nested: { a: { b: { c: { d: { e: [1] } } } } } },
    ),
    unsignedToken({ alg: 'RSA-OAEP', enc: 'A256GCM' }, {}).replace(/\.[^.]*$/, '.AAAA.AAAA.AAAA'),
  ])('never crashes on %j', (raw) => {
    expect(() => renderView(raw)).not.toThrow()
  })
})
