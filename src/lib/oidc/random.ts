import { base64UrlEncode } from '@/lib/wire/base64url-encode'

/**
 * Bytes of entropy behind every generated value: 256 bits, encoded as 43 base64url characters.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-7.1
 */
export const RANDOM_BYTES = 32

function randomBase64Url(byteLength: number = RANDOM_BYTES): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(byteLength)))
}

/**
 * A fresh `state` for one authorization request: the app compares it on the callback to refuse
 * responses it did not ask for (CSRF). It does not store the value; the caller must keep it.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export function generateState(): string {
  return randomBase64Url()
}

/**
 * A fresh `nonce` the provider copies into the ID token, so the app can refuse replayed ID tokens.
 * It does not decide whether to send it; see `shouldSendNonce`.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#NonceNotes
 */
export function generateNonce(): string {
  return randomBase64Url()
}

/**
 * A PKCE `code_verifier`: 32 random bytes as 43 base64url characters, within the 43–128 characters of
 * the unreserved alphabet RFC 7636 allows. It does not compute the challenge; see `calculatePkceChallenge`.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function generateCodeVerifier(): string {
  return randomBase64Url()
}
