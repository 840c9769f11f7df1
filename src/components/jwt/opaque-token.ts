/** What the lab can say about a token it cannot decode: its size, alphabet and recognisable shape. */
export interface OpaqueTokenFacts {
  length: number
  /** E.g. `base64url`, `hex`, `UUID`, `mixed characters`. */
  alphabet: string
  /** Approximate randomness if the characters were random, in bits (rounded down). */
  approxBits?: number
  /** Plain sentences about recognisable shapes (UUID, URL-encoded, known prefixes). */
  hints: string[]
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const PREFIXES: readonly [RegExp, string][] = [
  [/^ya29\./, 'starts with "ya29.": the shape of a Google OAuth access token'],
  [/^gh[pousr]_/, 'starts with "gh*_": the shape of a GitHub token'],
  [/^xox[abprs]-/, 'starts with "xox*-": the shape of a Slack token'],
]

/**
 * Describes an opaque (non-JWT) token for the inspector. It only looks at the characters: it cannot
 * tell whether the token is valid, expired or who it belongs to (only the provider can, through
 * introspection, RFC 7662).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662
 */
export function describeOpaqueToken(raw: string): OpaqueTokenFacts {
  const hints: string[] = []
  let alphabet = 'mixed characters'
  let bitsPerChar: number | undefined
  if (UUID.test(raw)) {
    alphabet = 'UUID'
    hints.push('a UUID: a random handle pointing to a record the provider keeps')
  } else if (/^[0-9a-f]+$/i.test(raw)) {
    alphabet = 'hex'
    bitsPerChar = 4
  } else if (/^[A-Za-z0-9_-]+$/.test(raw)) {
    alphabet = 'base64url'
    bitsPerChar = 6
  } else if (/^[A-Za-z0-9+/]+=*$/.test(raw)) {
    alphabet = 'base64'
    bitsPerChar = 6
  }
  if (/%[0-9a-f]{2}/i.test(raw)) {
    hints.push('contains %-escapes: it looks URL-encoded; decode it before using it')
  }
  for (const [pattern, hint] of PREFIXES) if (pattern.test(raw)) hints.push(hint)
  if (raw.startsWith('eyJ') && !raw.includes('.')) {
    hints.push('starts with "eyJ" but has no dots: a JWT header alone, or a cut-off JWT?')
  }
  return {
    length: raw.length,
    alphabet,
    ...(bitsPerChar !== undefined && raw.length > 0
      ? { approxBits: Math.floor(raw.length * bitsPerChar) }
      : {}),
    hints,
  }
}
