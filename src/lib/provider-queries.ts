import { sendRecorded } from '@/lib/http/recorded-fetch'
import type { HttpExchange } from '@/lib/wire/http-types'
import {
  buildDiscoveryRequest,
  buildJwksRequest,
  processDiscoveryResponse,
  processJwksResponse,
} from '@/lib/oidc/discovery'
import type { Result } from '@/lib/result'
import type { DiscoveryDocument, JsonWebKeySet, OidcError } from '@/lib/oidc/types'

/** A provider document as fetched: the recorded exchange, and its processed result when it answered. */
export interface Fetched<T> {
  exchange: HttpExchange
  /** Undefined when there was no HTTP answer (network, CORS, timeout): see `exchange.networkError`. */
  result?: Result<T, OidcError>
}

/** One provider document to fetch: its cache key, how long it stays fresh, how to fetch it. */
export interface ProviderFetch<T> {
  key: readonly [string, string | undefined]
  /** Undefined: nothing to fetch yet (no issuer, no `jwks_uri`). */
  load?: () => Promise<Fetched<T>>
  staleMs: number
}

/**
 * The provider's discovery document, one cache entry per issuer, recorded in the exchange log
 * under `discovery`. The guided flow reads it through `useProviderFetch` (no query library on the
 * first page), inspect through TanStack Query (`discoveryQueryOptions`, in provider-query-options.ts).
 */
export function discoveryFetch(issuer: string | undefined): ProviderFetch<DiscoveryDocument> {
  return {
    key: ['discovery', issuer],
    staleMs: 5 * 60_000,
    load:
      issuer === undefined
        ? undefined
        : async () => {
            const exchange = await sendRecorded(buildDiscoveryRequest(issuer), {
              stepId: 'discovery',
            })
            const result = exchange.response
              ? processDiscoveryResponse(issuer, exchange.response)
              : undefined
            return { exchange, result }
          },
  }
}

/** The provider's signing keys (`jwks_uri`), shared like discovery; recorded under `jwks`. */
export function jwksFetch(jwksUri: string | undefined): ProviderFetch<JsonWebKeySet> {
  return {
    key: ['jwks', jwksUri],
    staleMs: Infinity,
    load:
      jwksUri === undefined
        ? undefined
        : async () => {
            const exchange = await sendRecorded(buildJwksRequest(jwksUri), { stepId: 'jwks' })
            const result = exchange.response ? processJwksResponse(exchange.response) : undefined
            return { exchange, result }
          },
  }
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
