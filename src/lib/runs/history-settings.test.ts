import { describe, expect, test } from 'vitest'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import {
  HISTORY_SETTINGS_KEY,
  loadHistorySettings,
  saveHistorySettings,
  withoutRawTokens,
} from './history-settings'

const b64 = (value: unknown) =>
  btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '')
const jwt = (claims: object) => `${b64({ alg: 'RS256', kid: 'k' })}.${b64(claims)}.c2lnbmF0dXJl`

class MemoryStorage {
  items = new Map<string, string>()
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}

describe('history settings', () => {
  test('raw tokens are off by default, and the choice is remembered', () => {
    const storage = new MemoryStorage() as unknown as Storage
    expect(loadHistorySettings(storage)).toEqual({ keepRawTokens: false })
    saveHistorySettings(storage, { keepRawTokens: true })
    expect(loadHistorySettings(storage)).toEqual({ keepRawTokens: true })
  })

  test.each(['not json', 'null', '{"keepRawTokens":"yes"}'])('%s reads as off', (text) => {
    const storage = new MemoryStorage()
    storage.setItem(HISTORY_SETTINGS_KEY, text)
    expect(loadHistorySettings(storage as unknown as Storage)).toEqual({ keepRawTokens: false })
  })
})

describe('withoutRawTokens', () => {
  const idToken = jwt({ sub: 'alice', email: 'a@example.com' })
  const accessToken = jwt({ sub: 'alice', scope: 'openid' })
  const run = {
    tokens: { idToken, accessToken, refreshToken: jwt({ typ: 'Offline' }) },
    exchanges: [
      {
        id: 'x-1',
        startedAt: 't',
        durationMs: 1,
        request: {
          method: 'GET' as const,
          url: 'http://idp/userinfo',
          headers: { Authorization: `Bearer ${accessToken}` },
        },
        response: {
          status: 200,
          statusText: 'OK',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            access_token: accessToken,
            refresh_token: 'rt',
            id_token: idToken,
          }),
        },
      },
    ],
  }

  test('keeps the decoded header and claims, drops signatures and the refresh token', () => {
    const kept = withoutRawTokens(run)
    expect(kept.tokens.refreshToken).toBeUndefined()
    expect(kept.tokens.idToken?.endsWith('.')).toBe(true)
    expect(decodeJwt(kept.tokens.idToken ?? '').payload).toEqual({
      sub: 'alice',
      email: 'a@example.com',
    })
    expect(decodeJwt(kept.tokens.accessToken ?? '').header).toEqual({ alg: 'RS256', kid: 'k' })
  })

  test('no raw token is left anywhere in the saved run', () => {
    const text = JSON.stringify(withoutRawTokens(run))
    for (const raw of [idToken, accessToken, run.tokens.refreshToken, 'c2lnbmF0dXJl', '"rt"'])
      expect(text).not.toContain(raw)
  })

  test('an opaque access token is not kept', () => {
    expect(withoutRawTokens({ ...run, tokens: { accessToken: 'opaque-123' } }).tokens).toEqual({})
  })

  test('says what it took out, and a second pass changes nothing more', () => {
    const once = withoutRawTokens(run)
    expect(once.withheld).toEqual({ dropped: ['refreshToken'] })
    expect(withoutRawTokens(once)).toEqual(once)
    const opaque = withoutRawTokens({ ...run, tokens: { idToken, accessToken: 'opaque-123' } })
    expect(opaque.withheld).toEqual({ dropped: ['accessToken'] })
    expect(withoutRawTokens(opaque).withheld).toEqual({ dropped: ['accessToken'] })
  })
})
