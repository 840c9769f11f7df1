import { decodeUtf8Strict, inspectBase64Url, type Base64UrlInspection } from '@/lib/wire/base64url'

/** What a pasted or received token turned out to be. `malformed` means at least one `error` problem. */
export type TokenKind = 'jws' | 'jwe' | 'unsecured' | 'opaque' | 'malformed'

/**
 * The role of one dot-separated segment. `opaque` is the whole of a non-JWT token; `unknown` is a
 * segment beyond the ones a JWS or JWE defines.
 */
export type TokenPartRole =
  | 'header'
  | 'payload'
  | 'signature'
  | 'encrypted_key'
  | 'iv'
  | 'ciphertext'
  | 'tag'
  | 'opaque'
  | 'unknown'

/** One segment of the token, in order, as it appears in `raw` (for colouring the token). */
export interface TokenPart {
  text: string
  role: TokenPartRole
}

/** Stable codes for what is wrong with a token's shape or encoding. */
export type DecodeProblemCode =
  | 'empty'
  | 'not_compact'
  | 'whitespace'
  | 'bearer_prefix'
  | 'quoted'
  | 'wrong_part_count'
  | 'empty_part'
  | 'bad_base64url'
  | 'base64_not_url'
  | 'padding'
  | 'bad_utf8'
  | 'bad_json'
  | 'not_object'
  | 'missing_alg'
  | 'missing_enc'
  | 'missing_signature'
  | 'unexpected_signature'

/** One thing wrong with the token; `error`s make it `malformed`, `warning`s were tolerated. */
export interface DecodeProblem {
  part: TokenPartRole | 'token'
  code: DecodeProblemCode
  severity: 'error' | 'warning'
  /** One line, starting with the part, e.g. `payload: not valid base64url at position 17: …`. */
  message: string
  /** 0-based character index inside the part (after cleaning), when the problem has one. */
  position?: number
}

/** Everything `decodeJwt` could read from a token, plus what it could not. */
export interface DecodedToken {
  kind: TokenKind
  /** The token as decoded: trimmed, without quotes, `Bearer ` or inner whitespace. */
  raw: string
  parts: TokenPart[]
  header?: Record<string, unknown>
  payload?: Record<string, unknown>
  /** The signature segment as base64url text (JWS only; empty string for an unsecured JWT). */
  signature?: string
  /** The decoded UTF-8 text of the header, also when it is not valid JSON. */
  headerText?: string
  /** The decoded UTF-8 text of the payload, also when it is not valid JSON. */
  payloadText?: string
  problems: DecodeProblem[]
  /** One sentence about what this kind of token is and who can read it. */
  note: string
}

/**
 * The sentence the UI shows next to every decoded token.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 */
export const DECODE_ONLY_NOTICE =
  'Decoded only: this does not validate the signature or any claim; see the checks for that.'

/**
 * One-sentence explanation per kind, shown as `DecodedToken.note`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 */
export const TOKEN_KIND_NOTES: Record<TokenKind, string> = {
  jws: 'Signed JWT (JWS): anyone can read these claims; only signature verification with the provider’s key proves who wrote them.',
  unsecured:
    'Unsecured JWT (alg none): there is no signature, so anyone could have written these claims; never accept it as an ID token.',
  jwe: 'Encrypted JWT (JWE): the header is readable, the payload is encrypted for the recipient; only the holder of the decryption key can read the claims.',
  opaque: 'Not a JWT: an opaque reference token; only the provider can read it (introspection).',
  malformed:
    'Not a well-formed JWT: see the problems; what could be decoded is shown as far as it goes.',
}

type PartLabel = TokenPartRole | 'token'

interface JsonPartResult {
  value?: Record<string, unknown>
  text?: string
}

function encodingProblems(part: PartLabel, decoded: Base64UrlInspection): DecodeProblem[] {
  if (!decoded.ok) {
    return [
      {
        part,
        code: 'bad_base64url',
        severity: 'error',
        position: decoded.position,
        message: `${part}: not valid base64url at position ${decoded.position}: ${decoded.reason}`,
      },
    ]
  }
  const problems: DecodeProblem[] = []
  if (decoded.standardChars) {
    problems.push({
      part,
      code: 'base64_not_url',
      severity: 'error',
      message: `${part}: uses '+' or '/' (standard base64); a JWT uses base64url ('-' and '_'), so it was re-encoded or copied wrongly`,
    })
  }
  if (decoded.padding) {
    problems.push({
      part,
      code: 'padding',
      severity: 'warning',
      message: `${part}: ends with '=' padding, which JWS base64url omits; tolerated`,
    })
  }
  return problems
}

/** Decodes a header or payload segment: base64url → UTF-8 → JSON → object, stopping at the first failure. */
function decodeJsonPart(
  text: string,
  part: 'header' | 'payload',
  problems: DecodeProblem[],
): JsonPartResult {
  if (text === '') {
    problems.push({
      part,
      code: 'empty_part',
      severity: 'error',
      message: `${part}: empty`,
    })
    return {}
  }
  const decoded = inspectBase64Url(text)
  problems.push(...encodingProblems(part, decoded))
  if (!decoded.ok) return {}
  const json = decodeUtf8Strict(decoded.bytes)
  if (json === undefined) {
    problems.push({
      part,
      code: 'bad_utf8',
      severity: 'error',
      message: `${part}: base64url decodes but the bytes are not UTF-8 text`,
    })
    return {}
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    problems.push({
      part,
      code: 'bad_json',
      severity: 'error',
      message: `${part}: base64url decodes but is not JSON: ${reason}`,
    })
    return { text: json }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
    problems.push({
      part,
      code: 'not_object',
      severity: 'error',
      message: `${part}: JSON but not an object (it is ${what})`,
    })
    return { text: json }
  }
  return { value: value as Record<string, unknown>, text: json }
}

/** Checks a binary segment (signature, JWE parts) is base64url without decoding it for display. */
function checkBinaryPart(
  text: string,
  part: TokenPartRole,
  problems: DecodeProblem[],
  allowEmpty: boolean,
): void {
  if (text === '') {
    if (!allowEmpty) {
      problems.push({ part, code: 'empty_part', severity: 'error', message: `${part}: empty` })
    }
    return
  }
  problems.push(...encodingProblems(part, inspectBase64Url(text)))
}

/**
 * A JWT's header and payload are JSON objects, so their base64url starts `ey` (`{"`) or decodes to
 * text starting with `{` or `[`; anything else is treated as an opaque token.
 */
function looksLikeJson(segment: string): boolean {
  if (segment.startsWith('ey')) return true
  const decoded = inspectBase64Url(segment)
  if (!decoded.ok || decoded.bytes.length === 0) return false
  return /^\s*[{[]/.test(decodeUtf8Strict(decoded.bytes) ?? '')
}

const JWS_ROLES: readonly TokenPartRole[] = ['header', 'payload', 'signature']
const JWE_ROLES: readonly TokenPartRole[] = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag']

interface CleanedInput {
  token: string
  problems: DecodeProblem[]
}

function cleanInput(input: string): CleanedInput {
  const problems: DecodeProblem[] = []
  let token = input.trim()
  if (token.length >= 2 && /^(["'`]).*\1$/s.test(token)) {
    token = token.slice(1, -1).trim()
    problems.push({
      part: 'token',
      code: 'quoted',
      severity: 'warning',
      message: 'token: removed surrounding quotes (copied from JSON or code?)',
    })
  }
  const bearer = /^bearer\s+/i.exec(token)
  if (bearer) {
    token = token.slice(bearer[0].length)
    problems.push({
      part: 'token',
      code: 'bearer_prefix',
      severity: 'warning',
      message: `token: removed the leading '${bearer[0].trim()} ': that is the HTTP Authorization scheme, not part of the token`,
    })
  }
  const inner = /\s/.exec(token)
  if (inner) {
    const position = inner.index
    token = token.replace(/\s+/g, '')
    problems.push({
      part: 'token',
      code: 'whitespace',
      severity: 'warning',
      position,
      message: `token: removed whitespace inside the token (first at position ${position}); a line break from copying?`,
    })
  }
  return { token, problems }
}

function withKind(
  result: Omit<DecodedToken, 'kind' | 'note'>,
  kindIfValid: Exclude<TokenKind, 'malformed'>,
): DecodedToken {
  const kind = result.problems.some((p) => p.severity === 'error') ? 'malformed' : kindIfValid
  return { ...result, kind, note: TOKEN_KIND_NOTES[kind] }
}

/**
 * Decodes a JWT (JWS, unsecured JWS, or the readable header of a JWE) as far as it can and never
 * throws: it classifies the shape and lists every problem by part, with a stable code.
 * This does not validate the JWS signature, nor any claim (`exp`, `iss`, `aud`…): use the checks
 * for that. It does not decrypt a JWE and does not detect duplicate JSON member names.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 */
export function decodeJwt(input: string): DecodedToken {
  const { token, problems } = cleanInput(typeof input === 'string' ? input : '')
  if (token === '') {
    problems.push({ part: 'token', code: 'empty', severity: 'error', message: 'token: empty' })
    return withKind({ raw: token, parts: [], problems }, 'opaque')
  }
  if (/^[{[]/.test(token)) {
    problems.push({
      part: 'token',
      code: 'not_compact',
      severity: 'error',
      message: 'token: this is raw JSON, not a token; a JWT is base64url parts separated by dots',
    })
    return withKind({ raw: token, parts: [{ text: token, role: 'unknown' }], problems }, 'opaque')
  }
  const segments = token.split('.')
  const first = segments[0] ?? ''
  if (!segments.slice(0, 2).some(looksLikeJson)) {
    return withKind({ raw: token, parts: [{ text: token, role: 'opaque' }], problems }, 'opaque')
  }

  if (segments.length === 5) {
    const parts = segments.map((text, i) => ({ text, role: JWE_ROLES[i] ?? 'unknown' }))
    const header = decodeJsonPart(first, 'header', problems)
    if (header.value && typeof header.value.alg !== 'string') {
      problems.push(missingHeaderParameter('alg', 'missing_alg', 'RFC 7516 §4.1.1'))
    }
    if (header.value && typeof header.value.enc !== 'string') {
      problems.push(missingHeaderParameter('enc', 'missing_enc', 'RFC 7516 §4.1.2'))
    }
    segments.forEach((text, i) => {
      const role = JWE_ROLES[i]
      if (role && role !== 'header') checkBinaryPart(text, role, problems, role === 'encrypted_key')
    })
    return withKind(
      { raw: token, parts, header: header.value, headerText: header.text, problems },
      'jwe',
    )
  }

  const parts = segments.map((text, i) => ({ text, role: JWS_ROLES[i] ?? 'unknown' }))
  if (segments.length !== 3) {
    problems.push({
      part: 'token',
      code: 'wrong_part_count',
      severity: 'error',
      message: wrongPartCountMessage(segments.length),
    })
  }
  const header = decodeJsonPart(first, 'header', problems)
  const payload = segments.length > 1 ? decodeJsonPart(segments[1] ?? '', 'payload', problems) : {}
  const signature = segments[2]
  const alg = header.value?.alg
  if (header.value && typeof alg !== 'string') {
    problems.push(missingHeaderParameter('alg', 'missing_alg', 'RFC 7515 §4.1.1'))
  }
  const unsecured = alg === 'none'
  if (signature !== undefined) {
    if (unsecured && signature !== '') {
      problems.push({
        part: 'signature',
        code: 'unexpected_signature',
        severity: 'error',
        message: 'signature: present although alg is none; an unsecured JWT has an empty signature',
      })
    } else if (!unsecured && signature === '' && typeof alg === 'string') {
      problems.push({
        part: 'signature',
        code: 'missing_signature',
        severity: 'error',
        message: `signature: empty although alg is ${alg}; the signature was stripped`,
      })
    } else {
      checkBinaryPart(signature, 'signature', problems, true)
    }
  }
  return withKind(
    {
      raw: token,
      parts,
      header: header.value,
      payload: payload.value,
      signature,
      headerText: header.text,
      payloadText: payload.text,
      problems,
    },
    unsecured ? 'unsecured' : 'jws',
  )
}

function missingHeaderParameter(
  name: 'alg' | 'enc',
  code: 'missing_alg' | 'missing_enc',
  section: string,
): DecodeProblem {
  return {
    part: 'header',
    code,
    severity: 'error',
    message: `header: no "${name}" string parameter (required by ${section})`,
  }
}

function wrongPartCountMessage(count: number): string {
  const base = `token: ${count} part${count === 1 ? '' : 's'} separated by dots; a JWS has 3, a JWE has 5`
  if (count === 2)
    return `${base}. The signature part is missing (even an unsigned JWT ends with '.')`
  return base
}
