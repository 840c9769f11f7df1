import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { HttpExchange } from '@/lib/wire/http-types'
import { diagnoseDiscoveryError, type Diagnosis } from '@/lib/oidc/diagnose'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import { discoveryQueryOptions } from '@/lib/provider-queries'

export type DiscoveryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; document: DiscoveryDocument; exchange?: HttpExchange }
  | { status: 'error'; diagnosis: Diagnosis; exchange?: HttpExchange }

/** The provider's discovery document, or a diagnosis of why there is none. */
export function useDiscovery(issuer: string | undefined): DiscoveryState {
  const { data } = useQuery(discoveryQueryOptions(issuer))
  return useMemo((): DiscoveryState => {
    if (!issuer) return { status: 'idle' }
    if (!data) return { status: 'loading' }
    if (data.result?.ok)
      return { status: 'ok', document: data.result.value, exchange: data.exchange }
    const error = data.result?.ok === false ? data.result.error : undefined
    return {
      status: 'error',
      exchange: data.exchange,
      diagnosis: diagnoseDiscoveryError(error, data.exchange, { origin: window.location.origin }),
    }
  }, [issuer, data])
}
