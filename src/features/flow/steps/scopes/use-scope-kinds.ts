import { useMemo } from 'react'
import { demoScopeKinds, inferScopeKinds, type ScopeKindInfo } from '@/lib/scope-kinds/scope-kinds'
import { useEarlierRuns } from '@/features/flow/hooks/use-earlier-runs'
import type { Lab } from '@/features/flow/lab'

/**
 * What is known, before the run, of each scope of this client: the demo realm's client scopes for
 * the `demo` preset, else what earlier runs of this client showed (granted unasked → default).
 */
export function useScopeKinds(lab: Pick<Lab, 'config' | 'context'>): Map<string, ScopeKindInfo> {
  const { preset, clientId } = lab.config
  const issuer = lab.context.issuer
  const demo = preset === 'demo'
  const runs = useEarlierRuns(true)
  return useMemo(() => {
    const inferred = issuer
      ? inferScopeKinds(runs, issuer, clientId)
      : new Map<string, ScopeKindInfo>()
    if (!demo) return inferred
    // the realm's own data wins; earlier runs fill in scopes it does not list
    return new Map([...inferred, ...demoScopeKinds(clientId)])
  }, [demo, runs, issuer, clientId])
}
