import type { HttpResponseRecord } from '@/lib/wire/http-types'
import type { OidcError, OidcErrorCode, ProviderError } from './types'

/**
 * Error codes RFC 6749 §5.2 defines for the token endpoint, with one plain sentence each.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export const TOKEN_ERROR_MEANINGS = {
  invalid_request:
    'The request is missing a parameter, repeats one, or is otherwise malformed (for example a missing PKCE code_verifier).',
  invalid_client:
    'The provider could not authenticate the client: unknown client, wrong secret, or a secret missing or sent the wrong way.',
  invalid_grant:
    'The authorization code (or refresh token) is invalid, expired, already used, or was issued for another redirect_uri or PKCE verifier.',
  unauthorized_client: 'This client is not allowed to use this grant type.',
  unsupported_grant_type: 'The provider does not support this grant_type, or not for this client.',
  invalid_scope: 'The requested scope is invalid, unknown, or exceeds what was granted.',
} as const satisfies Partial<Record<OidcErrorCode, string>>

/**
 * Error codes RFC 8628 §3.5 adds for the token endpoint while a client polls with a device code,
 * with one plain sentence each. The first two mean "keep polling", the last two "stop".
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export const DEVICE_TOKEN_ERROR_MEANINGS = {
  authorization_pending: 'The user has not finished the device authorization yet; keep polling.',
  slow_down:
    'The authorization is still pending and the client polls too fast; add 5 seconds to the interval.',
  access_denied: 'The user refused the device authorization.',
  expired_token: 'The device_code expired before the user finished.',
} as const satisfies Partial<Record<OidcErrorCode, string>>

/**
 * Error codes an authorization response may carry (RFC 6749 §4.1.2.1 and OIDC Core §3.1.2.6), with
 * one plain sentence each.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthError
 */
export const AUTHORIZATION_ERROR_MEANINGS: Readonly<Record<string, string>> = {
  invalid_request: 'The authorization request is missing a parameter or has an invalid one.',
  unauthorized_client: 'This client may not request a code this way (e.g. standard flow disabled).',
  access_denied: 'The user or the provider refused the request.',
  unsupported_response_type: 'The provider does not allow this response_type for this client.',
  invalid_scope: 'A requested scope is invalid, unknown, or not allowed for this client.',
  server_error: 'The provider hit an unexpected error.',
  temporarily_unavailable:
    'The provider is overloaded or down for maintenance, or the login expired.',
  interaction_required: 'prompt=none was sent but the user must interact with the provider.',
  login_required: 'prompt=none was sent but the user has no session at the provider.',
  account_selection_required: 'prompt=none was sent but the user must choose an account.',
  consent_required: 'prompt=none was sent but the user must first consent.',
  invalid_request_uri: 'The request_uri is invalid or could not be fetched.',
  invalid_request_object: 'The request object (JAR) is invalid.',
  request_not_supported: 'The provider does not support the request parameter.',
  request_uri_not_supported: 'The provider does not support the request_uri parameter.',
  registration_not_supported: 'The provider does not support the registration parameter.',
}

/**
 * Error codes RFC 6750 §3.1 defines for protected resources such as userinfo, with one plain
 * sentence each.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export const BEARER_ERROR_MEANINGS = {
  invalid_request: 'The request is malformed (e.g. the token was sent in two places).',
  invalid_token:
    'The access token is expired, revoked, malformed, or not valid for this resource (e.g. another realm).',
  insufficient_scope: 'The access token is valid but lacks a scope this resource requires.',
} as const satisfies Partial<Record<OidcErrorCode, string>>

/**
 * True when `code` is one of the six RFC 6749 §5.2 token endpoint error codes.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function isTokenErrorCode(code: string): code is keyof typeof TOKEN_ERROR_MEANINGS {
  return Object.hasOwn(TOKEN_ERROR_MEANINGS, code)
}

/**
 * True when `code` is one of the four RFC 8628 §3.5 device polling error codes.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export function isDeviceTokenErrorCode(
  code: string,
): code is keyof typeof DEVICE_TOKEN_ERROR_MEANINGS {
  return Object.hasOwn(DEVICE_TOKEN_ERROR_MEANINGS, code)
}

/**
 * True when `code` is one of the three RFC 6750 §3.1 bearer error codes.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function isBearerErrorCode(code: string): code is keyof typeof BEARER_ERROR_MEANINGS {
  return Object.hasOwn(BEARER_ERROR_MEANINGS, code)
}

/**
 * Builds an {@link OidcError}; a tiny helper so call sites read as data.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function oidcError(
  code: OidcErrorCode,
  message: string,
  extra: Omit<OidcError, 'code' | 'message'> = {},
): OidcError {
  return { code, message, ...extra }
}

/** What a response body turned out to be, parsed once for every process helper. */
export type BodyShape =
  | { kind: 'json'; value: unknown }
  | { kind: 'html'; preview: string }
  | {
      kind: 'text'
      preview: string
      /** Set when the body looked like JSON but does not parse (cut off, or a syntax error). */
      brokenJson?: { truncated: boolean; reason: string }
    }
  | { kind: 'empty' }

const PREVIEW_LENGTH = 200

/**
 * The first characters of a body for messages, whitespace collapsed, with an ellipsis when cut.
 * It does not strip HTML tags.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-6.4
 */
export function bodyPreview(body: string, length: number = PREVIEW_LENGTH): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length)}…` : flat
}

/** True when a JSON text ends before its brackets and strings close (a cut-off body). */
export function looksTruncated(text: string): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') depth--
  }
  return inString || depth > 0
}

/**
 * Classifies a body as JSON, HTML, other text or empty, tolerating a BOM and surrounding whitespace.
 * It parses JSON whatever the `Content-Type` says (providers mislabel it) and does not validate the
 * JSON's shape.
 * @see https://www.rfc-editor.org/rfc/rfc8259
 */
export function readBody(body: string): BodyShape {
  const text = body.replace(/^\uFEFF/, '').trim()
  if (!text) return { kind: 'empty' }
  if (/^(null|true|false|-?\d[\d.eE+-]*)$/.test(text)) {
    // a bare JSON literal (`null`, `42`): JSON, but not an object; the caller says so
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown }
    } catch {
      // fall through: a number-like text that is not JSON
    }
  }
  if (text.startsWith('{') || text.startsWith('[') || text.startsWith('"')) {
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return {
        kind: 'text',
        preview: bodyPreview(text),
        brokenJson: { truncated: looksTruncated(text), reason },
      }
    }
  }
  if (
    /^<(!doctype html|html|head|body|\?xml|!--)/i.test(text) ||
    /<\/(html|body|title)>/i.test(text)
  ) {
    return { kind: 'html', preview: bodyPreview(text) }
  }
  return { kind: 'text', preview: bodyPreview(text) }
}

/**
 * True for a plain JSON object (not an array or null).
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-4
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads `error`, `error_description` and `error_uri` from a parsed JSON body when `error` is a
 * string. It does not check that the code is a standard one.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function providerErrorFromJson(value: unknown): ProviderError | undefined {
  if (!isJsonObject(value) || typeof value.error !== 'string') return undefined
  const found: ProviderError = { error: value.error }
  if (typeof value.error_description === 'string') found.error_description = value.error_description
  if (typeof value.error_uri === 'string') found.error_uri = value.error_uri
  return found
}

/**
 * The `<title>` of an HTML page, if any: often the best one-line summary of a proxy or login page.
 * @see https://html.spec.whatwg.org/multipage/semantics.html#the-title-element
 */
export function htmlTitle(body: string): string | undefined {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(body)
  const title = match?.[1]?.replace(/\s+/g, ' ').trim()
  return title || undefined
}

/**
 * Describes a non-JSON body in one sentence for error messages ("an HTML page titled …").
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.content-type
 */
export function describeNonJsonBody(response: HttpResponseRecord, shape: BodyShape): string {
  const contentType = response.headers['content-type']
  const typeNote = contentType ? ` (Content-Type: ${contentType})` : ''
  switch (shape.kind) {
    case 'empty':
      return `an empty body${typeNote}`
    case 'html': {
      const title = htmlTitle(response.body)
      return `an HTML page${title ? ` titled “${title}”` : ''}${typeNote}, starting: ${shape.preview}`
    }
    case 'text':
      if (shape.brokenJson) return brokenJsonText(shape.brokenJson, typeNote, shape.preview)
      return `plain text${typeNote}, starting: ${shape.preview}`
    case 'json':
      return shape.value === null ? `the JSON literal null${typeNote}` : `JSON${typeNote}`
  }
}

/**
 * True for a 2xx status.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.3
 */
export const isSuccessStatus = (status: number): boolean => status >= 200 && status < 300

function brokenJsonText(
  broken: { truncated: boolean; reason: string },
  typeNote: string,
  preview: string,
): string {
  return broken.truncated
    ? `JSON that is cut off before its end${typeNote} (${broken.reason}): the response was truncated by a proxy, a size limit or a dropped connection; it starts: ${preview}`
    : `malformed JSON${typeNote} (${broken.reason}), starting: ${preview}`
}

/**
 * The `detail` for a body that is not the JSON object an endpoint should send: HTML, empty, JSON cut
 * off before its end, malformed JSON, the literal `null`, or other text. Undefined for a JSON object.
 */
export function bodyShapeDetail(
  shape: BodyShape,
):
  | 'html'
  | 'empty_body'
  | 'truncated_json'
  | 'malformed_json'
  | 'null_body'
  | 'not_an_object'
  | 'not_json'
  | undefined {
  switch (shape.kind) {
    case 'html':
      return 'html'
    case 'empty':
      return 'empty_body'
    case 'text':
      if (shape.brokenJson) return shape.brokenJson.truncated ? 'truncated_json' : 'malformed_json'
      return 'not_json'
    case 'json':
      if (shape.value === null) return 'null_body'
      return isJsonObject(shape.value) ? undefined : 'not_an_object'
  }
}
