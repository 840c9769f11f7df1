/**
 * Requested vs granted scopes, and which scope releases which claim: what a run's results need,
 * apart from scopes.ts, which the first page (the scope checkboxes) loads.
 */
import { KEYCLOAK_SCOPE_CLAIMS, SCOPE_CLAIMS } from '@/lib/jwt/scope-claims'
import { parseScope } from './scopes'

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
