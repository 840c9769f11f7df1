import { describeJwksFailure, type JwksFailure } from '@/lib/oidc/jwks-failure'
import type { DiscoveryDocument, JsonWebKeySet } from '@/lib/oidc/types'
import type { Fetched } from '@/lib/provider-queries'

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
