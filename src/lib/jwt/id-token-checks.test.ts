import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import {
  createTestSigner,
  signWithSecret,
  tamperPayload,
  type TestSigner,
  unsignedToken,
} from '@/testing/fixtures/jwt-signing'
import { type Check, type CheckCode, type CheckId, needsJwksRefresh } from './checks'
import { decodeJwt } from './decode-jwt'
import { checkIdToken, checkUserinfoSub, type IdTokenExpectations } from './id-token-checks'
import { calculateTokenHash } from './token-hash'

const NOW = 1_795_412_400
const ISSUER = 'http://localhost:8080/realms/demo'
const CLIENT_ID = 'spa'
const NONCE = 'n-0S6_WzA2Mj'
const ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.access.token'

let rsa: TestSigner
let ec: TestSigner
let other: TestSigner

beforeAll(async () => {
  ;[rsa, ec, other] = await Promise.all([
    createTestSigner('RS256', 'rsa-1'),
    createTestSigner('ES256', 'ec-1'),
    createTestSigner('RS256', 'rotated-2'),
  ])
})

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW * 1000)
})
afterEach(() => {
  vi.useRealTimers()
})

const now = () => Math.floor(Date.now() / 1000)

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: ISSUER,
    sub: '8c6b2f0e-3a61-4f6e-9d2a-4b1f0c7a1a01',
    aud: CLIENT_ID,
    azp: CLIENT_ID,
    exp: NOW + 300,
    iat: NOW - 5,
    auth_time: NOW - 10,
    nonce: NONCE,
    ...overrides,
  }
}

const expected = (overrides: Partial<IdTokenExpectations> = {}): IdTokenExpectations => ({
  issuer: ISSUER,
  clientId: CLIENT_ID,
  nonce: NONCE,
  ...overrides,
})

async function run(
  raw: string,
  options: { jwks?: { keys: TestSigner['jwk'][] }; expected?: Partial<IdTokenExpectations> } = {},
): Promise<Check[]> {
  return checkIdToken({
    token: decodeJwt(raw),
    raw,
    jwks: options.jwks ?? { keys: [rsa.jwk, ec.jwk] },
    expected: expected(options.expected),
    now: now(),
  })
}

const byId = (checks: Check[], id: CheckId): Check => {
  const found = checks.find((c) => c.id === id)
  if (!found) throw new Error(`no ${id} check`)
  return found
}

const outcome = (checks: Check[], id: CheckId) => {
  const { status, code } = byId(checks, id)
  return { status, code }
}

/** Claim checks on a token with a fake signature: the signature row is irrelevant here. */
const claimChecks = (payload: Record<string, unknown>, exp: Partial<IdTokenExpectations> = {}) =>
  run(unsignedToken({ alg: 'RS256', kid: 'rsa-1' }, payload), { expected: exp })

describe('checkIdToken: a valid token', () => {
  test.each(['rsa', 'ec'])('%s-signed token passes every applicable check', async (which) => {
    const signer = which === 'rsa' ? rsa : ec
    const raw = await signer.sign(claims())
    const checks = await run(raw)
    expect(checks.map((c) => [c.id, c.status, c.code])).toEqual([
      ['signature', 'pass', 'signature_valid'],
      ['alg', 'pass', 'alg_ok'],
      ['iss', 'pass', 'iss_match'],
      ['aud', 'pass', 'aud_match'],
      ['azp', 'pass', 'azp_match'],
      ['exp', 'pass', 'not_expired'],
      ['iat', 'pass', 'iat_ok'],
      ['nbf', 'skip', 'nbf_absent'],
      ['nonce', 'pass', 'nonce_match'],
      ['at_hash', 'skip', 'at_hash_no_access_token'],
      ['auth_time', 'skip', 'max_age_not_requested'],
      ['sub', 'pass', 'sub_ok'],
    ])
    expect(byId(checks, 'signature').message).toBe(
      `verified with key ${signer.kid} (${signer.alg}) from the provider's JWKS`,
    )
    expect(byId(checks, 'exp').message).toBe('expires in 5 min (2026-11-23T05:45:00.000Z)')
    expect(byId(checks, 'iat').message).toBe('issued 5 s ago')
    expect(needsJwksRefresh(checks)).toBe(false)
    for (const check of checks) expect(check.specLink).toMatch(/^https:\/\/openid\.net\/specs\//)
  })
})

describe('checkIdToken: signature', () => {
  test('a tampered payload fails the signature', async () => {
    const raw = tamperPayload(await rsa.sign(claims()), claims({ sub: 'mallory' }))
    const signature = byId(await run(raw), 'signature')
    expect(signature).toMatchObject({ status: 'fail', code: 'signature_invalid' })
    expect(signature.message).toBe(
      'signature does not match key rsa-1 (RS256): the token was altered or signed by another key',
    )
  })

  test('a tampered signature fails', async () => {
    const raw = await rsa.sign(claims())
    const flipped = raw.slice(0, -4) + (raw.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    expect(outcome(await run(flipped), 'signature')).toEqual({
      status: 'fail',
      code: 'signature_invalid',
    })
  })

  test('an unknown kid asks for a JWKS refresh, and a refreshed JWKS passes', async () => {
    const raw = await other.sign(claims())
    const first = await run(raw)
    expect(byId(first, 'signature')).toEqual({
      id: 'signature',
      status: 'fail',
      code: 'kid_not_found',
      message: expect.stringMatching(
        /^no key with kid rotated-2 in the provider's JWKS \(its keys: [^)]+\)\. Likely cause: the provider rotated its keys/,
      ) as string,
      specLink: 'https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation',
      needsJwksRefresh: true,
    })
    expect(needsJwksRefresh(first)).toBe(true)
    const second = await run(raw, { jwks: { keys: [rsa.jwk, other.jwk] } })
    expect(outcome(second, 'signature')).toEqual({ status: 'pass', code: 'signature_valid' })
    expect(needsJwksRefresh(second)).toBe(false)
  })

  test('a key with the right kid but the wrong type does not fit', async () => {
    const raw = await rsa.sign(claims())
    const check = byId(
      await run(raw, { jwks: { keys: [{ ...ec.jwk, kid: 'rsa-1' }] } }),
      'signature',
    )
    expect(check).toMatchObject({ status: 'fail', code: 'no_suitable_key' })
    expect(check.message).toBe('key rsa-1 cannot verify RS256: it is kty EC, but RS256 needs RSA')
    expect(check.needsJwksRefresh).toBeUndefined()
  })

  test.each([
    ['use enc', { use: 'enc' }, 'its use is "enc", not "sig"'],
    ['another alg', { alg: 'RS512' }, 'it is for alg RS512, not RS256'],
    ['no verify op', { key_ops: ['encrypt'] }, 'its key_ops do not include "verify"'],
  ])('a key with %s does not fit', async (_name, change, reason) => {
    const raw = await rsa.sign(claims())
    const check = byId(await run(raw, { jwks: { keys: [{ ...rsa.jwk, ...change }] } }), 'signature')
    expect(check.message).toBe(`key rsa-1 cannot verify RS256: ${reason}`)
  })

  test('without kid in the header, every fitting key is tried', async () => {
    const raw = await rsa.sign(claims(), { kid: undefined })
    expect(decodeJwt(raw).header?.kid).toBeUndefined()
    const check = byId(
      await run(raw, { jwks: { keys: [other.jwk, ec.jwk, rsa.jwk] } }),
      'signature',
    )
    expect(check).toMatchObject({ status: 'pass', code: 'signature_valid' })
    expect(check.message).toBe(
      "verified with key rsa-1 (RS256) from the provider's JWKS (no kid in the header: tried each fitting key)",
    )
  })

  test('without kid and without a fitting key, asks for a JWKS refresh', async () => {
    const raw = await rsa.sign(claims(), { kid: undefined })
    const check = byId(await run(raw, { jwks: { keys: [ec.jwk] } }), 'signature')
    expect(check).toMatchObject({ status: 'fail', code: 'no_suitable_key', needsJwksRefresh: true })
  })

  test('alg none fails both signature and alg', async () => {
    const raw = unsignedToken({ alg: 'none' }, claims(), '')
    const checks = await run(raw)
    expect(decodeJwt(raw).kind).toBe('unsecured')
    expect(outcome(checks, 'signature')).toEqual({ status: 'fail', code: 'unsigned' })
    expect(outcome(checks, 'alg')).toEqual({ status: 'fail', code: 'alg_none' })
  })

  test('HS256 fails for a public client and passes with the client secret', async () => {
    const raw = await signWithSecret(claims(), 'a-client-secret-of-32-bytes-long!')
    const publicClient = await run(raw)
    expect(outcome(publicClient, 'alg')).toEqual({ status: 'fail', code: 'alg_hmac_public_client' })
    expect(outcome(publicClient, 'signature')).toEqual({ status: 'skip', code: 'hmac_no_secret' })
    const confidential = await run(raw, {
      expected: { clientSecret: 'a-client-secret-of-32-bytes-long!' },
    })
    expect(outcome(confidential, 'alg')).toEqual({ status: 'pass', code: 'alg_hmac' })
    expect(outcome(confidential, 'signature')).toEqual({ status: 'pass', code: 'signature_valid' })
    const wrongSecret = await run(raw, {
      expected: { clientSecret: 'another-secret-of-32-bytes-long!!' },
    })
    expect(outcome(wrongSecret, 'signature')).toEqual({ status: 'fail', code: 'signature_invalid' })
  })

  test('an alg the provider does not advertise warns', async () => {
    const raw = await ec.sign(claims())
    const check = byId(
      await run(raw, { expected: { idTokenSigningAlgValuesSupported: ['RS256'] } }),
      'alg',
    )
    expect(check).toMatchObject({ status: 'warn', code: 'alg_not_advertised' })
    expect(check.message).toBe(
      "ES256 is not in the provider's id_token_signing_alg_values_supported (RS256)",
    )
  })

  test.each<[string, { keys: unknown } | undefined, CheckCode, string]>([
    ['no JWKS', undefined, 'no_jwks', 'skip'],
    ['a JWKS without keys', { keys: 'nope' }, 'jwks_invalid', 'fail'],
  ])('%s', async (_name, jwks, code, status) => {
    const raw = await rsa.sign(claims())
    const checks = await checkIdToken({
      token: decodeJwt(raw),
      jwks: jwks as { keys: [] } | undefined,
      expected: expected(),
      now: now(),
    })
    expect(outcome(checks, 'signature')).toEqual({ status, code })
  })

  test('a broken JWK is reported, not thrown', async () => {
    const raw = await rsa.sign(claims())
    const broken = { kty: 'RSA', kid: 'rsa-1', n: '!!', e: 'AQAB' }
    const check = byId(await run(raw, { jwks: { keys: [broken] } }), 'signature')
    expect(check.status).toBe('fail')
    expect(['key_import_failed', 'verify_error']).toContain(check.code)
  })
})

describe('checkIdToken: undecodable tokens', () => {
  test.each<[string, string, CheckCode, string, CheckCode]>([
    ['an opaque token', 'pxUevCFEm2lK8QzR0vYb', 'not_a_jwt', 'fail', 'payload_unavailable'],
    [
      'a JWE',
      `${unsignedToken({ alg: 'RSA-OAEP', enc: 'A256GCM' }, {}).split('.')[0]}.a2V5.aXY.Y2lwaGVy.dGFn`,
      'encrypted',
      'skip',
      'payload_unavailable',
    ],
    ['a garbled token', 'eyJhbGciOi.eyJzdWI', 'undecodable', 'fail', 'payload_unavailable'],
  ])('%s yields a row per check without throwing', async (_name, raw, sigCode, sigStatus, code) => {
    const checks = await run(raw)
    expect(checks).toHaveLength(12)
    expect(outcome(checks, 'signature')).toEqual({ status: sigStatus, code: sigCode })
    expect(outcome(checks, 'sub')).toEqual({ status: 'skip', code })
  })

  test('claims of the wrong types never throw', async () => {
    const checks = await claimChecks({
      iss: 42,
      aud: { a: 1 },
      azp: ['spa'],
      exp: 'tomorrow',
      iat: null,
      nbf: {},
      nonce: 7,
      at_hash: 1,
      sub: ['x'],
    })
    expect(checks.map((c) => [c.id, c.code])).toEqual([
      ['signature', 'signature_invalid'],
      ['alg', 'alg_ok'],
      ['iss', 'iss_missing'],
      ['aud', 'aud_invalid'],
      ['azp', 'azp_invalid'],
      ['exp', 'exp_invalid'],
      ['iat', 'iat_invalid'],
      ['nbf', 'nbf_invalid'],
      ['nonce', 'nonce_mismatch'],
      ['at_hash', 'at_hash_no_access_token'],
      ['auth_time', 'max_age_not_requested'],
      ['sub', 'sub_invalid'],
    ])
  })
})

describe('checkIdToken: claims', () => {
  test.each<[string, Record<string, unknown>, CheckId, string, CheckCode, string?]>([
    [
      'expired',
      { exp: NOW - 180 },
      'exp',
      'fail',
      'expired',
      'expired 3 min ago (2026-11-23T05:37:00.000Z)',
    ],
    [
      'expired within tolerance',
      { exp: NOW - 30 },
      'exp',
      'warn',
      'expired_within_tolerance',
      'expired 30 s ago (2026-11-23T05:39:30.000Z), accepted within the 60 s clock tolerance',
    ],
    ['exp missing', { exp: undefined }, 'exp', 'fail', 'exp_missing', 'no exp claim'],
    [
      'exp in milliseconds',
      { exp: (NOW + 300) * 1000 },
      'exp',
      'fail',
      'exp_invalid',
      'exp 1795412700000: looks like milliseconds: a NumericDate counts seconds, so strict libraries read a date thousands of years away',
    ],
    ['exp as a string', { exp: String(NOW + 300) }, 'exp', 'fail', 'exp_invalid'],
    [
      'iat far in the future',
      { iat: NOW + 600 },
      'iat',
      'fail',
      'iat_future',
      "issued 10 min in the future (clock skew?): the provider's clock and this computer's differ by more than 60 s",
    ],
    ['iat slightly in the future', { iat: NOW + 20 }, 'iat', 'pass', 'iat_ok'],
    ['iat missing', { iat: undefined }, 'iat', 'fail', 'iat_missing'],
    ['nbf in the future', { nbf: NOW + 600 }, 'nbf', 'fail', 'not_yet_valid'],
    ['nbf in the past', { nbf: NOW - 10 }, 'nbf', 'pass', 'nbf_ok'],
    [
      'another issuer',
      { iss: 'http://localhost:8080/realms/other' },
      'iss',
      'fail',
      'iss_mismatch',
      'iss is "http://localhost:8080/realms/other", expected "http://localhost:8080/realms/demo": another issuer or realm made this token',
    ],
    [
      'issuer with a trailing slash',
      { iss: `${ISSUER}/` },
      'iss',
      'fail',
      'iss_mismatch',
      'iss is "http://localhost:8080/realms/demo/", expected "http://localhost:8080/realms/demo": they differ only by a trailing slash, but the comparison is exact',
    ],
    ['iss missing', { iss: undefined }, 'iss', 'fail', 'iss_missing'],
    ['aud as an array with the client only', { aud: [CLIENT_ID] }, 'aud', 'pass', 'aud_match'],
    [
      'aud with an extra audience',
      { aud: [CLIENT_ID, 'account'] },
      'aud',
      'warn',
      'aud_extra',
      'aud also lists "account": reject unless the client trusts those audiences',
    ],
    [
      'aud for another client',
      { aud: ['other-app'] },
      'aud',
      'fail',
      'aud_mismatch',
      'aud ["other-app"] does not contain the client_id "spa": issued to another client',
    ],
    ['aud missing', { aud: undefined }, 'aud', 'fail', 'aud_missing'],
    ['aud empty array', { aud: [] }, 'aud', 'fail', 'aud_invalid'],
    [
      'several audiences without azp',
      { aud: [CLIENT_ID, 'account'], azp: undefined },
      'azp',
      'warn',
      'azp_missing',
      'aud has 2 audiences but no azp says which one the token was issued to',
    ],
    ['several audiences with azp', { aud: [CLIENT_ID, 'account'] }, 'azp', 'pass', 'azp_match'],
    ['one audience without azp', { azp: undefined }, 'azp', 'skip', 'azp_absent'],
    [
      'azp of another client',
      { azp: 'other-app' },
      'azp',
      'fail',
      'azp_mismatch',
      'azp is "other-app", not the client_id "spa": issued to another client',
    ],
    [
      'nonce mismatch',
      { nonce: 'other' },
      'nonce',
      'fail',
      'nonce_mismatch',
      'nonce is "other", sent "n-0S6_WzA2Mj": this ID token answers another request (replay?)',
    ],
    ['nonce missing', { nonce: undefined }, 'nonce', 'fail', 'nonce_missing'],
    ['sub missing', { sub: undefined }, 'sub', 'fail', 'sub_missing'],
    ['sub empty', { sub: '' }, 'sub', 'fail', 'sub_invalid'],
    ['sub of 255 characters', { sub: 'a'.repeat(255) }, 'sub', 'pass', 'sub_ok'],
    ['sub of 256 characters', { sub: 'a'.repeat(256) }, 'sub', 'fail', 'sub_too_long'],
    ['sub with non-ASCII', { sub: 'zoë' }, 'sub', 'warn', 'sub_not_ascii'],
  ])('%s', async (_name, overrides, id, status, code, message) => {
    const check = byId(await claimChecks(claims(overrides)), id)
    expect({ status: check.status, code: check.code }).toEqual({ status, code })
    if (message !== undefined) expect(check.message).toBe(message)
  })

  test.each<[string, Record<string, unknown>, Partial<IdTokenExpectations>, string, CheckCode]>([
    ['nonce not sent but returned', {}, { nonce: undefined }, 'warn', 'nonce_unexpected'],
    [
      'nonce neither sent nor returned',
      { nonce: undefined },
      { nonce: undefined },
      'skip',
      'nonce_not_sent',
    ],
  ])('%s', async (_name, overrides, exp, status, code) => {
    expect(outcome(await claimChecks(claims(overrides), exp), 'nonce')).toEqual({ status, code })
  })

  test.each<[string, Record<string, unknown>, number, string, CheckCode]>([
    ['recent login', { auth_time: NOW - 60 }, 300, 'pass', 'auth_time_ok'],
    ['login too long ago', { auth_time: NOW - 3600 }, 300, 'fail', 'auth_time_too_old'],
    ['auth_time missing', { auth_time: undefined }, 300, 'fail', 'auth_time_missing'],
  ])('max_age: %s', async (_name, overrides, maxAgeSeconds, status, code) => {
    const check = byId(await claimChecks(claims(overrides), { maxAgeSeconds }), 'auth_time')
    expect({ status: check.status, code: check.code }).toEqual({ status, code })
  })

  test('respects a custom clock tolerance', async () => {
    const raw = unsignedToken({ alg: 'RS256' }, claims({ exp: NOW - 30 }))
    const checks = await checkIdToken({
      token: decodeJwt(raw),
      expected: expected(),
      now: now(),
      clockToleranceSeconds: 0,
    })
    expect(outcome(checks, 'exp')).toEqual({ status: 'fail', code: 'expired' })
  })
})

describe('checkIdToken: at_hash', () => {
  test.each(['rsa', 'ec'])('a correct at_hash passes (%s)', async (which) => {
    const signer = which === 'rsa' ? rsa : ec
    const atHash = await calculateTokenHash(ACCESS_TOKEN, signer.alg)
    const raw = await signer.sign(claims({ at_hash: atHash }))
    const check = byId(await run(raw, { expected: { accessToken: ACCESS_TOKEN } }), 'at_hash')
    expect(check).toMatchObject({ status: 'pass', code: 'at_hash_match' })
    expect(check.message).toBe('at_hash matches the left half of SHA-256 of the access token')
  })

  test('a wrong at_hash fails', async () => {
    const raw = await rsa.sign(claims({ at_hash: 'AAAAAAAAAAAAAAAAAAAAAA' }))
    const check = byId(await run(raw, { expected: { accessToken: ACCESS_TOKEN } }), 'at_hash')
    expect(check).toMatchObject({ status: 'fail', code: 'at_hash_mismatch' })
    expect(check.message).toMatch(
      /^at_hash is AAAAAAAAAAAAAAAAAAAAAA, but the left half of SHA-256 of the access token is [\w-]{22}: /,
    )
  })

  test('a missing at_hash warns in the code flow', async () => {
    const raw = await rsa.sign(claims())
    expect(outcome(await run(raw, { expected: { accessToken: ACCESS_TOKEN } }), 'at_hash')).toEqual(
      { status: 'warn', code: 'at_hash_missing' },
    )
  })
})

describe('checkUserinfoSub', () => {
  test.each<[unknown, unknown, string, CheckCode]>([
    ['8c6b', '8c6b', 'pass', 'userinfo_sub_match'],
    ['8c6b', 'ffff', 'fail', 'userinfo_sub_mismatch'],
    ['8c6b', undefined, 'fail', 'userinfo_sub_missing'],
    [undefined, '8c6b', 'skip', 'id_token_sub_missing'],
  ])('ID token %s vs userinfo %s', (idTokenSub, userinfoSub, status, code) => {
    const check = checkUserinfoSub(idTokenSub, userinfoSub)
    expect(check).toMatchObject({
      id: 'userinfo_sub',
      status,
      code,
      specLink: 'https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse',
    })
  })
})
