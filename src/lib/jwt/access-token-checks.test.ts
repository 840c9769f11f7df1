import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { createTestSigner, tamperPayload, type TestSigner } from '@/testing/fixtures/jwt-signing'
import { ACCESS_TOKEN_NOTICE, checkAccessToken } from './access-token-checks'
import type { Check, CheckCode, CheckId } from './checks'
import { decodeJwt } from './decode-jwt'

const NOW = 1_795_412_400
const ISSUER = 'http://localhost:8080/realms/demo'

let signer: TestSigner

beforeAll(async () => {
  signer = await createTestSigner('RS256', 'rsa-1')
})
beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW * 1000)
})
afterEach(() => {
  vi.useRealTimers()
})

// Shape observed from the demo realm (reference/demo-realm-research.md, Q5).
const AT_CLAIMS = {
  typ: 'Bearer',
  azp: 'spa',
  preferred_username: 'alice',
  jti: '5fpG',
  sub: '8c6b2f0e-3a61-4f6e-9d2a-4b1f0c7a1a01',
  iat: NOW - 10,
  exp: NOW + 290,
  scope: 'openid profile email',
  client_id: 'spa',
  iss: ISSUER,
  aud: 'account',
}

async function run(
  raw: string,
  audience?: string | string[],
  jwks: { keys: TestSigner['jwk'][] } = { keys: [signer.jwk] },
): Promise<Check[]> {
  return checkAccessToken({
    token: decodeJwt(raw),
    jwks,
    expected: { issuer: ISSUER, audience },
    now: Math.floor(Date.now() / 1000),
  })
}

const outcomes = (checks: Check[]) => checks.map((c) => [c.id, c.status, c.code])
const byId = (checks: Check[], id: CheckId) => checks.find((c) => c.id === id)

describe('checkAccessToken', () => {
  test('an RFC 9068 access token (typ at+jwt)', async () => {
    const checks = await run(await signer.sign(AT_CLAIMS, { typ: 'at+jwt' }))
    expect(outcomes(checks)).toEqual([
      ['format', 'pass', 'jwt_access_token'],
      ['signature', 'pass', 'signature_valid'],
      ['typ', 'pass', 'typ_at_jwt'],
      ['iss', 'pass', 'iss_match'],
      ['aud', 'skip', 'aud_not_expected'],
      ['exp', 'pass', 'not_expired'],
      ['required_claims', 'pass', 'required_claims_present'],
    ])
    expect(checks.every((c) => c.informative === true)).toBe(true)
    expect(byId(checks, 'aud')?.message).toBe(
      'aud "account": the API this token is for; the API checks it, the client does not',
    )
    expect(byId(checks, 'exp')?.specLink).toBe('https://www.rfc-editor.org/rfc/rfc9068#section-4')
  })

  test.each<[string, string | undefined, CheckCode]>([
    ['JWT', 'JWT', 'typ_jwt'],
    ['no typ', undefined, 'typ_missing'],
    ['another typ', 'JOSE', 'typ_other'],
    ['the long media type', 'application/at+jwt', 'typ_at_jwt'],
  ])('typ: %s', async (_name, typ, code) => {
    const checks = await run(await signer.sign(AT_CLAIMS, { typ }))
    expect(byId(checks, 'typ')?.code).toBe(code)
  })

  test.each<[string, string | string[], string, CheckCode]>([
    ['matching audience', 'account', 'pass', 'aud_match'],
    ['one of several expected audiences', ['api', 'account'], 'pass', 'aud_match'],
    ['another API', 'orders-api', 'fail', 'aud_mismatch'],
  ])('aud: %s', async (_name, audience, status, code) => {
    const check = byId(await run(await signer.sign(AT_CLAIMS), audience), 'aud')
    expect({ status: check?.status, code: check?.code }).toEqual({ status, code })
  })

  test('an expired access token and missing RFC 9068 claims', async () => {
    const { client_id: _c, jti: _j, ...rest } = AT_CLAIMS
    const checks = await run(await signer.sign({ ...rest, exp: NOW - 120 }))
    expect(byId(checks, 'exp')).toMatchObject({ status: 'fail', code: 'expired' })
    expect(byId(checks, 'required_claims')).toMatchObject({
      status: 'warn',
      code: 'required_claims_missing',
      message: 'missing RFC 9068 claims: client_id, jti',
    })
  })

  test('a tampered access token fails its signature', async () => {
    const raw = tamperPayload(await signer.sign(AT_CLAIMS), { ...AT_CLAIMS, scope: 'admin' })
    expect(byId(await run(raw), 'signature')).toMatchObject({
      status: 'fail',
      code: 'signature_invalid',
      informative: true,
    })
  })

  test('an opaque access token: only the provider can read it', async () => {
    const checks = await run('pxUevCFEm2lK8QzR0vYb')
    expect(checks[0]).toEqual({
      id: 'format',
      status: 'skip',
      code: 'opaque_access_token',
      message:
        'Not a JWT: an opaque reference token; only the provider can read it (introspection).',
      specLink: 'https://www.rfc-editor.org/rfc/rfc9068#section-6',
      informative: true,
    })
    expect(checks.map((c) => c.id)).toEqual([
      'format',
      'signature',
      'typ',
      'iss',
      'aud',
      'exp',
      'required_claims',
    ])
    expect(checks.slice(1).every((c) => c.status === 'skip')).toBe(true)
  })

  test('a malformed access token fails the format row and skips the claims', async () => {
    const checks = await run('eyJhbGciOi.eyJzdWI')
    expect(outcomes(checks).slice(0, 3)).toEqual([
      ['format', 'fail', 'jwt_access_token'],
      ['signature', 'fail', 'undecodable'],
      ['typ', 'skip', 'payload_unavailable'],
    ])
  })

  test('the notice says the client must not rely on the checks', () => {
    expect(ACCESS_TOKEN_NOTICE).toMatch(/must not rely on these checks/)
  })
})
