import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { buildTokenRequest } from '@/lib/oidc/token-request'
import { createExchangeStore } from './exchange-store'
import { installFetchRecorder, sendRecorded } from './recorded-fetch'
import type { HttpRequestSpec } from '@/lib/wire/http-types'

const spec: HttpRequestSpec = {
  method: 'GET',
  url: 'https://kc/realms/demo/.well-known/openid-configuration',
  headers: { Accept: 'application/json' },
}

type FetchArgs = Parameters<typeof fetch>

function fakeFetch(respond: (...args: FetchArgs) => Response | Promise<Response>) {
  return vi.fn<typeof fetch>(async (...args) => respond(...args))
}

describe('sendRecorded', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-01-01T12:00:00Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('records status, lower-cased headers, body, timing, step', async () => {
    const store = createExchangeStore()
    const fetchImpl = fakeFetch(
      () =>
        new Response('{"issuer":"x"}', {
          status: 200,
          statusText: 'OK',
          headers: { 'Content-Type': 'application/json', 'X-Custom': 'yes' },
        }),
    )
    const exchange = await sendRecorded(spec, { stepId: 'discovery', store, fetchImpl })
    expect(exchange).toMatchObject({
      stepId: 'discovery',
      startedAt: '2026-01-01T12:00:00.000Z',
      request: spec,
      response: {
        status: 200,
        statusText: 'OK',
        headers: { 'content-type': 'application/json', 'x-custom': 'yes' },
        body: '{"issuer":"x"}',
      },
    })
    expect(exchange.networkError).toBeUndefined()
    expect(exchange.durationMs).toBeGreaterThanOrEqual(0)
    expect(exchange.id).toMatch(/\S{16,}/)
    expect(store.getSnapshot()).toEqual([exchange])
  })

  test('sends the form body encoded, with cors/omit/no-store/follow', async () => {
    const fetchImpl = fakeFetch(() => new Response('{}'))
    const token = buildTokenRequest({
      tokenEndpoint: 'https://kc/token',
      code: 'c',
      redirectUri: 'http://localhost:5173/callback',
      clientId: 'spa',
      codeVerifier: 'v',
      auth: { method: 'none' },
    })
    await sendRecorded(token, { store: null, fetchImpl })
    const [url, init] = fetchImpl.mock.calls[0] ?? []
    expect(url).toBe('https://kc/token')
    expect(init).toMatchObject({
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      body: 'grant_type=authorization_code&code=c&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fcallback&client_id=spa&code_verifier=v',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    })
  })

  test.each([
    {
      name: 'CORS / network',
      error: new TypeError('Failed to fetch'),
      networkError: 'TypeError: Failed to fetch',
    },
    {
      name: 'Firefox wording',
      error: new TypeError('NetworkError when attempting to fetch resource.'),
      networkError: 'TypeError: NetworkError when attempting to fetch resource.',
    },
    { name: 'non-Error rejection', error: 'weird', networkError: 'weird' },
  ])('never throws: $name', async ({ error, networkError }) => {
    const store = createExchangeStore()
    // browsers may reject with anything; the recorder must cope
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const fetchImpl = fakeFetch(() => Promise.reject(error))
    const exchange = await sendRecorded(spec, { store, fetchImpl })
    expect(exchange.response).toBeUndefined()
    expect(exchange.networkError).toBe(networkError)
    expect(store.getSnapshot()).toHaveLength(1)
  })

  test('times out with a TimeoutError', async () => {
    vi.useRealTimers()
    const fetchImpl = vi.fn<typeof fetch>(
      (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          )
        }),
    )
    const exchange = await sendRecorded(spec, { store: null, fetchImpl, timeoutMs: 10 })
    expect(exchange.networkError).toBe('TimeoutError: no response within 10 ms')
  })

  test('an external abort is recorded, not thrown', async () => {
    const controller = new AbortController()
    controller.abort(new DOMException('user cancelled', 'AbortError'))
    const fetchImpl = vi.fn<typeof fetch>((_input, init) =>
      init?.signal?.aborted
        ? Promise.reject(init.signal.reason as DOMException)
        : Promise.resolve(new Response('')),
    )
    const exchange = await sendRecorded(spec, { store: null, fetchImpl, signal: controller.signal })
    expect(exchange.networkError).toBe('AbortError: user cancelled')
  })

  test('records redirects and the final URL', async () => {
    const fetchImpl = fakeFetch(() => {
      const res = new Response('{}', { status: 200 })
      Object.defineProperty(res, 'redirected', { value: true })
      Object.defineProperty(res, 'url', {
        value: 'https://kc/realms/demo/.well-known/openid-configuration/',
      })
      return res
    })
    const exchange = await sendRecorded(spec, { store: null, fetchImpl })
    expect(exchange.response).toMatchObject({
      redirected: true,
      url: 'https://kc/realms/demo/.well-known/openid-configuration/',
    })
  })

  test('error statuses are responses, not network errors', async () => {
    const fetchImpl = fakeFetch(
      () =>
        new Response('', {
          status: 403,
          statusText: 'Forbidden',
          headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' },
        }),
    )
    const exchange = await sendRecorded(spec, { store: null, fetchImpl })
    expect(exchange.networkError).toBeUndefined()
    expect(exchange.response).toMatchObject({
      status: 403,
      statusText: 'Forbidden',
      headers: { 'www-authenticate': 'Bearer error="insufficient_scope"' },
      body: '',
    })
  })
})

describe('installFetchRecorder', () => {
  let realFetch: typeof fetch
  let uninstall: (() => void) | undefined

  beforeEach(() => {
    realFetch = globalThis.fetch
  })
  afterEach(() => {
    uninstall?.()
    uninstall = undefined
    globalThis.fetch = realFetch
  })

  test('records library requests once, as stepId library, with form and secrets detected', async () => {
    const store = createExchangeStore()
    const underlying = fakeFetch(
      () =>
        new Response('{"access_token":"a"}', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    )
    globalThis.fetch = underlying
    uninstall = installFetchRecorder(store)
    expect(installFetchRecorder(store)).toBe(uninstall)

    const res = await globalThis.fetch('https://kc/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic eDp5' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'c' }),
    })
    await expect(res.json()).resolves.toEqual({ access_token: 'a' })
    expect(underlying).toHaveBeenCalledTimes(1)
    expect(store.getSnapshot()).toHaveLength(1)
    expect(store.getSnapshot()[0]).toMatchObject({
      stepId: 'library',
      request: {
        method: 'POST',
        url: 'https://kc/token',
        form: [
          ['grant_type', 'authorization_code'],
          ['code', 'c'],
        ],
        secretFields: ['authorization'],
      },
      response: { status: 200, body: '{"access_token":"a"}' },
    })
  })

  test('does not double-record sendRecorded, even when given the wrapped fetch', async () => {
    const store = createExchangeStore()
    globalThis.fetch = fakeFetch(() => new Response('{}'))
    uninstall = installFetchRecorder(store)
    await sendRecorded(spec, { store })
    await sendRecorded(spec, { store, fetchImpl: globalThis.fetch })
    expect(store.getSnapshot()).toHaveLength(2)
    expect(store.getSnapshot().every((x) => x.stepId === undefined)).toBe(true)
  })

  test('records and rethrows network errors', async () => {
    const store = createExchangeStore()
    globalThis.fetch = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    uninstall = installFetchRecorder(store, { stepId: 'library:userinfo' })
    await expect(
      globalThis.fetch(
        new Request('https://kc/userinfo', { headers: { Authorization: 'Bearer t' } }),
      ),
    ).rejects.toThrow('Failed to fetch')
    expect(store.getSnapshot()[0]).toMatchObject({
      stepId: 'library:userinfo',
      request: {
        method: 'GET',
        url: 'https://kc/userinfo',
        headers: { authorization: 'Bearer t' },
      },
      networkError: 'TypeError: Failed to fetch',
    })
  })

  test('uninstall restores the original fetch; other methods pass through unrecorded', async () => {
    const store = createExchangeStore()
    const underlying = fakeFetch(() => new Response(''))
    globalThis.fetch = underlying
    uninstall = installFetchRecorder(store)
    await globalThis.fetch('https://kc/x', { method: 'DELETE' })
    expect(store.getSnapshot()).toHaveLength(0)
    uninstall()
    expect(globalThis.fetch).toBe(underlying)
  })
})
