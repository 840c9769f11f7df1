/**
 * Encodes bytes as base64url without padding (`+`→`-`, `/`→`_`, no `=`), the alphabet PKCE and JWTs use.
 * @see https://www.rfc-editor.org/rfc/rfc7636#appendix-A
 */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Decodes base64url (padding optional) to bytes; returns `undefined` for characters outside the
 * alphabet instead of throwing. It does not check that the input was canonically encoded.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5
 */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return undefined
  const base64 = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4)
  try {
    const binary = atob(padded)
    return Uint8Array.from(binary, (c) => c.charCodeAt(0))
  } catch {
    return undefined
  }
}
