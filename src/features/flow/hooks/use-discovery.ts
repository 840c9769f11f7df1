import { queryOptions, useQuery } from '@tanstack/react-query'
import { sendRecorded } from '@/lib/http/recorded-fetch'
import { buildDiscoveryRequest, processDiscoveryResponse } from '@/lib/oidc/discovery'

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

export function useDiscovery(issuer: string | undefined) {
  return useQuery(discoveryQueryOptions(issuer))
}
