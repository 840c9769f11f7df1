import { describe, expect, test } from 'vitest'
import { buildTokenRequest } from '@/lib/oidc/token-request'
import { MASK } from '@/lib/wire/mask'
import { toHar } from './har'
import type { HttpExchange } from '@/lib/wire/http-types'

const request = buildTokenRequest({
  tokenEndpoint: 'https://kc/token?tenant=t1',
  code: 'c',
  redirectUri: 'http://localhost:5173/callback',
  clientId: 'webapp',
  auth: { method: 'client_secret_post', clientSecret: 's3cret' },
})

const ok: HttpExchange = {
  id: 'a',
  stepId: 'token',
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 42.5,
  request,
  response: {
    status: 200,
    statusText: 'OK',
    headers: { 'content-type': 'application/json' },
    body: '{"access_token":"tok","token_type":"Bearer"}',
  },
}
const failed: HttpExchange = {
  id: 'b',
  startedAt: '2026-01-01T00:00:01.000Z',
  durationMs: 3,
  request: {
    method: 'GET',
    url: 'https://kc/userinfo',
    headers: { Authorization: 'Bearer tok' },
    secretFields: ['Authorization'],
  },
  networkError: 'TypeError: Failed to fetch',
}

describe('toHar', () => {
  test('HAR 1.2 document with creator OIDC Lab', () => {
    const har = toHar([ok, failed])
    expect(har.log.version).toBe('1.2')
    expect(har.log.creator).toEqual({ name: 'OIDC Lab', version: '0.1.0' })
    expect(har.log.entries).toHaveLength(2)
  })

  test('entry with form body, query string, timings and custom fields', () => {
    const entry = toHar([ok]).log.entries[0]
    expect(entry).toMatchObject({
      startedDateTime: '2026-01-01T00:00:00.000Z',
      time: 42.5,
      _stepId: 'token',
      _exchangeId: 'a',
      timings: { send: 0, wait: 42.5, receive: 0 },
      request: {
        method: 'POST',
        url: 'https://kc/token?tenant=t1',
        queryString: [{ name: 'tenant', value: 't1' }],
        postData: { mimeType: 'application/x-www-form-urlencoded' },
        headersSize: -1,
      },
      response: {
        status: 200,
        content: {
          mimeType: 'application/json',
          text: '{"access_token":"tok","token_type":"Bearer"}',
          size: 44,
        },
      },
    })
    expect(entry?.request.postData?.params).toContainEqual({ name: 'client_secret', value: MASK })
    expect(entry?.request.postData?.text).toContain(`client_secret=${encodeURIComponent(MASK)}`)
  })

  test.each([
    { redact: undefined, secret: false, token: true },
    { redact: { tokens: true }, secret: false, token: false },
    { redact: false as const, secret: true, token: true },
  ])('redaction $redact', ({ redact, secret, token }) => {
    const text = JSON.stringify(
      toHar([ok, failed], { ...(redact !== undefined ? { redact } : {}) }),
    )
    expect(text.includes('s3cret')).toBe(secret)
    expect(text.includes('tok"') || text.includes('Bearer tok')).toBe(token)
  })

  test('no response: status 0 and _error', () => {
    expect(toHar([failed]).log.entries[0]?.response).toMatchObject({
      status: 0,
      statusText: '',
      headers: [],
      content: { size: 0, mimeType: 'x-unknown', text: '' },
      _error: 'TypeError: Failed to fetch',
    })
  })
})
