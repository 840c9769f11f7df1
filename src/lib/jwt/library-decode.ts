import { jwtDecode } from 'jwt-decode'
import type { DecodedToken, DecodeProblem, DecodeProblemCode } from './decode-jwt'

/** What `jwt-decode` returned for a token: both parts, or the message of the error it threw. */
export type LibraryDecodeResult =
  { ok: true; header: unknown; payload: unknown } | { ok: false; message: string }

type PartResult = { ok: true; value: unknown } | { ok: false; message: string }

function decodePart(raw: string, part: 'header' | 'payload'): PartResult {
  try {
    const value: unknown =
      part === 'header' ? jwtDecode<unknown>(raw, { header: true }) : jwtDecode<unknown>(raw)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Runs `jwt-decode`'s `jwtDecode` on the header and then the payload, as an app using that library
 * would, and returns what it got or the message of the first error it threw (e.g. `Invalid token
 * specified: invalid json for part #2 (…)`). Like the library, this does not validate the
 * signature, `exp`, `iss`, `aud` or anything else, and does not report what the library silently
 * tolerated; see {@link compareWithLibraryDecoder}.
 * @see https://github.com/auth0/jwt-decode#readme
 */
export function decodeLikeJwtDecode(raw: string): LibraryDecodeResult {
  const header = decodePart(raw, 'header')
  if (!header.ok) return header
  const payload = decodePart(raw, 'payload')
  if (!payload.ok) return payload
  return { ok: true, header: header.value, payload: payload.value }
}

/** A defect the lab's strict decoder found that `jwt-decode` let through without an error. */
export interface LibraryDecodeFinding {
  /** The strict decoder's problem code, or `alg_none` for an unsigned token. */
  code: DecodeProblemCode | 'alg_none'
  part: DecodeProblem['part']
  /** The defect, what `jwt-decode` did with it, and that decoding is not validating. */
  message: string
}

/**
 * Appended to every finding.
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 */
export const DECODING_IS_NOT_VALIDATING =
  'Decoding is not validating: jwt-decode does not check signatures, exp, iss or aud.'

const NEVER_READS_SIGNATURE = 'jwt-decode never reads the signature segment, so it does not notice'

const LIBRARY_BEHAVIOUR: Partial<Record<DecodeProblemCode, string>> = {
  whitespace: 'jwt-decode decodes it anyway: it hands each part to atob, which skips whitespace',
  bearer_prefix:
    'jwtDecode(token) still returns the payload, because it reads only the second segment',
  quoted: 'jwtDecode(token) still returns the payload, because it reads only the second segment',
  wrong_part_count:
    'jwt-decode reads only the segment it is asked for, so a missing or extra segment goes unnoticed',
  base64_not_url:
    'jwt-decode turns ‘-’ and ‘_’ into ‘+’ and ‘/’ before atob, so standard base64 passes too',
  padding: 'jwt-decode decodes it without a word: atob accepts the padding',
  bad_utf8:
    'jwt-decode falls back to reading the bytes as Latin-1 without a word, so the text it shows is a guess',
  missing_alg: 'jwt-decode does not look at header parameters',
  missing_enc: 'jwt-decode does not look at header parameters',
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value} (${JSON.stringify(value)})`
}

const sentence = (text: string): string => (/[.?!]$/.test(text) ? text : `${text}.`)

function finding(
  code: LibraryDecodeFinding['code'],
  part: LibraryDecodeFinding['part'],
  defect: string,
  behaviour: string,
): LibraryDecodeFinding {
  return {
    code,
    part,
    message: `${sentence(defect)} ${sentence(behaviour)} ${DECODING_IS_NOT_VALIDATING}`,
  }
}

/**
 * The library call whose success means the problem went unnoticed: the header call for header
 * problems, `jwtDecode(raw)` for the rest, and both for a token-wide problem other than a prefix
 * or quotes (which by nature only spare the payload).
 */
function acceptedBy(problem: DecodeProblem, header: PartResult, payload: PartResult): PartResult {
  if (problem.part === 'header') return header
  if (problem.part === 'token' && problem.code !== 'bearer_prefix' && problem.code !== 'quoted') {
    return header.ok ? payload : header
  }
  return payload
}

/**
 * Lists what the lab's strict decoder flagged (`strict.problems`, errors and tolerated warnings
 * alike) that `jwt-decode` accepted without an error: a problem of the header counts when
 * `jwtDecode(raw, { header: true })` returned, any other when `jwtDecode(raw)` returned the
 * payload (the call apps make), a token-wide one (whitespace, part count) when both did. An unsigned (`alg: none`) token is listed too. Each finding names
 * the defect, what the library did, and {@link DECODING_IS_NOT_VALIDATING}. `strict` must be
 * `decodeJwt(raw)`. It does not list the reverse (tokens the library refuses), and says nothing
 * about whether the token is valid: neither decoder checks that.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-7.1
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 */
export function compareWithLibraryDecoder(
  raw: string,
  strict: DecodedToken,
): LibraryDecodeFinding[] {
  const header = decodePart(raw, 'header')
  const payload = decodePart(raw, 'payload')
  const findings: LibraryDecodeFinding[] = []
  for (const problem of strict.problems) {
    const accepted = acceptedBy(problem, header, payload)
    if (!accepted.ok) continue
    const behaviour =
      problem.part === 'signature'
        ? NEVER_READS_SIGNATURE
        : problem.code === 'not_object'
          ? `jwt-decode returns whatever JSON.parse gives, here ${describeValue(accepted.value)}, and code that expects claims misreads it`
          : (LIBRARY_BEHAVIOUR[problem.code] ?? 'jwt-decode decodes it without a word')
    findings.push(finding(problem.code, problem.part, problem.message, behaviour))
  }
  if (strict.header?.alg === 'none' && payload.ok) {
    findings.push(
      finding(
        'alg_none',
        'header',
        'header: alg is none, so the token is unsigned and anyone could have written it',
        'jwt-decode shows its claims like any other token’s',
      ),
    )
  }
  return findings
}
