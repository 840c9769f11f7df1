import { useEffect, useRef, useState } from 'react'
import { needsJwksRefresh, type Check } from '@/lib/jwt/checks'
import { checkUserinfoSub } from '@/lib/jwt/userinfo-sub-check'
import { fetchedValue, jwksFetch } from '@/lib/provider-queries'
import { useProviderFetch } from '@/features/flow/hooks/use-provider-fetch'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { TokenChecks } from '@/features/flow/lab'
import { authorizeStep } from '@/features/flow/steps/authorize/step'
import type { StepContext, StepDefinition } from '@/features/flow/steps/types'
import type { UserinfoResult } from '@/features/flow/steps/userinfo/step'

const none: Check[] = []
// by id: the userinfo step itself loads with the run steps, not with this hook
const USERINFO = { id: 'userinfo' } as StepDefinition<UserinfoResult, never>

/** ID token checks (signature against the provider's JWKS), informative access token checks, userinfo `sub`. */
export function useTokenChecks(context: StepContext, config: LabConfig): TokenChecks {
  const { document } = context
  const token = context.currentTokens()
  const { clientId } = config
  const clientSecret = config.clientType === 'confidential' ? config.clientSecret : undefined
  const nonce = context.resultOf(authorizeStep)?.params.find((p) => p.name === 'nonce')?.value
  const maxAge = config.extras.max_age
  const jwksQuery = useProviderFetch(jwksFetch(token?.response ? document?.jwks_uri : undefined))
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
    const expected = {
      issuer: document.issuer,
      clientId,
      nonce,
      accessToken: accessTokenValue,
      maxAgeSeconds: maxAge ? Number(maxAge) : undefined,
      clientSecret,
      idTokenSigningAlgValuesSupported: document.id_token_signing_alg_values_supported,
    }
    // the checks (and jose under them) load with the first token, not with the first page
    const failure = jwks
      ? Promise.resolve(undefined)
      : import('@/lib/jwks-failure-of').then((m) => m.jwksFailureOf(document, jwksData))
    const checked = failure.then((jwksFailure) =>
      Promise.all([
        idToken
          ? import('@/lib/jwt/id-token-checks').then((m) =>
              m.checkIdToken({ token: idToken, jwks, jwksFailure, now, expected }),
            )
          : none,
        accessToken && accessToken.kind !== 'opaque'
          ? import('@/lib/jwt/access-token-checks').then((m) =>
              m.checkAccessToken({
                token: accessToken,
                jwks,
                jwksFailure,
                now,
                expected: { issuer: document.issuer },
              }),
            )
          : none,
      ]),
    )
    void checked.then(([id, at]) => current && setChecks({ id, at }))
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

  const userinfoClaims = context.resultOf<UserinfoResult>(USERINFO)?.claims
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
