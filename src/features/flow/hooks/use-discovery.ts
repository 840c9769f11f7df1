import { queryOptions, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { sendRecorded } from '@/lib/http/recorded-fetch'
import type { HttpExchange } from '@/lib/wire/http-types'
import { diagnoseDiscoveryError, type Diagnosis } from '@/lib/oidc/diagnose'
import { buildDiscoveryRequest, processDiscoveryResponse } from '@/lib/oidc/discovery'
import type { DiscoveryDocument } from '@/lib/oidc/types'

export type DiscoveryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; document: DiscoveryDocument; exchange: HttpExchange }
  | { status: 'error'; diagnosis: Diagnosis; exchange?: HttpExchange }

export function discoveryQueryOptions(issuer: string | undefined) {
  return queryOptions({
    queryKey: ['discovery', issuer],
    enabled: issuer !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const exchange = await sendRecorded(buildDiscoveryRequest(issuer ?? ''), {
        stepId: 'discovery',
      })
      const result = exchange.response
        ? processDiscoveryResponse(issuer ?? '', exchange.response)
        : undefined
      return { exchange, result }
    },
  })
}

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
