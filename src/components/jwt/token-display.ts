import type { DecodedToken, DecodeProblem, TokenPart, TokenPartRole } from '@/lib/jwt/decode-jwt'
import { base64UrlDecodeText } from '@/lib/wire/base64url'

/** What the inspector shows for one token: its parts and problems, plus a short label. */
export interface TokenDisplay {
  /** Short kind label for the badge, e.g. `Signed JWT (JWS)`. */
  label: string
  parts: TokenPart[]
  problems: DecodeProblem[]
  /** An "opaque" token shaped like a JWT (3 or 5 dot-separated parts) that does not decode. */
  brokenJwt: boolean
}

const LABELS: Record<DecodedToken['kind'], string> = {
  jws: 'Signed JWT (JWS)',
  jwe: 'Encrypted JWT (JWE)',
  unsecured: 'Unsecured JWT (alg none)',
  opaque: 'Opaque token',
  malformed: 'Malformed JWT',
}

const BASE64URL = /^[A-Za-z0-9_-]*$/
const JWS_ROLES: readonly TokenPartRole[] = ['header', 'payload', 'signature']
const JWE_ROLES: readonly TokenPartRole[] = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag']

function firstBadChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (!BASE64URL.test(text.charAt(i))) return i
  }
  return -1
}

function showChar(char: string): string {
  const code = char.codePointAt(0) ?? 0
  return code < 32 || code === 127 ? `U+${code.toString(16).padStart(4, '0')}` : `'${char}'`
}

function partProblems(text: string, role: TokenPartRole, json: boolean): DecodeProblem[] {
  if (text === '') {
    return role === 'signature' || role === 'encrypted_key'
      ? []
      : [{ part: role, code: 'empty_part', severity: 'error', message: `${role}: empty` }]
  }
  const bad = firstBadChar(text)
  if (bad >= 0) {
    const char = text.charAt(bad)
    return [
      {
        part: role,
        code: 'bad_base64url',
        severity: 'error',
        position: bad,
        message: `${role}: not valid base64url at position ${bad}: ${showChar(char)} is not a base64url character`,
      },
    ]
  }
  if (!json) return []
  const decoded = base64UrlDecodeText(text)
  if (decoded !== undefined && /^\s*\{/.test(decoded)) return []
  return [
    {
      part: role,
      code: 'bad_json',
      severity: 'error',
      message: `${role}: does not decode to a JSON object (a JWT ${role} is base64url JSON and starts with "eyJ", which is '{"')`,
    },
  ]
}

/**
 * Explains a token `decodeJwt` called opaque but that is shaped like a JWT (3 or 5 dot-separated
 * parts): which part fails to decode and where, so a damaged JWT is not mistaken for an opaque one.
 * This only looks at the shape; it does not decide that the token is invalid for its provider.
 */
export function explainJwtShape(raw: string): { parts: TokenPart[]; problems: DecodeProblem[] } {
  const segments = raw.split('.')
  const roles = segments.length === 5 ? JWE_ROLES : segments.length === 3 ? JWS_ROLES : undefined
  if (!roles) return { parts: [{ text: raw, role: 'opaque' }], problems: [] }
  const parts = segments.map((text, i) => ({ text, role: roles[i] ?? 'unknown' }))
  const problems = parts.flatMap((part) =>
    partProblems(part.text, part.role, part.role === 'header' || part.role === 'payload'),
  )
  return { parts, problems }
}

/**
 * What to show for a decoded token: the kind label, the parts to colour and every problem,
 * including those of an "opaque" token that is really a damaged JWT. Never throws.
 */
export function describeTokenDisplay(token: DecodedToken): TokenDisplay {
  if (token.kind === 'opaque' && token.problems.length === 0) {
    const shape = explainJwtShape(token.raw)
    if (shape.problems.length > 0) {
      return {
        label: 'Not a valid JWT',
        parts: shape.parts,
        problems: [
          {
            part: 'token',
            code: 'not_compact',
            severity: 'error',
            message: `token: ${shape.parts.length} dot-separated parts like a JWT, but it does not decode as one; if it is really an opaque token, only the provider can read it`,
          },
          ...shape.problems,
        ],
        brokenJwt: true,
      }
    }
  }
  return {
    label: LABELS[token.kind],
    parts: token.parts,
    problems: token.problems,
    brokenJwt: false,
  }
}

/** The first `error` problem of a part (what the raw view highlights), if any. */
export function partError(problems: readonly DecodeProblem[], role: TokenPartRole) {
  return problems.find((p) => p.part === role && p.severity === 'error')
}
