/** The tokens of a pasted token response (JSON, or a form / URL fragment), by their spec names. */
export interface PastedTokens {
  id_token?: string
  access_token?: string
  refresh_token?: string
}

/** What the user pasted into the inspector, after a tolerant read. */
export type InspectInput =
  | { kind: 'empty' }
  | { kind: 'token'; token: string; notes: string[] }
  | {
      kind: 'response'
      tokens: PastedTokens
      /** Other fields worth showing: token_type, expires_in, scope… as text. */
      fields: [name: string, value: string][]
      notes: string[]
    }
  | { kind: 'not_tokens'; message: string }

const TOKEN_FIELDS = ['id_token', 'access_token', 'refresh_token'] as const
const SHOWN_FIELDS = ['token_type', 'expires_in', 'refresh_expires_in', 'scope', 'session_state']
const CLAIM_NAMES = ['iss', 'sub', 'aud', 'exp', 'iat']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fromRecord(record: Record<string, unknown>, notes: string[]): InspectInput | undefined {
  const tokens: PastedTokens = {}
  for (const name of TOKEN_FIELDS) {
    const value = record[name]
    if (typeof value === 'string' && value.trim() !== '') tokens[name] = value.trim()
  }
  if (Object.keys(tokens).length === 0) return undefined
  const fields: [string, string][] = []
  for (const name of SHOWN_FIELDS) {
    const value = record[name]
    if (typeof value === 'string' || typeof value === 'number') fields.push([name, String(value)])
  }
  return { kind: 'response', tokens, fields, notes }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/** Finds `"id_token": "…"` pairs in text that is not valid JSON (cut off, or with HTTP headers). */
function scanTokenPairs(text: string): Record<string, unknown> {
  const found: Record<string, unknown> = {}
  for (const name of TOKEN_FIELDS) {
    const match = new RegExp(`"${name}"\\s*:\\s*"([^"\\s]+)"`).exec(text)
    if (match?.[1]) found[name] = match[1]
  }
  return found
}

function fromJsonText(text: string): InspectInput {
  const start = Math.max(0, text.search(/[[{]/))
  const end = text.lastIndexOf(text.charAt(start) === '[' ? ']' : '}')
  const notes = start > 0 ? ['ignored the text before the JSON (HTTP headers?)'] : []
  const parsed = parseJson(end > start ? text.slice(start, end + 1) : text.slice(start))
  if (parsed.ok && isRecord(parsed.value)) {
    const response = fromRecord(parsed.value, notes)
    if (response) return response
    const claims = CLAIM_NAMES.filter((name) => name in (parsed.value as object))
    return {
      kind: 'not_tokens',
      message:
        claims.length >= 2
          ? `This JSON looks like decoded claims (${claims.join(', ')}), not a token: paste the encoded token (eyJ…) so the signature can be checked.`
          : 'This JSON has no id_token, access_token or refresh_token: paste a token, or a whole token response.',
    }
  }
  const scanned = fromRecord(scanTokenPairs(text), [
    ...notes,
    parsed.ok
      ? 'the JSON is not an object; found the tokens by name'
      : `the JSON is not valid (${parsed.message}); found the tokens by name`,
  ])
  return (
    scanned ?? {
      kind: 'not_tokens',
      message: parsed.ok
        ? 'This JSON is not an object with tokens: paste a token, or a whole token response.'
        : `This looks like JSON but is not valid: ${parsed.message}`,
    }
  )
}

function fromForm(text: string): InspectInput | undefined {
  const query = text.slice(Math.max(text.indexOf('#'), text.indexOf('?')) + 1)
  const params = new URLSearchParams(query.includes('=') ? query : '')
  const record: Record<string, unknown> = {}
  params.forEach((value, name) => {
    record[name] = value
  })
  return fromRecord(record, ['read as form / URL parameters'])
}

/**
 * Reads what was pasted into the inspector: a single token (JWT or opaque, with `Bearer ` or an
 * `Authorization:` header name tolerated), a token response as JSON (also inside an HTTP response
 * dump or cut off, found by name), or the same fields as form / URL-fragment parameters. It only
 * extracts strings; it does not decode or validate any token (see `decodeJwt` and the checks).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function parseInspectInput(text: string): InspectInput {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'empty' }
  if (/^[[{]/.test(trimmed) || /"(id|access|refresh)_token"\s*:/.test(trimmed)) {
    return fromJsonText(trimmed)
  }
  if (/(^|[?#&])(id|access|refresh)_token=/.test(trimmed)) {
    const form = fromForm(trimmed)
    if (form) return form
  }
  const header = /^authorization\s*:\s*/i.exec(trimmed)
  if (header) {
    return {
      kind: 'token',
      token: trimmed.slice(header[0].length),
      notes: ['removed the "Authorization:" header name'],
    }
  }
  return { kind: 'token', token: trimmed, notes: [] }
}
