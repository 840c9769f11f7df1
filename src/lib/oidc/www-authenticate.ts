import type { WwwAuthenticateChallenge } from './types'

export type { WwwAuthenticateChallenge } from './types'

const isTchar = (c: string | undefined): boolean =>
  c !== undefined && /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/.test(c)
const isToken68Char = (c: string | undefined): boolean =>
  c !== undefined && /^[A-Za-z0-9\-._~+/]$/.test(c)
const isWhitespace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\r' || c === '\n'

/**
 * Parses a `WWW-Authenticate` value into challenges, following the RFC 7235 §4.1 grammar: several
 * challenges separated by commas, `token` or quoted-string parameter values with backslash escapes,
 * or a token68. Parameter names are lower-cased; the scheme keeps its case (compare it
 * case-insensitively, e.g. with {@link findChallenge}). It never throws: junk is skipped, an
 * unterminated quote runs to the end, and an unquoted value runs to the next comma (so
 * `error_description=Missing openid scope` still reads as one value). A repeated parameter keeps its
 * first value. It does not check that parameter values are meaningful for the scheme.
 * @see https://www.rfc-editor.org/rfc/rfc7235#section-4.1
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export function parseWwwAuthenticate(
  header: string | null | undefined,
): WwwAuthenticateChallenge[] {
  const input = typeof header === 'string' ? header : ''
  const n = input.length
  const challenges: WwwAuthenticateChallenge[] = []
  let i = 0

  const skipWhitespace = (): void => {
    while (i < n && isWhitespace(input[i])) i++
  }
  const skipToComma = (): void => {
    while (i < n && input[i] !== ',') i++
  }
  const readToken = (): string => {
    const start = i
    while (i < n && isTchar(input[i])) i++
    return input.slice(start, i)
  }
  const readQuoted = (): string => {
    let out = ''
    i++ // opening quote
    while (i < n) {
      const c = input[i] ?? ''
      if (c === '\\' && i + 1 < n) {
        out += input[i + 1] ?? ''
        i += 2
      } else if (c === '"') {
        i++
        return out
      } else {
        out += c
        i++
      }
    }
    return out
  }
  const readUnquoted = (): string => {
    const start = i
    skipToComma()
    return input.slice(start, i).trim()
  }
  /** `token BWS "=" BWS (token / quoted-string)` starts at `at` (a token68 ending in `=` does not). */
  const paramStartsAt = (at: number): boolean => {
    let k = at
    while (k < n && isTchar(input[k])) k++
    if (k === at) return false
    while (k < n && isWhitespace(input[k])) k++
    if (input[k] !== '=') return false
    k++
    while (k < n && isWhitespace(input[k])) k++
    return k < n && input[k] !== '=' && input[k] !== ','
  }
  const readParams = (challenge: WwwAuthenticateChallenge): void => {
    for (;;) {
      skipWhitespace()
      if (!paramStartsAt(i)) return
      const name = readToken().toLowerCase()
      skipWhitespace()
      i++ // '='
      skipWhitespace()
      const value = input[i] === '"' ? readQuoted() : readUnquoted()
      // defined, not assigned: a parameter named `__proto__` is a parameter like any other
      if (!Object.hasOwn(challenge.params, name))
        Object.defineProperty(challenge.params, name, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      skipWhitespace()
      if (i < n && input[i] !== ',') skipToComma()
      let next = i
      while (next < n && (isWhitespace(input[next]) || input[next] === ',')) next++
      if (!paramStartsAt(next)) return
      i = next
    }
  }

  try {
    while (i < n) {
      while (i < n && (isWhitespace(input[i]) || input[i] === ',')) i++
      if (i >= n) break
      if (paramStartsAt(i)) {
        // Parameters with no scheme in front (malformed): keep them under an empty scheme.
        const challenge: WwwAuthenticateChallenge = { scheme: '', params: {} }
        challenges.push(challenge)
        readParams(challenge)
        continue
      }
      if (!isTchar(input[i])) {
        i++
        continue
      }
      const challenge: WwwAuthenticateChallenge = { scheme: readToken(), params: {} }
      challenges.push(challenge)
      if (i < n && !isWhitespace(input[i]) && input[i] !== ',') {
        skipToComma()
        continue
      }
      skipWhitespace()
      if (i >= n) break
      if (input[i] === ',') {
        let next = i
        while (next < n && (isWhitespace(input[next]) || input[next] === ',')) next++
        if (paramStartsAt(next)) {
          i = next
          readParams(challenge)
        }
        continue
      }
      if (paramStartsAt(i)) {
        readParams(challenge)
        continue
      }
      const start = i
      while (i < n && isToken68Char(input[i])) i++
      while (i < n && input[i] === '=') i++
      const token68 = input.slice(start, i)
      skipWhitespace()
      if (token68 && (i >= n || input[i] === ',')) challenge.token68 = token68
      else skipToComma()
    }
  } catch {
    // Unreachable by construction; parsing stays total for any input.
  }
  return challenges
}

/**
 * The first challenge whose scheme equals `scheme`, compared case-insensitively as RFC 7235 requires.
 * @see https://www.rfc-editor.org/rfc/rfc7235#section-2.1
 */
export function findChallenge(
  challenges: readonly WwwAuthenticateChallenge[],
  scheme: string,
): WwwAuthenticateChallenge | undefined {
  const wanted = scheme.toLowerCase()
  return challenges.find((c) => c.scheme.toLowerCase() === wanted)
}

/**
 * The RFC 6750 error carried by a `Bearer` (or `DPoP`) challenge: the first such challenge with an
 * `error` parameter, else the first such challenge. It does not check that `error` is one of the
 * RFC 6750 §3.1 codes.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function bearerChallengeOf(
  challenges: readonly WwwAuthenticateChallenge[],
): WwwAuthenticateChallenge | undefined {
  const tokenChallenges = challenges.filter((c) => /^(bearer|dpop)$/i.test(c.scheme))
  return tokenChallenges.find((c) => c.params.error !== undefined) ?? tokenChallenges[0]
}
