// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, expect, test, vi } from 'vitest'
import { createTestSigner, type TestSigner } from '@/testing/fixtures/jwt-signing'
import { InspectPanel } from './inspect-panel'

const ISSUER = 'http://localhost:8080/realms/demo'
const JWKS_URI = `${ISSUER}/protocol/openid-connect/certs`
let signer: TestSigner
let rotated: TestSigner

beforeAll(async () => {
  ;[signer, rotated] = await Promise.all([
    createTestSigner('RS256', 'k1'),
    createTestSigner('RS256', 'k2'),
  ])
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const now = () => Math.floor(Date.now() / 1000)
const idToken = (s: TestSigner) =>
  s.sign({
    iss: ISSUER,
    sub: 'alice',
    aud: 'spa',
    azp: 'spa',
    typ: 'ID',
    nonce: 'n',
    exp: now() + 300,
    iat: now(),
  })

function renderPanel(initialToken?: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <InspectPanel initialToken={initialToken} />
    </QueryClientProvider>,
  )
}

const status = (region: HTMLElement, id: string) =>
  region.querySelector(`[data-check="${id}"]`)?.getAttribute('data-status')

test('a lone ID token: checked as an ID token, signature skipped without issuer', async () => {
  renderPanel(await idToken(signer))
  const region = screen.getByRole('region', { name: 'Token' })
  expect(region.querySelector('[data-role-reason]')?.textContent).toContain('typ is "ID"')
  await waitFor(() => expect(status(region, 'signature')).toBe('skip'))
  expect(region.querySelector('[data-check="signature"]')?.textContent).toContain('no Issuer given')
  fireEvent.click(within(region).getByRole('radio', { name: 'Access token' }))
  await waitFor(() => expect(region.querySelector('[data-check="format"]')).not.toBeNull())
  expect(region.querySelector('[data-role-reason]')?.textContent).toMatch(
    /^You chose an access token/,
  )
})

test('a pasted token response: one region per token', async () => {
  renderPanel()
  const response = {
    access_token: 'opaque-at',
    id_token: await idToken(signer),
    refresh_token: 'r',
  }
  fireEvent.change(screen.getByLabelText('Token or token response'), {
    target: { value: JSON.stringify(response) },
  })
  for (const name of ['ID token', 'Access token', 'Refresh token']) {
    expect(await screen.findByRole('region', { name })).toBeTruthy()
  }
  const id = screen.getByRole('region', { name: 'ID token' })
  await waitFor(() => expect(status(id, 'at_hash')).toBe('warn'))
})

test('with an issuer: discovery, JWKS, signature verified; an unknown kid refetches the JWKS once', async () => {
  let jwksCalls = 0
  const fetchMock = vi.fn((input: string) => {
    const url = input
    if (url.endsWith('/.well-known/openid-configuration')) {
      const doc = {
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/auth`,
        token_endpoint: `${ISSUER}/token`,
        jwks_uri: JWKS_URI,
      }
      return Promise.resolve(new Response(JSON.stringify(doc), { status: 200 }))
    }
    jwksCalls++
    const keys = jwksCalls === 1 ? [signer.jwk] : [signer.jwk, rotated.jwk]
    return Promise.resolve(new Response(JSON.stringify({ keys }), { status: 200 }))
  })
  vi.stubGlobal('fetch', fetchMock)
  renderPanel(await idToken(rotated))
  fireEvent.change(screen.getByLabelText('Issuer'), { target: { value: ISSUER } })
  const region = screen.getByRole('region', { name: 'Token' })
  await waitFor(() => expect(status(region, 'signature')).toBe('pass'), { timeout: 4000 })
  expect(jwksCalls).toBe(2)
  expect(status(region, 'iss')).toBe('pass')
})
