import { scopeForClaim } from '../scope-comparison'
import { parseScope } from '../scopes'
import { diagnosis, tick, type Diagnosis } from './shared'

/** Where a claim was looked for and what the lab knows about scopes and metadata. */
export interface MissingClaimInput {
  claim: string
  where: 'id_token' | 'access_token' | 'userinfo'
  requestedScope: readonly string[]
  /** The token response's `scope`; undefined when omitted. */
  grantedScope?: string
  /** Where else the claim was found in this run. */
  presentIn?: readonly ('id_token' | 'access_token' | 'userinfo')[]
  claimsSupported?: readonly string[]
}

const WHERE = {
  id_token: 'the ID token',
  access_token: 'the access token',
  userinfo: 'the userinfo response',
} as const

/**
 * Explains why a claim (e.g. `email`) is missing from a token or userinfo: the releasing scope was
 * not requested (rerun action), requested but not granted, or granted but the provider puts the
 * claim elsewhere (Keycloak mapper toggles), or the user has no value. It does not look into the
 * tokens itself; pass what was found.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export function diagnoseMissingClaim(input: MissingClaimInput): Diagnosis {
  const { claim, where } = input
  const scope = scopeForClaim(claim)
  const requested = parseScope(input.requestedScope)
  const granted = input.grantedScope === undefined ? requested : parseScope(input.grantedScope)
  const known = [`${WHERE[where]} has no ${tick(claim)} claim.`]
  const guessed: string[] = []
  const elsewhere = (input.presentIn ?? []).filter((p) => p !== where)
  if (elsewhere.length)
    known.push(`It is present in ${elsewhere.map((p) => WHERE[p]).join(' and ')}.`)
  if (input.claimsSupported && !input.claimsSupported.includes(claim)) {
    known.push(`The provider does not list ${tick(claim)} in claims_supported.`)
  }
  const base = { severity: 'warning' as const, title: `No ${claim} claim`, known }

  if (scope && !granted.includes(scope)) {
    if (!requested.includes(scope)) {
      known.push(`${tick(claim)} comes with the ${tick(scope)} scope, which was not requested.`)
      return diagnosis('missing_claim', {
        ...base,
        cause: `${tick(scope)} was not requested, so the provider did not release ${tick(claim)}.`,
        fix: `Tick ${tick(scope)} and run the flow again.`,
        action: { kind: 'rerun_with_scope', scope },
      })
    }
    known.push(`${tick(scope)} was requested but not granted.`)
    return diagnosis('missing_claim', {
      ...base,
      cause: `The provider did not grant ${tick(scope)}.`,
      fix: `Allow ${tick(scope)} for the client (Keycloak: Clients → your client → Client scopes → Add client scope).`,
    })
  }
  if (scope) known.push(`${tick(scope)}, the scope that releases it, was granted.`)
  if (elsewhere.length) {
    guessed.push(
      `The provider puts ${tick(claim)} only in ${elsewhere.map((p) => WHERE[p]).join(' and ')}; in Keycloak each mapper has “Add to ID token”, “Add to access token” and “Add to userinfo” switches.`,
    )
  } else {
    guessed.push(
      `The user may have no value for ${tick(claim)} (claims without a value are left out).`,
      'A provider mapper may be missing or disabled for this claim.',
    )
  }
  return diagnosis('missing_claim', {
    ...base,
    guessed,
    cause: elsewhere.length
      ? `${tick(claim)} is released, but not into ${WHERE[where]}.`
      : `${tick(claim)} was not released although ${scope ? 'its scope was granted' : 'no scope controls it'}.`,
    fix: elsewhere.length
      ? `Read it from ${WHERE[elsewhere[0] ?? 'userinfo']}, or enable the mapper for ${WHERE[where]}.`
      : `Check the user’s ${tick(claim)} value and the provider’s mappers.`,
  })
}

/**
 * The standard claims {@link missingClaimDiagnoses} explains, grouped by the scope that releases
 * them (OIDC Core §5.4).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export const EXPLAINED_CLAIMS: readonly string[] = [
  'email',
  'email_verified',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'address',
  'phone_number',
  'phone_number_verified',
]

/** The claims of one run, as far as each source was read; an absent source is left out. */
export interface MissingClaimsInput {
  idTokenClaims?: Readonly<Record<string, unknown>>
  accessTokenClaims?: Readonly<Record<string, unknown>>
  userinfoClaims?: Readonly<Record<string, unknown>>
  requestedScope: readonly string[]
  /** The token response's `scope`; undefined when omitted (then granted = requested). */
  grantedScope?: string
  claimsSupported?: readonly string[]
}

type ClaimSource = MissingClaimInput['where']

/**
 * One {@link diagnoseMissingClaim} per standard claim ({@link EXPLAINED_CLAIMS}) that none of the
 * present sources carries and whose releasing scope was not granted (or not requested), so "no
 * email: the email scope was not requested" comes with a rerun action. Claims whose scope was
 * granted are left out: their absence has other causes (no value, a mapper) the lab cannot see.
 * Returns `[]` when no source is present. It does not decode tokens; pass their payloads.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export function missingClaimDiagnoses(input: MissingClaimsInput): Diagnosis[] {
  const sources = (
    [
      ['id_token', input.idTokenClaims],
      ['userinfo', input.userinfoClaims],
      ['access_token', input.accessTokenClaims],
    ] as const
  ).filter((entry): entry is readonly [ClaimSource, Readonly<Record<string, unknown>>] =>
    Boolean(entry[1]),
  )
  const first = sources[0]
  if (!first) return []
  const requested = parseScope(input.requestedScope)
  const granted = input.grantedScope === undefined ? requested : parseScope(input.grantedScope)
  const others = sources.slice(1).map(([where]) => WHERE[where])
  return EXPLAINED_CLAIMS.flatMap((claim) => {
    if (sources.some(([, claims]) => claims[claim] !== undefined)) return []
    const scope = scopeForClaim(claim)
    if (!scope || granted.includes(scope)) return []
    const d = diagnoseMissingClaim({
      claim,
      where: first[0],
      requestedScope: input.requestedScope,
      ...(input.grantedScope !== undefined ? { grantedScope: input.grantedScope } : {}),
      ...(input.claimsSupported ? { claimsSupported: input.claimsSupported } : {}),
    })
    if (others.length) d.known.splice(1, 0, `Nor does ${others.join(' or ')}.`)
    return [d]
  })
}
