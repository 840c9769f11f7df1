import type { JSONWebKeySet } from 'jose'
import {
  type Check,
  type CheckCode,
  type CheckId,
  type CheckStatus,
  RFC9068,
  showValue as show,
} from './checks'
import type { DecodedToken } from './decode-jwt'
import { checkExp } from './time-checks'
import { verifySignature, type JwksFailure } from './verify-signature'

/**
 * The sentence the UI shows above access token checks.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-6
 */
export const ACCESS_TOKEN_NOTICE =
  'Informative only: an access token is for the resource server (the API). The client must treat it as opaque and must not rely on these checks; the API validates it.'

/** What a resource server would expect; the lab only shows what it would conclude. */
export interface AccessTokenExpectations {
  /** The `issuer` of the discovery document. */
  issuer: string
  /** The API identifier(s) the token should be for, when the user knows it (e.g. `account`). */
  audience?: string | readonly string[]
}

/** Input of `checkAccessToken`, mirroring `checkIdToken`'s. */
export interface AccessTokenCheckInput {
  token: DecodedToken
  /** The compact JWS exactly as received; defaults to `token.raw`. */
  raw?: string
  jwks?: JSONWebKeySet
  /** Why there is no JWKS, for the signature row (see describeJwksFailure). */
  jwksFailure?: JwksFailure
  expected: AccessTokenExpectations
  /** Current time in seconds since the epoch. */
  now: number
  /** Allowed clock difference for exp; defaults to 60. */
  clockToleranceSeconds?: number
}

/** RFC 9068 §2.2: claims every JWT access token must carry. */
const REQUIRED_CLAIMS = ['iss', 'exp', 'aud', 'sub', 'client_id', 'iat', 'jti'] as const

const row = (
  id: CheckId,
  status: CheckStatus,
  code: CheckCode,
  message: string,
  specLink: string,
): Check => ({ id, status, code, message, specLink, informative: true })

function checkTyp(typ: unknown): Check {
  const link = `${RFC9068}#section-2.1`
  if (typeof typ === 'string' && /^(application\/)?at\+jwt$/i.test(typ)) {
    return row('typ', 'pass', 'typ_at_jwt', `typ ${typ}: an RFC 9068 JWT access token`, link)
  }
  if (typeof typ === 'string' && typ.toUpperCase() === 'JWT') {
    return row(
      'typ',
      'warn',
      'typ_jwt',
      'typ JWT (Keycloak’s default), not at+jwt: an RFC 9068 resource server rejects it, and it cannot be told apart from an ID token by type',
      link,
    )
  }
  if (typ === undefined) {
    return row('typ', 'warn', 'typ_missing', 'no typ: RFC 9068 asks for at+jwt', link)
  }
  return row('typ', 'warn', 'typ_other', `typ ${show(typ)}, not at+jwt`, link)
}

function checkIss(iss: unknown, issuer: string): Check {
  const link = `${RFC9068}#section-4`
  if (typeof iss !== 'string') return row('iss', 'fail', 'iss_missing', 'no iss claim', link)
  if (iss !== issuer) {
    return row('iss', 'fail', 'iss_mismatch', `iss is ${show(iss)}, expected ${show(issuer)}`, link)
  }
  return row('iss', 'pass', 'iss_match', `iss is the expected issuer ${issuer}`, link)
}

function checkAud(aud: unknown, audience: string | readonly string[] | undefined): Check {
  const link = `${RFC9068}#section-4`
  if (aud === undefined) {
    return row('aud', 'warn', 'aud_missing', 'no aud: RFC 9068 requires the API it is for', link)
  }
  if (audience === undefined) {
    return row(
      'aud',
      'skip',
      'aud_not_expected',
      `aud ${show(aud)}: the API this token is for; the API checks it, the client does not`,
      link,
    )
  }
  const wanted = typeof audience === 'string' ? [audience] : audience
  const actual = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : []
  if (actual.some((a) => typeof a === 'string' && wanted.includes(a))) {
    return row('aud', 'pass', 'aud_match', `aud ${show(aud)} includes ${show(audience)}`, link)
  }
  return row(
    'aud',
    'fail',
    'aud_mismatch',
    `aud ${show(aud)} does not include ${show(audience)}: that API would refuse it`,
    link,
  )
}

function checkRequiredClaims(claims: Record<string, unknown>): Check {
  const link = `${RFC9068}#section-2.2`
  const missing = REQUIRED_CLAIMS.filter((name) => claims[name] === undefined)
  if (missing.length > 0) {
    return row(
      'required_claims',
      'warn',
      'required_claims_missing',
      `missing RFC 9068 claims: ${missing.join(', ')}`,
      link,
    )
  }
  return row(
    'required_claims',
    'pass',
    'required_claims_present',
    `has all RFC 9068 claims (${REQUIRED_CLAIMS.join(', ')})`,
    link,
  )
}

const FOLLOWING: readonly CheckId[] = ['signature', 'typ', 'iss', 'aud', 'exp', 'required_claims']

/**
 * Informative checks of an access token, as a resource server would run them (RFC 9068 §4):
 * format, signature if it is a JWT, `typ` (`at+jwt` vs `JWT`), `iss`, `aud`, `exp`, required
 * claims. Every row is marked `informative`: the client must not rely on them. Never throws. This
 * does not introspect opaque tokens, check scopes, or check `cnf` (DPoP/mTLS) binding.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 */
export async function checkAccessToken(input: AccessTokenCheckInput): Promise<Check[]> {
  const { token, expected, now } = input
  const formatLink = `${RFC9068}#section-6`
  if (token.kind === 'opaque') {
    return [
      row('format', 'skip', 'opaque_access_token', token.note, formatLink),
      ...FOLLOWING.map((id) =>
        row(id, 'skip', 'payload_unavailable', 'opaque token: nothing to check', formatLink),
      ),
    ]
  }
  const signature = {
    ...(await verifySignature({
      token,
      raw: input.raw,
      jwks: input.jwks,
      ...(input.jwksFailure ? { jwksFailure: input.jwksFailure } : {}),
      specLink: `${RFC9068}#section-4`,
    })),
    informative: true as const,
  }
  const format = row(
    'format',
    token.kind === 'malformed' ? 'fail' : 'pass',
    'jwt_access_token',
    token.kind === 'malformed'
      ? 'looks like a JWT but is malformed; see the decoding problems'
      : 'a JWT: readable here, but it is meant for the API, so the client treats it as opaque',
    formatLink,
  )
  const claims = token.payload
  if (!claims) {
    const why =
      token.kind === 'jwe' ? 'the payload is encrypted' : 'the payload could not be decoded'
    return [
      format,
      signature,
      ...FOLLOWING.slice(1).map((id) => row(id, 'skip', 'payload_unavailable', why, formatLink)),
    ]
  }
  return [
    format,
    signature,
    checkTyp(token.header?.typ),
    checkIss(claims.iss, expected.issuer),
    checkAud(claims.aud, expected.audience),
    {
      ...checkExp(claims.exp, now, input.clockToleranceSeconds ?? 60),
      specLink: `${RFC9068}#section-4`,
      informative: true,
    },
    checkRequiredClaims(claims),
  ]
}
