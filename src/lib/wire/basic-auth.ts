import { inspectBase64Url } from './base64url'
import { formEncode } from './form'

/**
 * The `Authorization: Basic` value for a client: client_id and secret are each form-urlencoded
 * first, then joined with `:` and base64-encoded, as RFC 6749 §2.3.1 requires (a secret containing
 * `:` or non-ASCII stays unambiguous). It does not check that the provider decodes them (some do not).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${btoa(`${formEncode(clientId)}:${formEncode(clientSecret)}`)}`
}

/** The two halves of a Basic credential exactly as they are on the wire (before form-decoding). */
export interface BasicCredentials {
  user: string
  password: string
}

/**
 * Reads an `Authorization: Basic …` value back into its user and password, split at the first `:`.
 * Under RFC 6749 §2.3.1 they are the form-urlencoded client_id and secret; this does not form-decode
 * them, so the caller sees what was sent. Returns `undefined` for another scheme or bad base64.
 * @see https://www.rfc-editor.org/rfc/rfc7617#section-2
 */
export function parseBasicAuthorization(value: string): BasicCredentials | undefined {
  const match = /^basic\s+(\S+)$/i.exec(value.trim())
  if (!match?.[1]) return undefined
  // standard base64 ('+' '/') is what Basic uses; inspectBase64Url accepts both alphabets
  const decoded = inspectBase64Url(match[1])
  if (!decoded.ok) return undefined
  const text = new TextDecoder().decode(decoded.bytes)
  const colon = text.indexOf(':')
  return colon < 0 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) }
}
