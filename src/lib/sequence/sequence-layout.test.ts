import { describe, expect, test } from 'vitest'
import type { HttpExchange } from '@/lib/wire/http-types'
import {
  endpointsOf,
  fitLabel,
  layoutSequence,
  redirectsOfFlow,
  type SequenceRedirect,
} from './sequence-layout'
import { describeSequence, escapeXml, renderSequenceSvg } from './sequence-svg'

const ISSUER = 'http://localhost:8080/realms/demo'
const BASE = `${ISSUER}/protocol/openid-connect`
const doc = {
  issuer: ISSUER,
  authorization_endpoint: `${BASE}/auth`,
  token_endpoint: `${BASE}/token`,
  userinfo_endpoint: `${BASE}/userinfo`,
  jwks_uri: `${BASE}/certs`,
  end_session_endpoint: `${BASE}/logout`,
  scopes_supported: ['openid'],
}

function exchange(
  id: string,
  method: 'GET' | 'POST',
  url: string,
  startedAt: string,
  status?: number,
  stepId?: string,
): HttpExchange {
  return {
    id,
    ...(stepId ? { stepId } : {}),
    startedAt,
    durationMs: 5,
    request: { method, url, headers: {} },
    ...(status === undefined
      ? { networkError: 'TypeError: Failed to fetch' }
      : { response: { status, statusText: '', headers: {}, body: '' } }),
  }
}

const run = [
  exchange('d1', 'GET', `${ISSUER}/.well-known/openid-configuration`, '2026-01-01T10:00:00Z', 200),
  exchange('t1', 'POST', `${BASE}/token`, '2026-01-01T10:00:20Z', 200, 'token'),
  exchange('j1', 'GET', `${BASE}/certs`, '2026-01-01T10:00:21Z', 200, 'jwks'),
  exchange('u1', 'GET', `${BASE}/userinfo`, '2026-01-01T10:00:22Z', 403, 'userinfo'),
]
const redirects: SequenceRedirect[] = redirectsOfFlow({
  request: { url: `${BASE}/auth?client_id=x&state=s`, startedAt: '2026-01-01T10:00:05Z' },
  callback: {
    url: 'http://localhost:4173/callback?code=abc&state=s',
    receivedAt: '2026-01-01T10:00:10Z',
  },
})

describe('layoutSequence', () => {
  const layout = layoutSequence({ exchanges: run, redirects, endpoints: endpointsOf(doc, ISSUER) })

  test('one arrow per exchange and redirect, exchanges in the log order, redirects by time', () => {
    expect(layout.arrows.map((a) => a.id)).toEqual([
      'd1',
      'redirect:authorize',
      'redirect:callback',
      't1',
      'j1',
      'u1',
    ])
    expect(layout.arrows.map((a) => a.index)).toEqual([1, 2, 3, 4, 5, 6])
    const ys = layout.arrows.map((a) => a.y)
    expect([...ys].sort((a, b) => a - b)).toEqual(ys)
  })

  test('lanes: browser, app, then the endpoints named from discovery in order of first use', () => {
    expect(layout.lanes.map((l) => l.key)).toEqual([
      'browser',
      'app',
      'discovery',
      'authorization',
      'token',
      'jwks',
      'userinfo',
    ])
    expect(layout.lanes.map((l) => l.label)).toContain('Userinfo')
    expect(layout.lanes.filter((l) => l.group === 'provider')).toHaveLength(5)
  })

  test('arrows go from the app to the endpoint; the redirects through the browser', () => {
    const byId = new Map(layout.arrows.map((a) => [a.id, a]))
    expect(byId.get('t1')).toMatchObject({ from: 'app', to: 'token', method: 'POST' })
    expect(byId.get('redirect:authorize')).toMatchObject({ from: 'browser', to: 'authorization' })
    expect(byId.get('redirect:callback')).toMatchObject({
      from: 'authorization',
      to: 'app',
      path: '/callback',
      outcome: 'redirect · code, state',
    })
  })

  test('labels carry method, path and status; a refusal is marked failed with ✕', () => {
    const userinfo = layout.arrows.find((a) => a.id === 'u1')
    expect(userinfo).toMatchObject({ failed: true, outcome: '✕ 403 Forbidden' })
    expect(userinfo?.title).toContain('GET /realms/demo/protocol/openid-connect/userinfo')
    expect(layout.arrows.find((a) => a.id === 't1')).toMatchObject({
      failed: false,
      outcome: '200 OK',
    })
  })

  test('without a discovery document lanes come from the step id, then the path', () => {
    const plain = layoutSequence({
      exchanges: [
        exchange(
          'a',
          'POST',
          'https://idp.example/oauth/token',
          '2026-01-01T10:00:00Z',
          400,
          'token',
        ),
        exchange('b', 'GET', 'https://idp.example/me', '2026-01-01T10:00:01Z'),
      ],
    })
    expect(plain.lanes.map((l) => l.key)).toEqual(['browser', 'app', 'token', 'me'])
    expect(plain.arrows[1]).toMatchObject({ failed: true, outcome: '✕ network error' })
  })

  test('a callback with an error is a failed redirect', () => {
    const failed = layoutSequence({
      exchanges: [],
      redirects: redirectsOfFlow({
        callback: { url: 'http://app/callback?error=access_denied&state=s', receivedAt: 'x' },
      }),
    })
    expect(failed.arrows[0]).toMatchObject({ failed: true, outcome: '✕ error=access_denied' })
  })

  test('the logout and its return are redirects to and from the end-session endpoint', () => {
    const out = layoutSequence({
      exchanges: [],
      endpoints: endpointsOf(doc),
      redirects: redirectsOfFlow({
        logout: {
          url: `${BASE}/logout?state=l`,
          startedAt: '2026-01-01T10:01:00Z',
          returnUrl: 'http://app/?state=l',
          returnedAt: '2026-01-01T10:01:02Z',
        },
      }),
    })
    expect(out.arrows.map((a) => [a.id, a.from, a.to])).toEqual([
      ['redirect:logout', 'browser', 'end_session'],
      ['redirect:logout-return', 'end_session', 'app'],
    ])
  })
})

describe('fitLabel', () => {
  test('keeps short labels and shortens long ones to the limit, keeping the end', () => {
    expect(fitLabel('GET /token', 20)).toBe('GET /token')
    const fitted = fitLabel('POST /realms/demo/protocol/openid-connect/token', 20)
    expect(fitted).toHaveLength(20)
    expect(fitted.endsWith('/token')).toBe(true)
    expect(fitted).toContain('…')
  })
})

describe('renderSequenceSvg', () => {
  const layout = layoutSequence({ exchanges: run, redirects, endpoints: endpointsOf(doc, ISSUER) })
  const svg = renderSequenceSvg(layout)

  test('one data-exchange group per arrow, in order, with an accessible name', () => {
    const ids = [...svg.matchAll(/data-exchange="([^"]+)"/g)].map((m) => m[1])
    expect(ids).toEqual(layout.arrows.map((a) => a.id))
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Sequence diagram"/)
    expect(svg).not.toMatch(/<script|href=/i)
  })

  test('the failed arrow is dashed and says ✕ 403, the others are solid', () => {
    const groups = svg.split('<g data-exchange=').slice(1)
    const failed = groups.filter((g) => g.includes('stroke-dasharray'))
    expect(failed).toHaveLength(1)
    expect(failed[0]).toContain('✕ 403 Forbidden')
    expect(failed[0]).toContain('data-failed="true"')
  })

  test('text is escaped and the description lists every arrow', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;')
    expect(describeSequence(layout).split('\n')).toHaveLength(layout.arrows.length)
    const hostile = renderSequenceSvg(
      layoutSequence({
        exchanges: [exchange('<x>', 'GET', 'https://idp/<script>', '2026-01-01T00:00:00Z', 200)],
      }),
    )
    expect(hostile).not.toContain('<script>')
    expect(hostile).not.toContain('"<x>"')
  })
})
