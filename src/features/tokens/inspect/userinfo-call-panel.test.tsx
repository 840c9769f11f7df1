// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { unsignedToken } from '@/testing/fixtures/jwt-signing'
import { InspectPanel } from './inspect-panel'

const ISSUER = 'http://localhost:8080/realms/demo'
const USERINFO = `${ISSUER}/protocol/openid-connect/userinfo`
const now = () => Math.floor(Date.now() / 1000)

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A Keycloak client credentials access token, as the demo realm issues it. */
const serviceAccountToken = (scope: string) =>
  unsignedToken(
    { alg: 'RS256', typ: 'JWT', kid: 'k1' },
    {
      typ: 'Bearer',
      iss: ISSUER,
      sub: 'e9f8a7b6',
      aud: 'account',
      azp: 'oidc-lab-confidential',
      client_id: 'oidc-lab-confidential',
      preferred_username: 'service-account-oidc-lab-confidential',
      clientHost: '127.0.0.1',
      clientAddress: '127.0.0.1',
      scope,
      exp: now() + 300,
      iat: now(),
    },
  )

function stubProvider(userinfo: () => Response) {
  const calls: { url: string; authorization?: string }[] = []
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>
    calls.push({ url, authorization: headers.Authorization })
    if (url.endsWith('/.well-known/openid-configuration')) {
      const doc = {
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/auth`,
        token_endpoint: `${ISSUER}/token`,
        jwks_uri: `${ISSUER}/certs`,
        userinfo_endpoint: USERINFO,
      }
      return Promise.resolve(new Response(JSON.stringify(doc), { status: 200 }))
    }
    if (url === USERINFO) return Promise.resolve(userinfo())
    return Promise.resolve(new Response('{"keys":[]}', { status: 200 }))
  })
  vi.stubGlobal('fetch', fetchMock)
  return calls
}

function renderPanel(token: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <InspectPanel initialToken={token} />
    </QueryClientProvider>,
  )
  return screen.getByRole('region', { name: 'Token' })
}

const status = (region: HTMLElement, id: string) =>
  region.querySelector(`[data-check="${id}"]`)?.getAttribute('data-status')

test('a token without openid: userinfo_scope fails, and the 403 is diagnosed as insufficient_scope', async () => {
  const token = serviceAccountToken('profile email api:read')
  const calls = stubProvider(
    () =>
      new Response('{"error":"insufficient_scope","error_description":"Missing openid scope"}', {
        status: 403,
        headers: {
          'content-type': 'application/json',
          'www-authenticate': 'Bearer realm="demo", error="insufficient_scope"',
        },
      }),
  )
  const region = renderPanel(token)
  await waitFor(() => expect(status(region, 'userinfo_scope')).toBe('fail'))
  expect(status(region, 'exp')).toBe('pass')
  expect(calls).toEqual([])

  fireEvent.click(screen.getByRole('button', { name: 'Call userinfo with this token' }))
  const alert = await screen.findByRole('alert')
  expect(alert.getAttribute('data-diagnosis')).toBe('insufficient_scope')
  expect(alert.textContent).toContain('Request a new token with openid in its scope')
  expect(document.querySelector('[data-status-code="403"]')).not.toBeNull()
  expect(screen.queryByRole('region', { name: 'Userinfo response' })).toBeNull()
  expect(calls.map((c) => c.url)).toEqual([`${ISSUER}/.well-known/openid-configuration`, USERINFO])
  expect(calls[1]?.authorization).toBe(`Bearer ${token}`)
})

test('a provider that answers anyway: the claims, and the fact said about this provider', async () => {
  stubProvider(() => new Response(JSON.stringify({ sub: 'e9f8a7b6' }), { status: 200 }))
  renderPanel(serviceAccountToken('api:read'))
  fireEvent.click(screen.getByRole('button', { name: 'Call userinfo with this token' }))
  const userinfo = await screen.findByRole('region', { name: 'Userinfo response' })
  expect(userinfo.querySelector('[data-claim="sub"]')?.textContent).toContain('e9f8a7b6')
  expect(document.querySelector('[data-accepted-without-openid]')?.textContent).toBe(
    'This provider accepted the token although its scope lacks openid; Keycloak refuses such a token with 403 insufficient_scope.',
  )
  expect(screen.queryByRole('alert')).toBeNull()
})

test('with the Issuer given, the userinfo request is shown before sending', async () => {
  const calls = stubProvider(() => new Response('{"sub":"x"}', { status: 200 }))
  renderPanel(serviceAccountToken('openid api:read'))
  fireEvent.change(screen.getByLabelText('Issuer'), { target: { value: ISSUER } })
  const request = await screen.findByLabelText('Userinfo request', {}, { timeout: 4000 })
  expect(request.textContent).toContain('GET /realms/demo/protocol/openid-connect/userinfo')
  expect(calls.some((c) => c.url === USERINFO)).toBe(false)
  fireEvent.click(screen.getByRole('button', { name: 'Call userinfo with this token' }))
  await screen.findByRole('region', { name: 'Userinfo response' })
  expect(document.querySelector('[data-accepted-without-openid]')).toBeNull()
})

test('the access token view: decisive claims pinned, the service account explained', () => {
  stubProvider(() => new Response('{}'))
  const region = renderPanel(serviceAccountToken('api:read'))
  const pinned = [...region.querySelectorAll('[data-pinned-claim]')].map((el) =>
    el.getAttribute('data-pinned-claim'),
  )
  expect(pinned).toEqual(['scope', 'aud', 'azp', 'exp'])
  expect(region.querySelectorAll('[data-claim="scope"]')).toHaveLength(1)
  const panel = region.querySelector('[data-service-account]') as HTMLElement
  expect(within(panel).getByText(/no user/)).toBeTruthy()
  expect(panel.querySelectorAll('[data-service-account-evidence]').length).toBeGreaterThan(1)
  expect(panel.textContent).toContain('service-account-oidc-lab-confidential')
})

test('an ID token gets neither the userinfo button nor pinned claims', async () => {
  stubProvider(() => new Response('{}'))
  const region = renderPanel(
    unsignedToken({ alg: 'RS256' }, { iss: ISSUER, typ: 'ID', aud: 'spa', sub: 'a', exp: now() }),
  )
  await waitFor(() => expect(status(region, 'iss')).toBe('skip'))
  expect(screen.queryByRole('button', { name: 'Call userinfo with this token' })).toBeNull()
  expect(region.querySelector('[data-pinned-claim]')).toBeNull()
  expect(status(region, 'userinfo_scope')).toBeUndefined()
})
