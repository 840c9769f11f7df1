import { useMemo } from 'react'
import { SequenceDiagram } from '@/components/sequence/sequence-diagram'
import { endpointsOf, redirectsOfFlow } from '@/lib/sequence/sequence-layout'
import type { Lab } from '@/features/flow/lab'

/** The sequence diagram of the exchanges in the log and the redirects of the flow (lazy chunk). */
export function RunSequence({ lab }: { lab: Lab }) {
  const { document, issuer } = lab.context
  const { request, callback, logout } = lab.flow
  const endpoints = useMemo(() => endpointsOf(document, issuer), [document, issuer])
  const redirects = useMemo(
    () => redirectsOfFlow({ request, callback, logout }),
    [request, callback, logout],
  )
  return <SequenceDiagram exchanges={lab.exchanges} redirects={redirects} endpoints={endpoints} />
}
