import { queryOptions, useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { sendRecorded } from '@/lib/http/recorded-fetch'
import { checkAccessToken } from '@/lib/jwt/access-token-checks'
import { needsJwksRefresh, type Check } from '@/lib/jwt/checks'
import { checkIdToken, checkUserinfoSub } from '@/lib/jwt/id-token-checks'
import { buildJwksRequest, processJwksResponse } from '@/lib/oidc/discovery'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import type { TokenResult, UserinfoResult } from '@/features/flow/steps/results'

export function jwksQueryOptions(jwksUri: string | undefined) {
  return queryOptions({
    queryKey: ['jwks', jwksUri],
    enabled: jwksUri !== undefined,
    staleTime: Infinity,
    queryFn: async () => {
      const exchange = await sendRecorded(buildJwksRequest(jwksUri ?? ''), { stepId: 'jwks' })
      const result = exchange.response ? processJwksResponse(exchange.response) : undefined
      return result?.ok ? result.value : undefined
    },
  })
}

interface ChecksInput {
  document: DiscoveryDocument | undefined
  clientId: string
  clientSecret: string | undefined
  nonce: string | undefined
  maxAge: string
  token: TokenResult | undefined
  userinfo: UserinfoResult | undefined
  now: number
}

const none: Check[] = []

/** ID token checks (signature against the provider's JWKS), informative access token checks, userinfo `sub`. */
export function useTokenChecks(input: ChecksInput) {
  const { document, token, now } = input
  const jwksQuery = useQuery(jwksQueryOptions(token?.response ? document?.jwks_uri : undefined))
  const jwks = jwksQuery.data
  const idToken = token?.idToken
  const accessToken = token?.accessToken

  const idChecks = useQuery({
    queryKey: ['id-token-checks', idToken?.raw, jwksQuery.dataUpdatedAt, input.nonce],
    enabled: idToken !== undefined && document !== undefined && !jwksQuery.isFetching,
    queryFn: () =>
      checkIdToken({
        token: idToken!,
        jwks,
        now,
        expected: {
          issuer: document!.issuer,
          clientId: input.clientId,
          nonce: input.nonce,
          accessToken: token?.response?.access_token,
          maxAgeSeconds: input.maxAge ? Number(input.maxAge) : undefined,
          clientSecret: input.clientSecret,
          idTokenSigningAlgValuesSupported: document!.id_token_signing_alg_values_supported,
        },
      }),
  })

  const atChecks = useQuery({
    queryKey: ['access-token-checks', accessToken?.raw, jwksQuery.dataUpdatedAt],
    enabled:
      accessToken !== undefined &&
      accessToken.kind !== 'opaque' &&
      document !== undefined &&
      !jwksQuery.isFetching,
    queryFn: () =>
      checkAccessToken({ token: accessToken!, jwks, now, expected: { issuer: document!.issuer } }),
  })

  // an unknown kid usually means the keys rotated: refetch the JWKS once, never in a loop
  const refetched = useRef<string | undefined>(undefined)
  const { refetch } = jwksQuery
  useEffect(() => {
    if (idChecks.data && needsJwksRefresh(idChecks.data) && refetched.current !== idToken?.raw) {
      refetched.current = idToken?.raw
      void refetch()
    }
  }, [idChecks.data, idToken?.raw, refetch])

  const userinfoSub = input.userinfo?.claims
  const userinfoChecks =
    idToken?.payload && userinfoSub
      ? [checkUserinfoSub(idToken.payload.sub, userinfoSub.sub)]
      : none

  return {
    idToken: idChecks.data ?? none,
    accessToken: atChecks.data ?? none,
    userinfo: userinfoChecks,
  }
}
