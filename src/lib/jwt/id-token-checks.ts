import type { JSONWebKeySet } from 'jose'
import { formatClaimTime, formatDuration } from './claim-time'
import {
  type Check,
  type CheckCode,
  type CheckId,
  type CheckStatus,
  ID_TOKEN_VALIDATION,
  OIDC_CORE,
} from './checks'
import type { DecodedToken } from './decode-jwt'
import { calculateTokenHash, hashForAlg } from './token-hash'
import { verifySignature } from './verify-signature'

/** What the client expects of its ID token: from its configuration and the request it sent. */
export interface IdTokenExpectations {
  /** The `issuer` of the discovery document. */
  issuer: string
  clientId: string
  /** The nonce sent in the authorization request, if any. */
  nonce?: string
  /** The access token from the same token response, to check `at_hash`. */
  accessToken?: string
  /** The `max_age` sent in the authorization request, if any. */
  maxAgeSeconds?: number
  /** Confidential clients only: the HMAC key for HS* ID tokens. */
  clientSecret?: string
  /** `id_token_signing_alg_values_supported` from discovery. */
  idTokenSigningAlgValuesSupported?: readonly string[]
}

/** Input of `checkIdToken`: the token, the keys and expectations as data, and the time. */
export interface IdTokenCheckInput {
  token: DecodedToken
  /** The compact JWS exactly as received; defaults to `token.raw`. */
  raw?: string
  jwks?: JSONWebKeySet
  expected: IdTokenExpectations
  /** Current time in seconds since the epoch. */
  now: number
  /** Allowed clock difference for exp/iat/nbf/auth_time; defaults to 60. */
  clockToleranceSeconds?: number
}

const SPEC = {
  validation: ID_TOKEN_VALIDATION,
  idToken: `${OIDC_CORE}#IDToken`,
  atHash: `${OIDC_CORE}#CodeFlowTokenValidation`,
  userinfo: `${OIDC_CORE}#UserInfoResponse`,
  algs: `${OIDC_CORE}#Signing`,
}

const check = (
  id: CheckId,
  status: CheckStatus,
  code: CheckCode,
  message: string,
  specLink = SPEC.validation,
): Check => ({ id, status, code, message, specLink })

const show = (value: unknown): string => JSON.stringify(value) ?? String(value)

/**
 * Checks `alg` alone: `none` fails, HS* needs a client secret (so a public client fails), an alg
 * missing from `id_token_signing_alg_values_supported` warns. This does not verify the signature.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export function checkAlg(
  alg: unknown,
  expected: Pick<IdTokenExpectations, 'clientSecret' | 'idTokenSigningAlgValuesSupported'>,
): Check {
  if (typeof alg !== 'string' || alg === '') {
    return check('alg', 'fail', 'alg_missing', 'the header has no alg')
  }
  if (alg.toLowerCase() === 'none') {
    return check('alg', 'fail', 'alg_none', 'alg none: unsigned, anyone could have written it')
  }
  const supported = expected.idTokenSigningAlgValuesSupported
  const advertised = supported === undefined || supported.includes(alg)
  if (/^HS/.test(alg)) {
    if (!expected.clientSecret) {
      return check(
        'alg',
        'fail',
        'alg_hmac_public_client',
        `${alg} is keyed with the client secret: a public client has none, cannot verify it, and anyone knowing a secret could forge it`,
        SPEC.algs,
      )
    }
    if (advertised) {
      return check(
        'alg',
        'pass',
        'alg_hmac',
        `${alg}: symmetric, keyed with the client secret, acceptable for a confidential client`,
        SPEC.algs,
      )
    }
  }
  if (!advertised) {
    return check(
      'alg',
      'warn',
      'alg_not_advertised',
      `${alg} is not in the provider's id_token_signing_alg_values_supported (${supported.join(', ')})`,
      SPEC.algs,
    )
  }
  return check(
    'alg',
    'pass',
    'alg_ok',
    `${alg}: asymmetric, verified with the provider's public key`,
  )
}

function checkIss(iss: unknown, issuer: string): Check {
  if (typeof iss !== 'string') return check('iss', 'fail', 'iss_missing', 'no iss claim')
  if (iss === issuer)
    return check('iss', 'pass', 'iss_match', `iss is the expected issuer ${issuer}`)
  const slashOnly = iss.replace(/\/+$/, '') === issuer.replace(/\/+$/, '')
  const why = slashOnly
    ? 'they differ only by a trailing slash, but the comparison is exact'
    : 'another issuer or realm made this token'
  return check(
    'iss',
    'fail',
    'iss_mismatch',
    `iss is ${show(iss)}, expected ${show(issuer)}: ${why}`,
  )
}

/** Reads `aud` as a list; undefined when it has the wrong type. */
function audiences(aud: unknown): string[] | undefined {
  if (typeof aud === 'string') return [aud]
  if (Array.isArray(aud) && aud.every((a): a is string => typeof a === 'string')) return aud
  return undefined
}

function checkAud(aud: unknown, clientId: string): Check {
  if (aud === undefined) return check('aud', 'fail', 'aud_missing', 'no aud claim')
  const list = audiences(aud)
  if (!list || list.length === 0) {
    return check('aud', 'fail', 'aud_invalid', `aud ${show(aud)} is not a string or string array`)
  }
  if (!list.includes(clientId)) {
    return check(
      'aud',
      'fail',
      'aud_mismatch',
      `aud ${show(aud)} does not contain the client_id ${show(clientId)}: issued to another client`,
    )
  }
  const others = list.filter((a) => a !== clientId)
  if (others.length > 0) {
    return check(
      'aud',
      'warn',
      'aud_extra',
      `aud also lists ${others.map(show).join(', ')}: reject unless the client trusts those audiences`,
    )
  }
  return check('aud', 'pass', 'aud_match', `aud is the client_id ${show(clientId)}`)
}

function checkAzp(azp: unknown, aud: unknown, clientId: string): Check {
  const count = audiences(aud)?.length ?? 0
  if (azp === undefined) {
    return count > 1
      ? check(
          'azp',
          'warn',
          'azp_missing',
          `aud has ${count} audiences but no azp says which one the token was issued to`,
        )
      : check('azp', 'skip', 'azp_absent', 'no azp: only needed when aud lists several audiences')
  }
  if (typeof azp !== 'string') {
    return check('azp', 'fail', 'azp_invalid', `azp ${show(azp)} is not a string`)
  }
  if (azp !== clientId) {
    return check(
      'azp',
      'fail',
      'azp_mismatch',
      `azp is ${show(azp)}, not the client_id ${show(clientId)}: issued to another client`,
    )
  }
  return check('azp', 'pass', 'azp_match', `azp is the client_id ${show(clientId)}`)
}

/** Reads a time claim; returns a failing check when it is missing or not a plain NumericDate. */
function readTime(
  id: CheckId,
  name: string,
  value: unknown,
  now: number,
  missing: CheckCode,
  invalid: CheckCode,
  specLink = SPEC.validation,
): { seconds: number; relative: string; iso: string } | Check {
  if (value === undefined) return check(id, 'fail', missing, `no ${name} claim`, specLink)
  const time = formatClaimTime(value, now, name)
  if (!time.ok) return check(id, 'fail', invalid, `${name}: ${time.error.message}`, specLink)
  if (typeof value !== 'number' || time.value.flags.includes('milliseconds')) {
    const why = time.value.warnings[0] ?? 'not a NumericDate'
    return check(id, 'fail', invalid, `${name} ${show(value)}: ${why}`, specLink)
  }
  return time.value
}

const isCheck = (value: object): value is Check => 'status' in value

/**
 * Checks `exp` with a clock tolerance: expired beyond it fails, within it warns. This only reads
 * the claim; it does not verify the signature that protects it.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export function checkExp(exp: unknown, now: number, tolerance = 60): Check {
  const time = readTime('exp', 'exp', exp, now, 'exp_missing', 'exp_invalid')
  if (isCheck(time)) return time
  const at = ` (${time.iso})`
  if (now >= time.seconds + tolerance) return check('exp', 'fail', 'expired', time.relative + at)
  if (now >= time.seconds) {
    return check(
      'exp',
      'warn',
      'expired_within_tolerance',
      `${time.relative}${at}, accepted within the ${tolerance} s clock tolerance`,
    )
  }
  return check('exp', 'pass', 'not_expired', time.relative + at)
}

function checkIat(iat: unknown, now: number, tolerance: number): Check {
  const time = readTime('iat', 'iat', iat, now, 'iat_missing', 'iat_invalid')
  if (isCheck(time)) return time
  if (time.seconds > now + tolerance) {
    return check(
      'iat',
      'fail',
      'iat_future',
      `${time.relative}: the provider's clock and this computer's differ by more than ${tolerance} s`,
    )
  }
  return check('iat', 'pass', 'iat_ok', time.relative)
}

function checkNbf(nbf: unknown, now: number, tolerance: number): Check {
  if (nbf === undefined) return check('nbf', 'skip', 'nbf_absent', 'no nbf claim (optional)')
  const time = readTime('nbf', 'nbf', nbf, now, 'nbf_absent', 'nbf_invalid')
  if (isCheck(time)) return time
  if (time.seconds > now + tolerance) {
    return check('nbf', 'fail', 'not_yet_valid', `${time.relative} (${time.iso})`)
  }
  return check('nbf', 'pass', 'nbf_ok', time.relative)
}

function checkNonce(nonce: unknown, expected: string | undefined): Check {
  if (expected === undefined) {
    return nonce === undefined
      ? check(
          'nonce',
          'skip',
          'nonce_not_sent',
          'no nonce sent and none returned: optional in the code flow, where PKCE and state protect the exchange',
        )
      : check(
          'nonce',
          'warn',
          'nonce_unexpected',
          `the token carries nonce ${show(nonce)} but none was sent (or it was lost across the redirect)`,
        )
  }
  if (nonce === undefined) {
    return check('nonce', 'fail', 'nonce_missing', 'a nonce was sent but the ID token has none')
  }
  if (nonce !== expected) {
    return check(
      'nonce',
      'fail',
      'nonce_mismatch',
      `nonce is ${show(nonce)}, sent ${show(expected)}: this ID token answers another request (replay?)`,
    )
  }
  return check('nonce', 'pass', 'nonce_match', 'nonce equals the one sent in the request')
}

async function checkAtHash(
  atHash: unknown,
  alg: unknown,
  accessToken: string | undefined,
): Promise<Check> {
  const link = SPEC.atHash
  if (accessToken === undefined) {
    return check(
      'at_hash',
      'skip',
      'at_hash_no_access_token',
      atHash === undefined ? 'no access token to bind' : 'no access token given to compare with',
      link,
    )
  }
  if (atHash === undefined) {
    return check(
      'at_hash',
      'warn',
      'at_hash_missing',
      'no at_hash: optional in the code flow, but then the access token is not bound to this ID token',
      link,
    )
  }
  if (typeof atHash !== 'string') {
    return check(
      'at_hash',
      'fail',
      'at_hash_invalid',
      `at_hash ${show(atHash)} is not a string`,
      link,
    )
  }
  const algName = typeof alg === 'string' ? alg : ''
  const computed = await calculateTokenHash(accessToken, algName)
  if (computed === undefined) {
    return check(
      'at_hash',
      'skip',
      'at_hash_unsupported_alg',
      `no known hash for alg ${show(alg)}, so at_hash cannot be computed`,
      link,
    )
  }
  const hash = hashForAlg(algName) ?? ''
  if (computed !== atHash) {
    return check(
      'at_hash',
      'fail',
      'at_hash_mismatch',
      `at_hash is ${atHash}, but the left half of ${hash} of the access token is ${computed}: not the access token issued with this ID token`,
      link,
    )
  }
  return check(
    'at_hash',
    'pass',
    'at_hash_match',
    `at_hash matches the left half of ${hash} of the access token`,
    link,
  )
}

function checkAuthTime(
  authTime: unknown,
  maxAge: number | undefined,
  now: number,
  tolerance: number,
): Check {
  if (maxAge === undefined) {
    const time = authTime === undefined ? undefined : formatClaimTime(authTime, now, 'auth_time')
    const when = time?.ok ? `${time.value.relative}; ` : ''
    return check(
      'auth_time',
      'skip',
      'max_age_not_requested',
      `${when}no max_age was requested, so auth_time is not checked`,
    )
  }
  const time = readTime(
    'auth_time',
    'auth_time',
    authTime,
    now,
    'auth_time_missing',
    'auth_time_invalid',
  )
  if (isCheck(time)) {
    return time.code === 'auth_time_missing'
      ? { ...time, message: 'max_age was requested, so auth_time is required but missing' }
      : time
  }
  if (now - time.seconds > maxAge + tolerance) {
    return check(
      'auth_time',
      'fail',
      'auth_time_too_old',
      `${time.relative}, more than max_age ${formatDuration(maxAge)}: the provider should have asked the user to log in again`,
    )
  }
  return check('auth_time', 'pass', 'auth_time_ok', `${time.relative}, within max_age`)
}

function checkSub(sub: unknown): Check {
  const link = SPEC.idToken
  if (sub === undefined) return check('sub', 'fail', 'sub_missing', 'no sub claim', link)
  if (typeof sub !== 'string' || sub === '') {
    return check('sub', 'fail', 'sub_invalid', `sub ${show(sub)} is not a non-empty string`, link)
  }
  if (sub.length > 255) {
    return check('sub', 'fail', 'sub_too_long', `sub has ${sub.length} characters, over 255`, link)
  }
  if (!/^[\x20-\x7e]*$/.test(sub)) {
    return check(
      'sub',
      'warn',
      'sub_not_ascii',
      `sub ${show(sub)} has non-ASCII or control characters; the spec counts 255 ASCII characters`,
      link,
    )
  }
  return check(
    'sub',
    'pass',
    'sub_ok',
    `sub ${show(sub)}: the stable user id at this issuer; key users by iss + sub`,
    link,
  )
}

const CLAIM_CHECKS: readonly CheckId[] = [
  'iss',
  'aud',
  'azp',
  'exp',
  'iat',
  'nbf',
  'nonce',
  'at_hash',
  'auth_time',
  'sub',
]

/**
 * Validates an ID token per OIDC Core §3.1.3.7 and §3.1.3.8: one row per check, in a fixed order
 * (signature, alg, iss, aud, azp, exp, iat, nbf, nonce, at_hash, auth_time, sub). Never throws:
 * an undecodable token gives `skip` rows. Keys come in as data; when the `kid` is unknown the
 * signature row carries `needsJwksRefresh`. This does not fetch anything, does not check `acr`,
 * `c_hash` or the token's `typ`, and does not decrypt encrypted ID tokens.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function checkIdToken(input: IdTokenCheckInput): Promise<Check[]> {
  const { token, expected, now } = input
  const tolerance = input.clockToleranceSeconds ?? 60
  const signature = await verifySignature({
    token,
    raw: input.raw,
    jwks: input.jwks,
    clientSecret: expected.clientSecret,
  })
  const alg = token.header?.alg
  const algCheck = token.header
    ? checkAlg(alg, expected)
    : check('alg', 'skip', 'payload_unavailable', 'the header could not be decoded')
  const claims = token.payload
  if (!claims) {
    const why =
      token.kind === 'jwe'
        ? 'the payload is encrypted'
        : token.kind === 'opaque'
          ? 'not a JWT'
          : 'the payload could not be decoded'
    return [
      signature,
      algCheck,
      ...CLAIM_CHECKS.map((id) => check(id, 'skip', 'payload_unavailable', why)),
    ]
  }
  try {
    return [
      signature,
      algCheck,
      checkIss(claims.iss, expected.issuer),
      checkAud(claims.aud, expected.clientId),
      checkAzp(claims.azp, claims.aud, expected.clientId),
      checkExp(claims.exp, now, tolerance),
      checkIat(claims.iat, now, tolerance),
      checkNbf(claims.nbf, now, tolerance),
      checkNonce(claims.nonce, expected.nonce),
      await checkAtHash(claims.at_hash, alg, expected.accessToken),
      checkAuthTime(claims.auth_time, expected.maxAgeSeconds, now, tolerance),
      checkSub(claims.sub),
    ]
  } catch (error) {
    // Defensive: a check must never throw, but if one does the UI still gets every row.
    const why = `could not run: ${error instanceof Error ? error.message : String(error)}`
    return [
      signature,
      algCheck,
      ...CLAIM_CHECKS.map((id) => check(id, 'skip', 'payload_unavailable', why)),
    ]
  }
}

/**
 * Checks that the userinfo response's `sub` equals the ID token's, which guards against a
 * substituted userinfo response. This does not check the userinfo response's signature or other claims.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse
 */
export function checkUserinfoSub(idTokenSub: unknown, userinfoSub: unknown): Check {
  const link = SPEC.userinfo
  if (typeof idTokenSub !== 'string') {
    return check(
      'userinfo_sub',
      'skip',
      'id_token_sub_missing',
      'no ID token sub to compare with',
      link,
    )
  }
  if (userinfoSub === undefined) {
    return check(
      'userinfo_sub',
      'fail',
      'userinfo_sub_missing',
      'the userinfo response has no sub, which it must always return',
      link,
    )
  }
  if (userinfoSub !== idTokenSub) {
    return check(
      'userinfo_sub',
      'fail',
      'userinfo_sub_mismatch',
      `userinfo sub ${show(userinfoSub)} differs from the ID token's ${show(idTokenSub)}: do not use this response`,
      link,
    )
  }
  return check(
    'userinfo_sub',
    'pass',
    'userinfo_sub_match',
    'userinfo sub equals the ID token sub',
    link,
  )
}
