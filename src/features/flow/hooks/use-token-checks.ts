import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { checkAccessToken } from '@/lib/jwt/access-token-checks'
import { needsJwksRefresh, type Check } from '@/lib/jwt/checks'
import { checkIdToken, checkUserinfoSub } from '@/lib/jwt/id-token-checks'
import { fetchedValue, jwksFailureOf, jwksQueryOptions } from '@/lib/provider-queries'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { TokenChecks } from '@/features/flow/lab'
import { authorizeStep } from '@/features/flow/steps/authorize/step'
import type { StepContext } from '@/features/flow/steps/types'
import { userinfoStep } from '@/features/flow/steps/userinfo/step'

const none: Check[] = []

/** ID token checks (signature against the provider's JWKS), informative access token checks, userinfo `sub`. */
export function useTokenChecks(context: StepContext, config: LabConfig): TokenChecks {
  const { document } = context
  const token = context.currentTokens()
  const { clientId } = config
  const clientSecret = config.clientType === 'confidential' ? config.clientSecret : undefined
  const nonce = context.resultOf(authorizeStep)?.params.find((p) => p.name === 'nonce')?.value
  const maxAge = config.extras.max_age
  const jwksQuery = useQuery(jwksQueryOptions(token?.response ? document?.jwks_uri : undefined))
  const jwks = fetchedValue(jwksQuery.data)
  const jwksData = jwksQuery.data
  const idToken = token?.idToken
  const accessToken = token?.accessToken
  const accessTokenValue = token?.response?.access_token
  const ready = document !== undefined && !jwksQuery.isFetching
  const [checks, setChecks] = useState({ id: none, at: none })

  useEffect(() => {
    if (!ready || !document) return
    // latest request wins: a result computed for an older token is dropped
    let current = true
    // the time of verification: checks are not re-run as the clock ticks
    const now = Math.floor(Date.now() / 1000)
    const jwksFailure = jwks ? undefined : jwksFailureOf(document, jwksData)
    const expected = {
      issuer: document.issuer,
      clientId,
      nonce,
      accessToken: accessTokenValue,
      maxAgeSeconds: maxAge ? Number(maxAge) : undefined,
      clientSecret,
      idTokenSigningAlgValuesSupported: document.id_token_signing_alg_values_supported,
    }
    void Promise.all([
      idToken ? checkIdToken({ token: idToken, jwks, jwksFailure, now, expected }) : none,
      accessToken && accessToken.kind !== 'opaque'
        ? checkAccessToken({
            token: accessToken,
            jwks,
            jwksFailure,
            now,
            expected: { issuer: document.issuer },
          })
        : none,
    ]).then(([id, at]) => current && setChecks({ id, at }))
    return () => {
      current = false
    }
  }, [
    ready,
    document,
    jwks,
    jwksData,
    idToken,
    accessToken,
    clientId,
    clientSecret,
    nonce,
    maxAge,
    accessTokenValue,
  ])

  // an unknown kid usually means the keys rotated: refetch the JWKS once, never in a loop
  const refetched = useRef<string | undefined>(undefined)
  const { refetch } = jwksQuery
  useEffect(() => {
    if (needsJwksRefresh(checks.id) && refetched.current !== idToken?.raw) {
      refetched.current = idToken?.raw
      void refetch()
    }
  }, [checks.id, idToken?.raw, refetch])

  const userinfoClaims = context.resultOf(userinfoStep)?.claims
  const userinfoChecks =
    idToken?.payload && userinfoClaims
      ? [checkUserinfoSub(idToken.payload.sub, userinfoClaims.sub)]
      : none

  return {
    idToken: idToken ? checks.id : none,
    accessToken: accessToken ? checks.at : none,
    userinfo: userinfoChecks,
  }
}
