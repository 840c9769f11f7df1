import { createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto'
import { promisify } from 'node:util'
import { calculateJwkThumbprint } from 'jose'
import type { JWK } from 'oidc-provider'

export interface SigningKey {
  /** Private JWK for oidc-provider's `jwks`. */
  privateJwk: JWK
  publicKey: KeyObject
  kid: string
  /** Base64 DER SubjectPublicKeyInfo, as Keycloak shows it at `/realms/{realm}`. */
  publicKeyBase64: string
}

const generateRsaKeyPair = promisify(generateKeyPair)

/** A fresh RSA-2048 key per start: nothing secret is ever written to disk or committed. */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 })
  const jwk = privateKey.export({ format: 'jwk' })
  const { n, e, d, p, q, dp, dq, qi } = jwk
  if (!n || !e) throw new Error('RSA key export did not produce a JWK')
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n, e })
  return {
    privateJwk: { kty: 'RSA', kid, alg: 'RS256', use: 'sig', n, e, d, p, q, dp, dq, qi },
    publicKey: createPublicKey(privateKey),
    kid,
    publicKeyBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  }
}
