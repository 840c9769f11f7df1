import { base64UrlEncode } from '@/lib/wire/base64url-encode'

/**
 * The only PKCE method the lab sends: `plain` would give the verifier away in the browser URL.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export const PKCE_METHOD = 'S256'

/**
 * Computes the S256 `code_challenge`: BASE64URL(SHA-256(ASCII(code_verifier))), with WebCrypto.
 * It does not check the verifier's length or alphabet; see `isValidCodeVerifier`.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function calculatePkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64UrlEncode(new Uint8Array(digest))
}

/**
 * True when the verifier has 43–128 characters from `[A-Z a-z 0-9 - . _ ~]`, as RFC 7636 requires.
 * It does not measure entropy.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function isValidCodeVerifier(verifier: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)
}
