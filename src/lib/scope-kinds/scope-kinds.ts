import type { LabRun } from '@/lib/runs/types'

/**
 * What is known about a scope of one client before the run: `default` client scopes are always
 * applied (requested or not), `optional` ones only when requested (Keycloak's terms).
 */
export type ScopeKind = 'default' | 'optional'

export interface ScopeKindInfo {
  kind: ScopeKind
  /** Where it is known from, in a sentence fragment: `the demo realm's client oidc-lab`, … */
  source: string
}

/**
 * The demo realm's clients and their client scopes, as `idp/realm.ts` defines them (a unit test
 * checks this table against it; the realm itself is server code and stays out of the bundle).
 */
export const DEMO_CLIENT_SCOPES: Record<string, { default: string[]; optional: string[] }> = {
  'oidc-lab': {
    default: ['profile', 'roles'],
    optional: ['email', 'address', 'phone', 'offline_access', 'api:read'],
  },
  'oidc-lab-defaults': {
    default: ['profile', 'email', 'roles'],
    optional: ['address', 'phone', 'offline_access', 'api:read'],
  },
  'oidc-lab-confidential': {
    default: ['profile', 'email', 'roles'],
    optional: ['address', 'phone', 'offline_access', 'api:read'],
  },
  'oidc-lab-device': {
    default: ['profile', 'email', 'roles'],
    optional: ['address', 'phone', 'offline_access', 'api:read'],
  },
}

/** The demo realm's client scopes of this client (none for a client the realm does not have). */
export function demoScopeKinds(clientId: string): Map<string, ScopeKindInfo> {
  const client = DEMO_CLIENT_SCOPES[clientId]
  const kinds = new Map<string, ScopeKindInfo>()
  if (!client) return kinds
  const source = `the demo realm's client ${clientId}`
  for (const scope of client.default) kinds.set(scope, { kind: 'default', source })
  for (const scope of client.optional) kinds.set(scope, { kind: 'optional', source })
  return kinds
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * What earlier runs of this client at this issuer showed: a scope granted without being asked
 * for is a default scope; one granted when asked and missing when not is optional. Runs whose
 * token response had no `scope` say nothing. A scope seen as default once is default.
 */
export function inferScopeKinds(
  runs: readonly Pick<LabRun, 'issuer' | 'clientId' | 'requestedScope' | 'grantedScope'>[],
  issuer: string,
  clientId: string,
): Map<string, ScopeKindInfo> {
  const unasked = new Map<string, number>()
  const onlyWhenAsked = new Map<string, { asked: number; notAsked: number }>()
  const mine = runs.filter(
    (r) => r.issuer === issuer && r.clientId === clientId && r.grantedScope !== undefined,
  )
  for (const run of mine) {
    const granted = run.grantedScope ?? []
    for (const scope of granted)
      if (!run.requestedScope.includes(scope)) unasked.set(scope, (unasked.get(scope) ?? 0) + 1)
    for (const scope of new Set([...granted, ...run.requestedScope])) {
      const seen = onlyWhenAsked.get(scope) ?? { asked: 0, notAsked: 0 }
      if (run.requestedScope.includes(scope) && granted.includes(scope)) seen.asked++
      onlyWhenAsked.set(scope, seen)
    }
  }
  // "missing when not asked": a run that neither requested nor got the scope
  for (const [scope, seen] of onlyWhenAsked)
    seen.notAsked = mine.filter(
      (r) => !r.requestedScope.includes(scope) && !(r.grantedScope ?? []).includes(scope),
    ).length

  const kinds = new Map<string, ScopeKindInfo>()
  for (const [scope, count] of unasked)
    kinds.set(scope, {
      kind: 'default',
      source: `granted without being asked in ${plural(count, 'earlier run')} of ${clientId}`,
    })
  for (const [scope, seen] of onlyWhenAsked)
    if (!kinds.has(scope) && seen.asked > 0 && seen.notAsked > 0)
      kinds.set(scope, {
        kind: 'optional',
        source: `granted when asked, absent otherwise, in ${plural(seen.asked + seen.notAsked, 'earlier run')} of ${clientId}`,
      })
  return kinds
}

/** The tag shown on a scope checkbox: `default — always applied`, `optional — only when requested`. */
export const SCOPE_KIND_TAGS: Record<ScopeKind, string> = {
  default: 'default — always applied',
  optional: 'optional — only when requested',
}
