import { base64UrlEncode } from '@/lib/wire/base64url-encode'

/** WebCrypto digest names used by OIDC token hashes. */
export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512'

/**
 * The hash an ID token's `at_hash`/`c_hash` uses for its JOSE `alg`: SHA-2 of the alg's size, and
 * SHA-512 for EdDSA/Ed25519. Undefined for `none`, Ed448 (SHAKE256) and unknown algorithms.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken
 */
export function hashForAlg(alg: string): HashName | undefined {
  const size = /^(?:RS|PS|ES|HS)(256|384|512)$/.exec(alg)?.[1]
  if (size) return `SHA-${size}` as HashName
  if (alg === 'ES256K') return 'SHA-256'
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'SHA-512'
  return undefined
}

/**
 * Computes `at_hash` (or `c_hash`, given the code): base64url of the left half of the hash of the
 * token's ASCII octets, with the hash chosen by the ID token's `alg`. Returns undefined when the
 * alg has no known hash. This only computes; it does not compare or verify anything.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken
 */
export async function calculateTokenHash(token: string, alg: string): Promise<string | undefined> {
  const hash = hashForAlg(alg)
  if (!hash) return undefined
  const digest = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(token)))
  return base64UrlEncode(digest.slice(0, digest.length / 2))
}
