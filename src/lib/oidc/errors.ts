import type { HttpResponseRecord } from '@/lib/wire/http-types'
import type { OidcError, OidcErrorCode, ProviderError } from './types'

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
