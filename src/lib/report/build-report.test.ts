import { describe, expect, test } from 'vitest'
import type { HttpExchange } from '@/lib/wire/http-types'
import type { Check } from '@/lib/jwt/checks'
import type { LabRun } from '@/lib/runs/types'
import { withoutRawTokens } from '@/lib/runs/history-settings'
import { diagnosis } from '@/lib/oidc/diagnose/shared'
import { buildHtmlReport } from './render-html'
import { buildMarkdownReport } from './render-markdown'
import { reportInputFromRun, stepsFromExchanges, type ReportInput } from './report-input'

const b64 = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const SIGNATURE = 'c2lnbmF0dXJlLW9mLXRoZS1pZC10b2tlbg'
const idToken = `${b64({ alg: 'RS256', kid: 'k1' })}.${b64({ sub: 'u-1', email: 'alice@example.com', aud: 'oidc-lab-confidential' })}.${SIGNATURE}`
const accessToken = `${b64({ alg: 'RS256' })}.${b64({ scope: 'openid email', sub: 'u-1' })}.YWNjZXNzLXNpZw`
const SECRET = 'oidc-lab-confidential-secret'
const CODE = 'code-4f1b2c'
const ISSUER = 'http://localhost:8080/realms/demo'
const BASE = `${ISSUER}/protocol/openid-connect`

const exchanges: HttpExchange[] = [
  {
    id: 'x-token',
    stepId: 'token',
    startedAt: '2026-01-01T10:00:20.000Z',
    durationMs: 30,
    request: {
      method: 'POST',
      url: `${BASE}/token`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${btoa(`oidc-lab-confidential:${SECRET}`)}`,
      },
      form: [
        ['grant_type', 'authorization_code'],
        ['code', CODE],
        ['client_secret', SECRET],
      ],
      secretFields: ['authorization', 'client_secret'],
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ access_token: accessToken, id_token: idToken, token_type: 'Bearer' }),
    },
  },
  {
    id: 'x-userinfo',
    stepId: 'userinfo',
    startedAt: '2026-01-01T10:00:22.000Z',
    durationMs: 8,
    request: {
      method: 'GET',
      url: `${BASE}/userinfo`,
      headers: { authorization: `Bearer ${accessToken}` },
    },
    response: {
      status: 403,
      statusText: 'Forbidden',
      headers: { 'www-authenticate': 'Bearer error="insufficient_scope"' },
      body: '{"error":"insufficient_scope"}',
    },
  },
]

const check = (id: Check['id'], status: Check['status'], message: string): Check => ({
  id,
  status,
  code: 'ok' as Check['code'],
  message,
  specLink: 'https://openid.net/specs/openid-connect-core-1_0.html',
})

const input: ReportInput = {
  title: 'alice · confidential',
  createdAt: '2026-01-01T10:00:30.000Z',
  setup: {
    issuer: ISSUER,
    clientId: 'oidc-lab-confidential',
    clientType: 'confidential',
    requestedScope: ['email'],
  },
  steps: stepsFromExchanges(exchanges),
  exchanges,
  redirects: [
    {
      id: 'redirect:callback',
      kind: 'callback',
      url: `http://localhost:4173/callback?code=${CODE}&state=st-1`,
      at: '2026-01-01T10:00:10.000Z',
    },
  ],
  tokens: { idToken, accessToken },
  userinfo: { status: 403 },
  checks: { idToken: [check('iss', 'pass', 'issuer matches')], accessToken: [], userinfo: [] },
  diagnoses: [
    {
      step: 'userinfo',
      code: 'insufficient_scope',
      title: 'Userinfo refused the token',
      explanation: 'The access token lacks the openid scope.',
      cause: 'openid was not requested',
      fix: 'Request openid',
      known: ['403 with WWW-Authenticate: Bearer error="insufficient_scope"'],
    },
  ],
  secrets: [SECRET],
}

describe.each([
  ['Markdown', buildMarkdownReport],
  ['HTML', buildHtmlReport],
])('%s report', (_name, build) => {
  const report = build(input, { includeTokens: false })

  test('never contains the client secret, raw tokens, signatures or the code', () => {
    expect(report).not.toContain(SECRET)
    expect(report).not.toContain(btoa(`oidc-lab-confidential:${SECRET}`))
    expect(report).not.toContain(accessToken)
    expect(report).not.toContain(idToken)
    expect(report).not.toContain(SIGNATURE)
    expect(report).not.toContain(CODE)
  })

  test('has the setup, the diagram, each step, the decoded claims, checks and diagnoses', () => {
    expect(report).toContain('oidc-lab-confidential (confidential)')
    expect(report).toMatch(/<svg [^>]*aria-label="Sequence diagram"/)
    expect(report).toContain('data-exchange="x-userinfo"')
    expect(report).toContain('data-exchange="redirect:callback"')
    expect(report).toContain('POST /realms/demo/protocol/openid-connect/token')
    expect(report).toContain('alice@example.com')
    expect(report).toContain('issuer matches')
    expect(report).toContain('insufficient_scope')
    expect(report).toMatch(/www-authenticate: Bearer error=(&quot;|")insufficient_scope/)
  })

  test('with the opt-in, raw tokens and the code are there, the secret still is not', () => {
    const raw = build(input, { includeTokens: true })
    expect(raw).toContain(idToken)
    expect(raw).toContain(CODE)
    expect(raw).not.toContain(SECRET)
    expect(raw).toContain('share with care')
  })
})

describe('HTML report', () => {
  const html = buildHtmlReport(input, { includeTokens: false })
  test('is self-contained: no script, no external resource', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toMatch(/<script|<link|\bsrc=|@import|url\(/i)
    expect(html).not.toMatch(/href="http/i)
    expect(html).toContain('<style>')
  })
  test('escapes what the provider said', () => {
    const hostile = buildHtmlReport(
      { ...input, userinfo: { status: 200, claims: { name: '<img src=x onerror=alert(1)>' } } },
      { includeTokens: false },
    )
    expect(hostile).not.toContain('<img')
    expect(hostile).toContain('&lt;img')
  })
})

describe('reportInputFromRun', () => {
  test('a history run becomes a report with steps from its exchanges', () => {
    const run: LabRun = {
      v: 1,
      id: 'r1',
      label: 'saved run',
      createdAt: input.createdAt,
      issuer: ISSUER,
      clientId: 'oidc-lab',
      clientType: 'public',
      requestedScope: ['openid'],
      tokens: { idToken },
      checks: input.checks,
      exchanges,
    }
    const fromRun = reportInputFromRun(run)
    expect(fromRun.steps.map((s) => [s.id, s.title, s.exchangeIds])).toEqual([
      ['token', 'Token request', ['x-token']],
      ['userinfo', 'Userinfo', ['x-userinfo']],
    ])
    const md = buildMarkdownReport(fromRun, { includeTokens: false })
    expect(md).toContain('# OIDC Lab report: saved run')
    expect(md).toContain('"email": "alice@example.com"')
  })
  test('a history run that kept a diagnosis reports it under its step', () => {
    const run: LabRun = {
      v: 1,
      id: 'r3',
      label: 'refused userinfo',
      createdAt: input.createdAt,
      issuer: ISSUER,
      clientId: 'oidc-lab',
      clientType: 'public',
      requestedScope: ['profile'],
      tokens: {},
      checks: input.checks,
      exchanges,
      diagnoses: [{ stepId: 'userinfo', diagnosis: diagnosis('insufficient_scope') }],
    }
    const fromRun = reportInputFromRun(run)
    expect(fromRun.diagnoses.map((d) => [d.step, d.code])).toEqual([
      ['Userinfo', 'insufficient_scope'],
    ])
    const md = buildMarkdownReport(fromRun, { includeTokens: false })
    expect(md).not.toContain('No diagnosis: no step failed or surprised.')
    expect(md).toContain(diagnosis('insufficient_scope').title)
  })
  test('a run the history kept without raw tokens says so when raw tokens are asked for', () => {
    const run: LabRun = withoutRawTokens({
      v: 1,
      id: 'r2',
      label: 'claims only',
      createdAt: input.createdAt,
      issuer: ISSUER,
      clientId: 'oidc-lab',
      clientType: 'public',
      requestedScope: ['openid'],
      tokens: { idToken, refreshToken: 'rt-raw-value' },
      checks: input.checks,
      exchanges,
    })
    const fromRun = reportInputFromRun(run)
    for (const report of [
      buildHtmlReport(fromRun, { includeTokens: true }),
      buildMarkdownReport(fromRun, { includeTokens: true }),
    ]) {
      expect(report).toContain('Raw tokens not kept: decoded headers and claims only')
      expect(report).toContain('Keep raw tokens in history')
      expect(report).toContain('ID token (jws, signature not kept)')
      expect(report).toContain('alice@example.com')
      expect(report).not.toContain(SIGNATURE)
      expect(report).not.toContain('rt-raw-value')
    }
    // without the opt-in there is nothing to explain
    expect(buildMarkdownReport(fromRun, { includeTokens: false })).not.toContain(
      'Raw tokens not kept',
    )
  })
})
