const HASH_BITS: Record<string, string> = { '256': 'SHA-256', '384': 'SHA-384', '512': 'SHA-512' }
const CURVES: Record<string, string> = { '256': 'P-256', '384': 'P-384', '512': 'P-521' }

/**
 * One plain sentence about a JWS `alg` (or JWE key management `alg`) and who can verify it. This
 * only names the algorithm; it does not judge whether a client should accept it (see `checkAlg`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.1
 */
export function describeAlg(alg: unknown): string {
  if (typeof alg !== 'string' || alg === '') return 'No algorithm: the header has no alg.'
  if (alg === 'none') return 'No signature at all: anyone could have written this token.'
  const m = /^(HS|RS|PS|ES)(256|384|512)$/.exec(alg)
  if (m) {
    const [, family = '', bits = ''] = m
    const hash = HASH_BITS[bits] ?? bits
    if (family === 'HS') {
      return `HMAC with ${hash}: one shared secret (the client secret) both signs and verifies, so only the provider and that client can check it.`
    }
    const scheme =
      family === 'RS'
        ? `RSA (PKCS#1 v1.5) with ${hash}`
        : family === 'PS'
          ? `RSA-PSS with ${hash}`
          : `ECDSA on curve ${CURVES[bits] ?? bits} with ${hash}`
    return `${scheme}: the provider signs with its private key; anyone verifies with the public key from its JWKS.`
  }
  if (alg === 'EdDSA' || alg === 'Ed25519' || alg === 'Ed448') {
    return 'Edwards-curve signature (EdDSA): the provider signs with its private key; anyone verifies with the public key from its JWKS.'
  }
  if (/^RSA-OAEP|^RSA1_5$/.test(alg)) {
    return 'Key encryption with RSA: the content key is encrypted to the recipient’s public key; only the recipient can decrypt.'
  }
  if (alg.startsWith('ECDH-ES')) {
    return 'Key agreement with ECDH-ES: only the recipient, with its private key, can derive the content key.'
  }
  if (/^A(128|192|256)(GCM)?KW$/.test(alg) || alg === 'dir') {
    return 'Symmetric key management: sender and recipient share a secret key.'
  }
  return 'An algorithm the lab does not describe.'
}
