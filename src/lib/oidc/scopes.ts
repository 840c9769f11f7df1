import { KEYCLOAK_SCOPE_CLAIMS, SCOPE_CLAIMS } from '@/lib/jwt/scope-claims'

/**
 * The scope values OpenID Connect defines: `openid`, the four claim scopes of OIDC Core §5.4 and
 * `offline_access` (§11). What the lab offers when a provider does not publish `scopes_supported`;
 * it does not say which of them a given provider or client allows.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 * @see https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess
 */
export const STANDARD_SCOPES: readonly string[] = [
  'openid',
  'profile',
  'email',
  'address',
  'phone',
  'offline_access',
]

/**
 * Splits a `scope` string into scope tokens: whitespace-separated (RFC 6749 says single spaces;
 * tabs and runs of spaces are tolerated), deduplicated, order kept. It does not split on commas
 * (a comma is a legal scope character) or check the characters.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function parseScope(scope: string | readonly string[] | null | undefined): string[] {
  if (scope === null || scope === undefined) return []
  const parts =
    typeof scope === 'string' ? scope.split(/\s+/) : scope.flatMap((s) => s.split(/\s+/))
  return [...new Set(parts.filter(Boolean))]
}

/** One source of granted scopes compared with what was requested. */
export interface ScopeDiff {
  scopes: string[]
  /** Present here but not requested (e.g. Keycloak default client scopes). */
  added: string[]
  /** Requested but missing here (not allowed for the client, unknown, or dropped by policy). */
  dropped: string[]
  hasOpenid: boolean
}

/** Requested vs granted (token response) vs the access token's own `scope` claim. */
export interface ScopeComparison {
  requested: string[]
  /** `assumed_same_as_requested` when the token response omitted `scope` (RFC 6749 §5.1). */
  grantedSource: 'token_response' | 'assumed_same_as_requested'
  granted: ScopeDiff
  /** Undefined when the access token is opaque or has no `scope`/`scp` claim. */
  accessToken?: ScopeDiff
  /** Plain sentences describing the differences, ready to show. */
  notes: string[]
}

/** Input for {@link compareScopes}; strings are space-separated, arrays are taken as tokens. */
export interface CompareScopesInput {
  requested: string | readonly string[]
  /** The token response's `scope`; undefined when the provider omitted it. */
  granted?: string | readonly string[]
  /** The access token's `scope` (or `scp`) claim; undefined when the token is opaque. */
  accessTokenScope?: string | readonly string[]
}

function diff(requested: readonly string[], scopes: string[]): ScopeDiff {
  return {
    scopes,
    added: scopes.filter((s) => !requested.includes(s)),
    dropped: requested.filter((s) => !scopes.includes(s)),
    hasOpenid: scopes.includes('openid'),
  }
}

const list = (scopes: readonly string[]): string => scopes.map((s) => `“${s}”`).join(', ')

/**
 * Compares the requested scopes with the token response's `scope` and the access token's scope
 * claim. When the response omits `scope`, RFC 6749 §5.1 says the granted scope equals the requested
 * one, and `grantedSource` says it was assumed. It does not know why a scope was added or dropped
 * (the notes say what usually causes it) and does not look at claims.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function compareScopes({
  requested,
  granted,
  accessTokenScope,
}: CompareScopesInput): ScopeComparison {
  const req = parseScope(requested)
  const grantedSource = granted === undefined ? 'assumed_same_as_requested' : 'token_response'
  const grantedDiff = diff(req, granted === undefined ? [...req] : parseScope(granted))
  const notes: string[] = []
  if (grantedSource === 'assumed_same_as_requested') {
    notes.push(
      'The token response has no “scope”, so by RFC 6749 §5.1 the granted scope is the requested one.',
    )
  }
  if (grantedDiff.added.length) {
    notes.push(
      `The provider granted ${list(grantedDiff.added)} without being asked: usually default client scopes (Keycloak adds a client’s default scopes to every request).`,
    )
  }
  if (grantedDiff.dropped.length) {
    notes.push(
      `The provider did not grant ${list(grantedDiff.dropped)}: not assigned to the client (Keycloak: neither a default nor an optional client scope), unknown, or refused by policy.`,
    )
  }
  const comparison: ScopeComparison = { requested: req, grantedSource, granted: grantedDiff, notes }
  if (accessTokenScope !== undefined) {
    const at = diff(req, parseScope(accessTokenScope))
    comparison.accessToken = at
    const vsGranted = at.scopes.filter((s) => !grantedDiff.scopes.includes(s))
    const lessThanGranted = grantedDiff.scopes.filter((s) => !at.scopes.includes(s))
    if (vsGranted.length || lessThanGranted.length) {
      notes.push(
        `The access token’s own scope claim differs from the token response${lessThanGranted.length ? `: it lacks ${list(lessThanGranted)}` : ''}${vsGranted.length ? `${lessThanGranted.length ? ' and' : ':'} it adds ${list(vsGranted)}` : ''}.`,
      )
    }
  }
  return comparison
}

/**
 * One-line plain notes for well-known scopes (OIDC Core standard scopes and Keycloak's built-in
 * client scopes), shown next to the scope checkboxes.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 * @see https://www.keycloak.org/docs/latest/server_admin/index.html#_client_scopes
 */
export const SCOPE_NOTES: Readonly<Record<string, string>> = {
  openid:
    'Makes this OpenID Connect: you get an ID token and may call userinfo. Without it, plain OAuth 2.0.',
  profile: 'Name claims: name, given_name, family_name, preferred_username, picture, locale…',
  email: 'email and email_verified.',
  address: 'The postal address claim (a JSON object).',
  phone: 'phone_number and phone_number_verified.',
  offline_access:
    'A refresh token that outlives the login session (Keycloak: an offline token). Some providers need prompt=consent.',
  roles: 'Keycloak: realm_access and resource_access role claims, in the access token.',
  'web-origins': 'Keycloak: allowed-origins in the access token, used for CORS on later calls.',
  'microprofile-jwt': 'Keycloak: upn and groups claims for MicroProfile JWT services.',
  acr: 'Keycloak: the acr claim (authentication level) in the tokens.',
  basic: 'Keycloak 25+: sub and auth_time; without it tokens may lack sub.',
  organization: 'Keycloak 26+: the organization claim for members of a Keycloak organization.',
}

/**
 * Which scope usually releases which claim: OIDC Core §5.4 for the standard scopes, Keycloak's
 * built-in client scopes for the rest. Providers may map claims differently; this is a guide, not a
 * rule.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export const CLAIMS_BY_SCOPE: Readonly<Record<string, readonly string[]>> = {
  ...SCOPE_CLAIMS,
  ...KEYCLOAK_SCOPE_CLAIMS,
}

/**
 * The scope that usually releases `claim` (e.g. `email` → `email`), or undefined.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export function scopeForClaim(claim: string): string | undefined {
  return Object.entries(CLAIMS_BY_SCOPE).find(([, claims]) => claims.includes(claim))?.[0]
}
