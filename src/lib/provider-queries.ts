import { queryOptions } from '@tanstack/react-query'
import { sendRecorded } from '@/lib/http/recorded-fetch'
import type { HttpExchange } from '@/lib/wire/http-types'
import {
  buildDiscoveryRequest,
  buildJwksRequest,
  processDiscoveryResponse,
  processJwksResponse,
} from '@/lib/oidc/discovery'
import { describeJwksFailure, type JwksFailure } from '@/lib/oidc/jwks-failure'
import type { Result } from '@/lib/result'
import type { DiscoveryDocument, JsonWebKeySet, OidcError } from '@/lib/oidc/types'

/** A provider document as fetched: the recorded exchange, and its processed result when it answered. */
export interface Fetched<T> {
  exchange: HttpExchange
  /** Undefined when there was no HTTP answer (network, CORS, timeout): see `exchange.networkError`. */
  result?: Result<T, OidcError>
}

/**
 * The provider's discovery document, shared by the guided flow, inspect and the matrix: one cache
 * entry per issuer, recorded in the exchange log under `discovery`.
 */
export function discoveryQueryOptions(issuer: string | undefined) {
  return queryOptions({
    queryKey: ['discovery', issuer],
    enabled: issuer !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Fetched<DiscoveryDocument>> => {
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

/** The provider's signing keys (`jwks_uri`), shared like discovery; recorded under `jwks`. */
export function jwksQueryOptions(jwksUri: string | undefined) {
  return queryOptions({
    queryKey: ['jwks', jwksUri],
    enabled: jwksUri !== undefined,
    staleTime: Infinity,
    queryFn: async (): Promise<Fetched<JsonWebKeySet>> => {
      const exchange = await sendRecorded(buildJwksRequest(jwksUri ?? ''), { stepId: 'jwks' })
      const result = exchange.response ? processJwksResponse(exchange.response) : undefined
      return { exchange, result }
    },
  })
}

/** The value of a successful fetch, else undefined. */
export const fetchedValue = <T>(fetched: Fetched<T> | undefined): T | undefined =>
  fetched?.result?.ok ? fetched.result.value : undefined

/** One sentence on why a fetch gave no value: unreachable, or the processing error's message. */
export function fetchFailure(fetched: Fetched<unknown>): string {
  const { exchange, result } = fetched
  if (!result)
    return `could not reach ${exchange.request.url} (${exchange.networkError ?? 'no response'}): the provider is down, or it does not allow this page's origin (CORS)`
  return result.ok ? '' : result.error.message
}

/** Why the provider's JWKS is not usable (no jwks_uri, unreachable, 404, not JSON…), else undefined. */
export function jwksFailureOf(
  document: Pick<DiscoveryDocument, 'jwks_uri'>,
  fetched: Fetched<JsonWebKeySet> | undefined,
): JwksFailure | undefined {
  if (!document.jwks_uri) return describeJwksFailure({})
  if (!fetched) return undefined
  const { exchange, result } = fetched
  return describeJwksFailure({
    url: exchange.request.url,
    ...(exchange.networkError ? { networkError: exchange.networkError } : {}),
    ...(result && !result.ok ? { error: result.error } : {}),
  })
}
