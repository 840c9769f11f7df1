/**
 * The provider fetches of provider-queries.ts as TanStack Query options, for inspect and the lessons
 * (the guided flow uses `useProviderFetch`: no query library on the first page).
 */
import { queryOptions } from '@tanstack/react-query'
import { discoveryFetch, jwksFetch, type Fetched, type ProviderFetch } from '@/lib/provider-queries'

/** A provider fetch as TanStack Query options (inspect). */
function asQuery<T>({ key, load, staleMs }: ProviderFetch<T>) {
  // `load` is a function of `key` alone (see discoveryFetch / jwksFetch)
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: key,
    enabled: load !== undefined,
    staleTime: staleMs,
    queryFn: (): Promise<Fetched<T>> =>
      load ? load() : Promise.reject(new Error(`nothing to fetch for ${key.join(' ')}`)),
  })
}

export const discoveryQueryOptions = (issuer: string | undefined) => asQuery(discoveryFetch(issuer))
export const jwksQueryOptions = (jwksUri: string | undefined) => asQuery(jwksFetch(jwksUri))
