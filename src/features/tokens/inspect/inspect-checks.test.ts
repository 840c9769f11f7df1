import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { calculateTokenHash } from '@/lib/jwt/token-hash'
import { createTestSigner, type TestSigner } from '@/testing/fixtures/jwt-signing'
import { runInspectChecks, type InspectCheck, type InspectContext } from './inspect-checks'

const NOW = 1_795_412_400
const ISSUER = 'http://localhost:8080/realms/demo'
const ACCESS_TOKEN = 'opaque-access-token'
let signer: TestSigner

beforeAll(async () => {
  signer = await createTestSigner('RS256', 'kid-1')
})
beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW * 1000)
})
afterEach(() => vi.useRealTimers())

async function idToken(extra: Record<string, unknown> = {}) {
  const at_hash = await calculateTokenHash(ACCESS_TOKEN, 'RS256')
  return decodeJwt(
    await signer.sign({
      iss: ISSUER,
      sub: 'alice',
      aud: 'spa',
      azp: 'spa',
      exp: NOW + 300,
      iat: NOW - 10,
      nonce: 'n-1',
      typ: 'ID',
      at_hash,
      ...extra,
    }),
  )
}

const byId = (checks: InspectCheck[]) =>
  Object.fromEntries(checks.map((c) => [c.id, { status: c.status, code: c.code }]))

describe('runInspectChecks', () => {
  test('with everything given, an ID token passes every check', async () => {
    const ctx: InspectContext = {
      issuer: ISSUER,
      clientId: 'spa',
      nonce: 'n-1',
      accessToken: ACCESS_TOKEN,
      jwks: { keys: [signer.jwk] },
      now: NOW,
    }
    const checks = byId(await runInspectChecks(await idToken(), 'id', ctx))
    for (const id of [
      'signature',
      'alg',
      'iss',
      'aud',
      'azp',
      'exp',
      'iat',
      'nonce',
      'at_hash',
      'sub',
    ]) {
      expect(checks[id]?.status, id).toBe('pass')
    }
  })

  test('without issuer, client ID or nonce: skips that say what to enter, never a crash', async () => {
    const keysMissingReason = 'not verified: no Issuer given.'
    const checks = await runInspectChecks(await idToken(), 'id', { now: NOW, keysMissingReason })
    const rows = Object.fromEntries(checks.map((c) => [c.id, c]))
    expect(rows.signature).toMatchObject({
      status: 'skip',
      code: 'keys_unavailable',
      message: keysMissingReason,
    })
    expect(rows.iss).toMatchObject({
      status: 'skip',
      code: 'issuer_not_given',
      message: `iss is "${ISSUER}": enter the Issuer to compare`,
    })
    expect(rows.aud).toMatchObject({ status: 'skip', code: 'client_id_not_given' })
    expect(rows.azp).toMatchObject({ status: 'skip', code: 'client_id_not_given' })
    expect(rows.nonce).toMatchObject({ status: 'skip', code: 'nonce_not_given' })
    expect(rows.at_hash).toMatchObject({
      status: 'skip',
      message:
        'at_hash is present: paste the whole token response (with its access_token) to check it',
    })
    expect(rows.exp?.status).toBe('pass')
  })

  test('a tampered signature fails; a wrong nonce and client fail', async () => {
    const token = await idToken()
    const [h, p, s = ''] = token.raw.split('.')
    const flipped = `${h}.${p}.${s.slice(0, 10)}${s.charAt(10) === 'A' ? 'B' : 'A'}${s.slice(11)}`
    const checks = byId(
      await runInspectChecks(decodeJwt(flipped), 'id', {
        issuer: ISSUER,
        clientId: 'other',
        nonce: 'n-2',
        jwks: { keys: [signer.jwk] },
        now: NOW,
      }),
    )
    expect(checks.signature).toEqual({ status: 'fail', code: 'signature_invalid' })
    expect(checks.aud).toEqual({ status: 'fail', code: 'aud_mismatch' })
    expect(checks.nonce).toEqual({ status: 'fail', code: 'nonce_mismatch' })
  })

  test('an unknown kid keeps needsJwksRefresh so the caller refetches once', async () => {
    const other = await createTestSigner('RS256', 'kid-2')
    const checks = await runInspectChecks(await idToken(), 'id', {
      issuer: ISSUER,
      jwks: { keys: [other.jwk] },
      now: NOW,
    })
    expect(checks[0]).toMatchObject({
      id: 'signature',
      code: 'kid_not_found',
      needsJwksRefresh: true,
    })
  })

  test('as an access token: informative rows, iss skipped without issuer', async () => {
    const checks = await runInspectChecks(await idToken({ typ: 'Bearer' }), 'access', { now: NOW })
    expect(checks.every((c) => c.informative)).toBe(true)
    expect(byId(checks).iss).toEqual({ status: 'skip', code: 'issuer_not_given' })
  })

  test.each([
    ['api:read', 'fail', 'scope_lacks_openid'],
    ['openid api:read', 'pass', 'scope_has_openid'],
    [undefined, 'skip', 'scope_unknown'],
  ])(
    'as an access token with scope %j: userinfo_scope %s, exp kept',
    async (scope, status, code) => {
      const token = decodeJwt(
        await signer.sign({
          iss: ISSUER,
          sub: 'svc',
          exp: NOW + 300,
          iat: NOW,
          scope,
          typ: 'Bearer',
        }),
      )
      const checks = byId(await runInspectChecks(token, 'access', { now: NOW }))
      expect(checks.userinfo_scope).toEqual({ status, code })
      expect(checks.exp).toEqual({ status: 'pass', code: 'not_expired' })
    },
  )

  test('an opaque access token: userinfo_scope skipped (only the provider knows its scope)', async () => {
    const checks = byId(await runInspectChecks(decodeJwt(ACCESS_TOKEN), 'access', { now: NOW }))
    expect(checks.userinfo_scope).toEqual({ status: 'skip', code: 'scope_unknown' })
  })

  test('an ID token gets no userinfo_scope check', async () => {
    const checks = byId(await runInspectChecks(await idToken({ scope: 'x' }), 'id', { now: NOW }))
    expect(checks.userinfo_scope).toBeUndefined()
  })

  test.each(['', 'abc.%%%.def', '{"a":1}', 'eyJ.eyJ.', 'Bearer '])(
    'never throws on %j',
    async (raw) => {
      for (const role of ['id', 'access', 'refresh'] as const) {
        await expect(runInspectChecks(decodeJwt(raw), role, { now: NOW })).resolves.toBeInstanceOf(
          Array,
        )
      }
    },
  )

  test('a damaged JWT gets no checks; an undecodable payload keeps the decoder’s reason', async () => {
    expect(await runInspectChecks(decodeJwt('abc.%%%.def'), 'access', { now: NOW })).toEqual([])
    const checks = await runInspectChecks(decodeJwt('eyJhbGciOiJSUzI1NiJ9.%%%.c2ln'), 'id', {
      now: NOW,
    })
    expect(checks.find((c) => c.id === 'iss')).toMatchObject({
      status: 'skip',
      code: 'payload_unavailable',
      message: 'the payload could not be decoded',
    })
  })

  test('a refresh token gets no checks', async () => {
    expect(await runInspectChecks(await idToken(), 'refresh', { now: NOW })).toEqual([])
  })
})
