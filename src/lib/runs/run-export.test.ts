import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, test } from 'vitest'
import { testRun } from '@/testing/fixtures/run-fixtures'
import type { HttpExchange } from '@/lib/wire/http-types'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { compareRuns } from '@/lib/runs/run-views'
import { createRunStore } from './run-store'
import { buildRunExport, importRuns, parseRunExport, stripSignature } from './run-export'
import type { LabRun } from './types'

const SECRET = 'oidc-lab-secret'
const REFRESH = 'opaque-refresh-token-value'

function confidentialRun(): LabRun {
  const base = testRun({ id: 'run-conf', scope: ['openid', 'email'] })
  const tokenExchange: HttpExchange = {
    id: 'x1',
    stepId: 'token',
    startedAt: base.createdAt,
    durationMs: 12,
    request: {
      method: 'POST',
      url: 'http://localhost:8080/realms/demo/protocol/openid-connect/token',
      headers: {
        authorization: `Basic ${btoa(`oidc-lab-confidential:${SECRET}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      form: [
        ['grant_type', 'authorization_code'],
        ['code', 'the-code'],
        ['client_secret', SECRET],
      ],
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        access_token: base.tokens.accessToken,
        refresh_token: REFRESH,
        id_token: base.tokens.idToken,
      }),
    },
  }
  return {
    ...base,
    clientType: 'confidential',
    clientId: 'oidc-lab-confidential',
    tokens: { ...base.tokens, refreshToken: REFRESH },
    exchanges: [tokenExchange],
  }
}

describe('buildRunExport', () => {
  test('by default: no secret, no signature, no raw token, no code; claims still decodable', () => {
    const run = confidentialRun()
    const exported = buildRunExport([run], { keepTokens: false, now: new Date(0) })
    const text = JSON.stringify(exported)
    expect(exported).toMatchObject({
      format: 'oidc-lab-runs',
      version: 1,
      tokens: 'signatures-removed',
    })
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(btoa(`oidc-lab-confidential:${SECRET}`))
    expect(text).not.toContain(REFRESH)
    expect(text).not.toContain('the-code')
    expect(text).not.toContain(run.tokens.idToken)
    const [out] = exported.runs
    expect(out?.tokens.refreshToken).toBeUndefined()
    expect(out?.tokens.idToken?.endsWith('.')).toBe(true)
    expect(decodeJwt(out?.tokens.idToken ?? '').payload).toEqual(
      decodeJwt(run.tokens.idToken ?? '').payload,
    )
  })

  test('keepTokens keeps raw tokens, never the client secret', () => {
    const run = confidentialRun()
    const text = JSON.stringify(buildRunExport([run], { keepTokens: true }))
    expect(text).toContain(REFRESH)
    expect(text).toContain(run.tokens.idToken)
    expect(text).not.toContain(SECRET)
  })

  test('stripSignature', () => {
    expect(stripSignature('a.b.c')).toBe('a.b.')
    expect(stripSignature('opaque')).toBeUndefined()
    expect(stripSignature('a.b.c.d.e')).toBeUndefined()
    expect(stripSignature(undefined)).toBeUndefined()
  })
})

describe('parseRunExport', () => {
  test('round trip: the comparison of two runs is the same after export and import', () => {
    const a = testRun({ id: 'a', scope: ['openid', 'profile'] })
    const b = testRun({ id: 'b', scope: ['openid', 'profile', 'email'], seed: 1 })
    const parsed = parseRunExport(JSON.stringify(buildRunExport([a, b], { keepTokens: false })))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const [a2, b2] = parsed.runs
    expect(a2 && b2 && compareRuns(a2, b2)).toEqual(compareRuns(a, b))
  })

  test.each([
    ['not JSON', '{oops', /not JSON/],
    ['a HAR', JSON.stringify({ log: { version: '1.2', entries: [] } }), /HAR file.*Import HAR/],
    ['a single run', JSON.stringify(testRun()), /single run/],
    ['another JSON', JSON.stringify({ hello: 1 }), /no "format": "oidc-lab-runs"/],
    ['an array', '[]', /not an OIDC Lab runs export/],
    [
      'another version',
      JSON.stringify({ format: 'oidc-lab-runs', version: 2, runs: [] }),
      /version 2; this lab reads version 1/,
    ],
    [
      'runs not an array',
      JSON.stringify({ format: 'oidc-lab-runs', version: 1, runs: {} }),
      /not a readable runs export \(runs:/,
    ],
  ])('%s gets a specific message', (_name, text, message) => {
    const parsed = parseRunExport(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toMatch(message)
  })

  test('unreadable runs are listed, the others kept', () => {
    const good = testRun({ id: 'good' })
    const text = JSON.stringify({
      format: 'oidc-lab-runs',
      version: 1,
      runs: [good, { ...good, id: 'bad', tokens: { idToken: 42 } }, 'junk'],
    })
    const parsed = parseRunExport(text)
    expect(parsed.ok && parsed.runs.map((r) => r.id)).toEqual(['good'])
    expect(parsed.ok && parsed.rejected).toEqual([
      { position: 2, id: 'bad', reason: expect.stringMatching(/tokens\.idToken/) as unknown },
      { position: 3, reason: expect.stringMatching(/not an object/) as unknown },
    ])
  })
})

describe('importRuns', () => {
  test('adds new runs marked as imported, skips and counts the ones already here', async () => {
    const store = createRunStore({ indexedDB: new IDBFactory() })
    await store.save(testRun({ id: 'a' }))
    const runs = [testRun({ id: 'a' }), testRun({ id: 'b' }), testRun({ id: 'b' })]
    const summary = await importRuns(store, runs, { file: 'x.json', at: '2026-01-01T00:00:00Z' })
    expect(summary.added.map((r) => r.id)).toEqual(['b'])
    expect(summary.duplicates).toBe(2)
    expect((await store.get('b'))?.imported).toEqual({
      from: 'export',
      file: 'x.json',
      at: '2026-01-01T00:00:00Z',
    })
    expect((await store.get('a'))?.imported).toBeUndefined()
    const again = await importRuns(store, runs, { at: '2026-01-01T00:00:00Z' })
    expect(again).toEqual({ added: [], duplicates: 3 })
  })
})
