/**
 * base64url (RFC 4648 §5), the one implementation: PKCE, random values, JWT segments, token hashes
 * and the Basic header all use it. Nothing here throws. The encoder is in base64url-encode.ts, so that
 * the first page (PKCE) does not carry the decoder.
 */

export { base64UrlEncode } from './base64url-encode'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i
  return table
})()
const PLUS = 43
const SLASH = 47
const EQUALS = 61

/**
 * What {@link inspectBase64Url} found: the bytes plus whether standard-base64 characters or `=`
 * padding were tolerated, or the position of the first defect and why.
 */
export type Base64UrlInspection =
  | { ok: true; bytes: Uint8Array; standardChars: boolean; padding: boolean }
  | { ok: false; position: number; reason: string }

function describeChar(char: string): string {
  if (char === ' ') return 'a space'
  const code = char.codePointAt(0) ?? 0
  if (code < 32 || code === 127) return `control character U+${code.toString(16).padStart(4, '0')}`
  return `'${char}'`
}

/**
 * Decodes base64url and locates the first defect (position and a reason such as `'%' is not a
 * base64url character`, too much `=` padding, or an impossible length). It tolerates, but flags,
 * the standard-base64 characters `+` `/` and trailing `=` padding that JWS forbids, so the caller
 * decides whether they are errors. It does not check that unused trailing bits are zero.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-2
 */
export function inspectBase64Url(text: string): Base64UrlInspection {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === EQUALS) end--
  const padding = end < text.length
  if (padding && text.length - end > 2) {
    return { ok: false, position: end, reason: 'too much = padding' }
  }
  let standardChars = false
  const values = new Uint8Array(end)
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    let value = code < 128 ? (VALUES[code] ?? -1) : -1
    if (value < 0 && (code === PLUS || code === SLASH)) {
      value = code === PLUS ? 62 : 63
      standardChars = true
    }
    if (value < 0) {
      return {
        ok: false,
        position: i,
        reason: `${describeChar(text.charAt(i))} is not a base64url character`,
      }
    }
    values[i] = value
  }
  if (end % 4 === 1) {
    return {
      ok: false,
      position: end,
      reason: `${end} characters is not a possible base64url length (truncated?)`,
    }
  }
  const bytes = new Uint8Array(Math.floor((end * 3) / 4))
  let out = 0
  let i = 0
  for (; i + 4 <= end; i += 4) {
    const n =
      ((values[i] ?? 0) << 18) |
      ((values[i + 1] ?? 0) << 12) |
      ((values[i + 2] ?? 0) << 6) |
      (values[i + 3] ?? 0)
    bytes[out++] = (n >> 16) & 0xff
    bytes[out++] = (n >> 8) & 0xff
    bytes[out++] = n & 0xff
  }
  const rest = end - i
  if (rest >= 2) {
    const n = ((values[i] ?? 0) << 18) | ((values[i + 1] ?? 0) << 12) | ((values[i + 2] ?? 0) << 6)
    bytes[out++] = (n >> 16) & 0xff
    if (rest === 3) bytes[out++] = (n >> 8) & 0xff
  }
  return { ok: true, bytes, standardChars, padding }
}

/**
 * Decodes base64url (padding optional) to bytes; returns `undefined` for characters outside the
 * alphabet (including the standard-base64 `+` and `/`) instead of throwing. It does not check that
 * the input was canonically encoded.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5
 */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  const decoded = inspectBase64Url(text)
  return decoded.ok && !decoded.standardChars ? decoded.bytes : undefined
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes bytes as UTF-8, returning `undefined` for invalid sequences instead of replacing them
 * with U+FFFD (so a defect is reported, not hidden). It does not strip a BOM.
 * @see https://encoding.spec.whatwg.org/#utf-8-decode
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * Decodes base64url text to a UTF-8 string, or `undefined` when it is not base64url or the bytes
 * are not valid UTF-8. It does not say where it failed; use {@link inspectBase64Url} for that.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5
 */
export function base64UrlDecodeText(text: string): string | undefined {
  const bytes = base64UrlDecode(text)
  return bytes ? decodeUtf8Strict(bytes) : undefined
}

/**
 * Number of bytes a base64url text decodes to (ignoring padding), without decoding it. It does not
 * check the characters.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5
 */
export function base64UrlByteLength(text: string): number {
  const length = text.replace(/=+$/, '').length
  return Math.floor((length * 3) / 4)
}
