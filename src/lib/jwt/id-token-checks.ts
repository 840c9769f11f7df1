import type { JSONWebKeySet } from 'jose'
import {
  type Check,
  type CheckId,
  ID_TOKEN_VALIDATION,
  makeCheck as check,
  OIDC_CORE,
  showValue as show,
} from './checks'
import type { DecodedToken } from './decode-jwt'
import { checkAuthTime, checkExp, checkIat, checkNbf } from './time-checks'
import { calculateTokenHash, hashForAlg } from './token-hash'
import { verifySignature, type JwksFailure } from './verify-signature'

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
  /** Why there is no JWKS, for the signature row (see describeJwksFailure). */
  jwksFailure?: JwksFailure
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
  algs: `${OIDC_CORE}#Signing`,
}

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
    ...(input.jwksFailure ? { jwksFailure: input.jwksFailure } : {}),
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

export { checkUserinfoSub } from './userinfo-sub-check'
