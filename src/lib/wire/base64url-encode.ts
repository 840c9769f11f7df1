/** base64url (RFC 4648 §5) encoding, apart from the decoder in base64url.ts (see there). */

/**
 * Encodes bytes as base64url without padding (`+`→`-`, `/`→`_`, no `=`), the alphabet PKCE and JWTs use.
 * @see https://www.rfc-editor.org/rfc/rfc7636#appendix-A
 */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
