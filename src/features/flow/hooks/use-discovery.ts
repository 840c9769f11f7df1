import { useEffect, useMemo, useState } from 'react'
import type { HttpExchange } from '@/lib/wire/http-types'
import type { Diagnosis } from '@/lib/oidc/diagnose'

type Diagnose = typeof diagnoseDiscoveryError
// the diagnoses load on the first failure: most first pages never need them
let loaded: Diagnose | undefined
import type { DiscoveryDocument } from '@/lib/oidc/types'
import type { diagnoseDiscoveryError } from '@/lib/oidc/diagnose/discovery'
import { discoveryFetch } from '@/lib/provider-queries'
import { useProviderFetch } from '@/features/flow/hooks/use-provider-fetch'

export type DiscoveryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; document: DiscoveryDocument; exchange?: HttpExchange }
  | { status: 'error'; diagnosis: Diagnosis; exchange?: HttpExchange }

/** The provider's discovery document, or a diagnosis of why there is none. */
export function useDiscovery(issuer: string | undefined): DiscoveryState {
  const { data } = useProviderFetch(discoveryFetch(issuer))
  const failed = data !== undefined && !data.result?.ok
  const [diagnose, setDiagnose] = useState(() => loaded)
  useEffect(() => {
    if (!failed || diagnose) return
    void import('@/lib/oidc/diagnose/discovery').then((m) => {
      loaded = m.diagnoseDiscoveryError
      setDiagnose(() => loaded)
    })
  }, [failed, diagnose])
  return useMemo((): DiscoveryState => {
    if (!issuer) return { status: 'idle' }
    if (!data || (failed && !diagnose)) return { status: 'loading' }
    if (data.result?.ok)
      return { status: 'ok', document: data.result.value, exchange: data.exchange }
    const error = data.result?.ok === false ? data.result.error : undefined
    return {
      status: 'error',
      exchange: data.exchange,
      diagnosis: diagnose!(error, data.exchange, { origin: window.location.origin }),
    }
  }, [issuer, data, failed, diagnose])
}
