import { queryOptions } from '@tanstack/react-query'
import { sendRecorded } from '@/lib/http/recorded-fetch'
import {
  buildDiscoveryRequest,
  buildJwksRequest,
  processDiscoveryResponse,
  processJwksResponse,
} from '@/lib/oidc/discovery'
import type { DiscoveryDocument, JsonWebKeySet } from '@/lib/oidc/types'

export type Fetched<T> = { ok: true; value: T } | { ok: false; message: string }

const unreachable = (url: string, error: string) =>
  `could not reach ${url} (${error}): the provider is down, or it does not allow this page's origin (CORS)`

export function inspectDiscoveryQueryOptions(issuer: string | undefined) {
  return queryOptions({
    queryKey: ['inspect', 'discovery', issuer],
    enabled: issuer !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Fetched<DiscoveryDocument>> => {
      const request = buildDiscoveryRequest(issuer ?? '')
      const exchange = await sendRecorded(request, { stepId: 'inspect' })
      if (!exchange.response) {
        return { ok: false, message: unreachable(request.url, exchange.networkError ?? '?') }
      }
      const result = processDiscoveryResponse(issuer ?? '', exchange.response)
      return result.ok ? result : { ok: false, message: result.error.message }
    },
  })
}

export function inspectJwksQueryOptions(jwksUri: string | undefined) {
  return queryOptions({
    queryKey: ['inspect', 'jwks', jwksUri],
    enabled: jwksUri !== undefined,
    staleTime: Infinity,
    queryFn: async (): Promise<Fetched<JsonWebKeySet>> => {
      const request = buildJwksRequest(jwksUri ?? '')
      const exchange = await sendRecorded(request, { stepId: 'inspect' })
      if (!exchange.response) {
        return { ok: false, message: unreachable(request.url, exchange.networkError ?? '?') }
      }
      const result = processJwksResponse(exchange.response)
      return result.ok ? result : { ok: false, message: result.error.message }
    },
  })
}
