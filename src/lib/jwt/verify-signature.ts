import type { JSONWebKeySet, JWK, KeyObject } from 'jose'
import type { Check, CheckCode, CheckStatus } from './checks'
import { ID_TOKEN_VALIDATION } from './checks'
import type { DecodedToken } from './decode-jwt'

/** Why the provider's JWKS could not be used, for the signature row (what, likely cause, fix). */
export interface JwksFailure {
  code: 'jwks_unreachable' | 'jwks_http_error' | 'jwks_not_json' | 'jwks_invalid' | 'no_jwks_uri'
  message: string
}

/** What `verifySignature` needs: the decoded token and the keys, all as data. */
export interface SignatureInput {
  token: DecodedToken
  /** The compact JWS exactly as received; defaults to `token.raw`. */
  raw?: string
  /** The provider's JWKS (from `jwks_uri`), as fetched by the caller. */
  jwks?: JSONWebKeySet
  /** Why the JWKS is missing (unreachable, 404, not JSON…): reported instead of "no JWKS given". */
  jwksFailure?: JwksFailure
  /** Only for HS* algorithms: the client secret is the HMAC key (confidential clients only). */
  clientSecret?: string
  /** Where the rule comes from, for the check row. */
  specLink?: string
}

const HMAC = /^HS(256|384|512)$/

/**
 * The JWK `kty` (and `crv`) an algorithm needs.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.1
 */
export function keyTypeForAlg(alg: string): { kty: string; crv?: string } | undefined {
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return { kty: 'RSA' }
  if (HMAC.test(alg)) return { kty: 'oct' }
  const curves: Record<string, string> = {
    ES256: 'P-256',
    ES384: 'P-384',
    ES512: 'P-521',
    ES256K: 'secp256k1',
    Ed25519: 'Ed25519',
  }
  const crv = curves[alg]
  if (crv) return { kty: alg === 'Ed25519' ? 'OKP' : 'EC', crv }
  if (alg === 'EdDSA') return { kty: 'OKP' }
  if (alg.startsWith('ML-DSA-')) return { kty: 'AKP' }
  return undefined
}

/** Why a JWK cannot verify `alg`, or undefined when it can. */
function unsuitableReason(key: JWK, alg: string): string | undefined {
  if (key.use !== undefined && key.use !== 'sig') return `its use is "${key.use}", not "sig"`
  if (Array.isArray(key.key_ops) && !key.key_ops.includes('verify')) {
    return 'its key_ops do not include "verify"'
  }
  const needed = keyTypeForAlg(alg)
  if (needed && key.kty !== needed.kty)
    return `it is kty ${key.kty}, but ${alg} needs ${needed.kty}`
  if (needed?.crv && key.crv !== needed.crv) {
    return `it is curve ${key.crv}, but ${alg} needs ${needed.crv}`
  }
  if (key.alg !== undefined && key.alg !== alg) return `it is for alg ${key.alg}, not ${alg}`
  return undefined
}

function row(
  status: CheckStatus,
  code: CheckCode,
  message: string,
  specLink: string,
  extra: Partial<Check> = {},
): Check {
  return { id: 'signature', status, code, message, specLink, ...extra }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

type VerifyOutcome =
  | { ok: true }
  | { ok: false; code: 'signature_invalid' | 'key_import_failed' | 'verify_error'; message: string }

async function verifyWith(raw: string, key: JWK | Uint8Array, alg: string): Promise<VerifyOutcome> {
  // jose loads on the first verification, not with the page
  const { compactVerify, errors, importJWK } = await import('jose')
  let keyInput: CryptoKey | KeyObject | Uint8Array
  try {
    keyInput = key instanceof Uint8Array ? key : await importJWK(key, alg)
  } catch (error) {
    return { ok: false, code: 'key_import_failed', message: errorText(error) }
  }
  try {
    await compactVerify(raw, keyInput, { algorithms: [alg] })
    return { ok: true }
  } catch (error) {
    const invalid = error instanceof errors.JWSSignatureVerificationFailed
    return {
      ok: false,
      code: invalid ? 'signature_invalid' : 'verify_error',
      message: errorText(error),
    }
  }
}

/**
 * Verifies a JWS signature with jose against a JWKS given as data: picks the key by `kid` (and
 * `kty`, `crv`, `alg`, `use`), or tries every fitting key when there is no `kid`. A missing `kid`
 * yields `needsJwksRefresh` so the caller refetches the JWKS once. This never fetches keys, never
 * trusts `jku`/`jwk`/`x5u` from the header, and does not check any claim.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.2
 */
export async function verifySignature(input: SignatureInput): Promise<Check> {
  const { token, jwks, clientSecret } = input
  const raw = input.raw ?? token.raw
  const link = input.specLink ?? ID_TOKEN_VALIDATION
  if (token.kind === 'opaque') {
    return row('fail', 'not_a_jwt', 'not a JWT, so there is no signature to verify', link)
  }
  if (token.kind === 'jwe') {
    return row(
      'skip',
      'encrypted',
      'encrypted (JWE): decrypt it first; the lab does not hold the decryption key',
      link,
    )
  }
  const alg = token.header?.alg
  if (!token.header) {
    const first = token.problems.find((p) => p.severity === 'error')
    const why = first ? ` (${first.message})` : ''
    return row('fail', 'undecodable', `cannot verify: the header is unreadable${why}`, link)
  }
  if (typeof alg !== 'string') {
    return row('fail', 'undecodable', 'cannot verify: the header has no alg', link)
  }
  if (alg === 'none') {
    return row('fail', 'unsigned', 'alg is none: the token is not signed at all', link)
  }
  try {
    if (HMAC.test(alg)) {
      if (!clientSecret) {
        return row(
          'skip',
          'hmac_no_secret',
          `${alg} is keyed with the client secret, and none was given, so it cannot be verified here`,
          link,
        )
      }
      const result = await verifyWith(raw, new TextEncoder().encode(clientSecret), alg)
      if (result.ok) {
        return row('pass', 'signature_valid', `verified with the client secret (${alg})`, link)
      }
      return result.code === 'signature_invalid'
        ? row(
            'fail',
            'signature_invalid',
            `signature does not match the client secret (${alg}): altered token or another secret`,
            link,
          )
        : row('fail', result.code, `could not verify: ${result.message}`, link)
    }
    if (!jwks && input.jwksFailure) {
      return row('fail', input.jwksFailure.code, input.jwksFailure.message, link)
    }
    return await verifyWithJwks(raw, alg, token.header.kid, jwks, link)
  } catch (error) {
    return row('fail', 'verify_error', `could not verify: ${errorText(error)}`, link)
  }
}

async function verifyWithJwks(
  raw: string,
  alg: string,
  kid: unknown,
  jwks: JSONWebKeySet | undefined,
  link: string,
): Promise<Check> {
  if (!jwks) {
    return row('skip', 'no_jwks', 'no JWKS given: fetch jwks_uri from discovery first', link)
  }
  if (!Array.isArray(jwks.keys)) {
    return row('fail', 'jwks_invalid', 'the JWKS has no "keys" array', link)
  }
  const keys = jwks.keys.filter((key): key is JWK => typeof key === 'object' && key !== null)
  let candidates: JWK[]
  if (typeof kid === 'string') {
    const withKid = keys.filter((key) => key.kid === kid)
    if (withKid.length === 0) {
      const known = keys.map((key) => key.kid ?? '(no kid)').join(', ') || 'none'
      return row(
        'fail',
        'kid_not_found',
        `no key with kid ${kid} in the provider's JWKS (its keys: ${known}). Likely cause: the provider rotated its keys, or the token was signed by another provider or realm. Fix: the lab refetches the JWKS once; if the kid is still missing, sign in again for a fresh token and check the issuer.`,
        link,
        { needsJwksRefresh: true },
      )
    }
    candidates = withKid.filter((key) => unsuitableReason(key, alg) === undefined)
    if (candidates.length === 0) {
      const reason = unsuitableReason(withKid[0] ?? {}, alg) ?? 'it does not fit'
      return row('fail', 'no_suitable_key', `key ${kid} cannot verify ${alg}: ${reason}`, link)
    }
  } else {
    candidates = keys.filter((key) => unsuitableReason(key, alg) === undefined)
    if (candidates.length === 0) {
      return row(
        'fail',
        'no_suitable_key',
        `no kid in the header and no key in the provider's JWKS fits ${alg}`,
        link,
        { needsJwksRefresh: true },
      )
    }
  }
  let anyInvalid = false
  let lastError: { code: CheckCode; message: string } | undefined
  for (const key of candidates) {
    const result = await verifyWith(raw, key, alg)
    const name = key.kid === undefined ? 'without kid' : key.kid
    if (result.ok) {
      const tried = typeof kid === 'string' ? '' : ' (no kid in the header: tried each fitting key)'
      return row(
        'pass',
        'signature_valid',
        `verified with key ${name} (${alg}) from the provider's JWKS${tried}`,
        link,
      )
    }
    if (result.code === 'signature_invalid') anyInvalid = true
    else lastError = { code: result.code, message: `key ${name}: ${result.message}` }
  }
  if (!anyInvalid && lastError) {
    return row('fail', lastError.code, `could not verify: ${lastError.message}`, link)
  }
  const which =
    typeof kid === 'string' ? `key ${kid}` : `any of the ${candidates.length} fitting keys`
  return row(
    'fail',
    'signature_invalid',
    `signature does not match ${which} (${alg}): the token was altered or signed by another key`,
    link,
  )
}
