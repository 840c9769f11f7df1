import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { validateIssuerInput } from '@/lib/oidc/issuer'
import type { DiscoveryDocument, JsonWebKeySet } from '@/lib/oidc/types'
import { fetchedValue, fetchFailure } from '@/lib/provider-queries'
import { discoveryQueryOptions, jwksQueryOptions } from '@/lib/provider-query-options'
import { jwksFailureOf } from '@/lib/jwks-failure-of'
import { useDebouncedValue } from './use-debounced-value'

export type ProviderKeysState = 'none' | 'invalid' | 'loading' | 'error' | 'ready'

export interface ProviderKeys {
  state: ProviderKeysState
  /** The issuer the tokens must carry: the discovery document's, else the valid one typed. */
  issuer?: string
  document?: DiscoveryDocument
  jwks?: JsonWebKeySet
  /** One sentence for the status line; without keys, also the signature row's reason. */
  message: string
  refetchJwks: () => void
}

export const NO_ISSUER_MESSAGE =
  'not verified: no Issuer given. Enter the provider’s issuer to fetch its keys (discovery → jwks_uri) and verify the signature.'

/** Discovery then JWKS for the issuer typed in the inspector, both recorded in the exchange log. */
export function useProviderKeys(issuerInput: string): ProviderKeys {
  const typed = useDebouncedValue(issuerInput.trim(), 500)
  const validation = typed ? validateIssuerInput(typed) : undefined
  const issuer = validation?.ok ? validation.value.issuer : undefined
  const discovery = useQuery(discoveryQueryOptions(issuer))
  const document = fetchedValue(discovery.data)
  const jwksQuery = useQuery(jwksQueryOptions(document?.jwks_uri))
  const { refetch } = jwksQuery
  const refetchJwks = useCallback(() => void refetch(), [refetch])
  const base = { refetchJwks, issuer: document?.issuer ?? issuer, document }

  if (!typed) return { ...base, state: 'none', message: NO_ISSUER_MESSAGE }
  if (validation && !validation.ok) {
    const { message, hint } = validation.error
    return { ...base, state: 'invalid', message: `Issuer: ${message}${hint ? ` ${hint}` : ''}` }
  }
  if (discovery.isPending || (document?.jwks_uri && jwksQuery.isPending)) {
    return { ...base, state: 'loading', message: `fetching the keys of ${issuer ?? typed}…` }
  }
  if (!document) {
    const why = discovery.data ? fetchFailure(discovery.data) : 'the discovery request failed'
    return { ...base, state: 'error', message: `not verified: discovery failed: ${why}` }
  }
  if (!document.jwks_uri) {
    return {
      ...base,
      state: 'error',
      message: 'not verified: the discovery document has no jwks_uri',
    }
  }
  const jwks = fetchedValue(jwksQuery.data)
  if (!jwks) {
    const failure = jwksFailureOf(document, jwksQuery.data)
    const why = jwksQuery.data ? fetchFailure(jwksQuery.data) : 'the JWKS request failed'
    return {
      ...base,
      state: 'error',
      message: failure?.message ?? `not verified: the JWKS could not be read: ${why}`,
    }
  }
  const kids = jwks.keys.map((key) => key.kid ?? 'no kid').join(', ')
  return {
    ...base,
    state: 'ready',
    jwks,
    message: `JWKS of ${document.issuer}: ${jwks.keys.length} key${jwks.keys.length === 1 ? '' : 's'} (${kids})`,
  }
}
