import { useMutation, useQueryClient } from '@tanstack/react-query'
import { sendRecorded } from '@/lib/http/recorded-fetch'
import type { HttpExchange, HttpRequestSpec } from '@/lib/wire/http-types'
import { diagnoseDiscoveryError, type Diagnosis } from '@/lib/oidc/diagnose'
import { buildUserinfoRequest } from '@/lib/oidc/userinfo'
import { fetchedValue } from '@/lib/provider-queries'
import { discoveryQueryOptions } from '@/lib/provider-query-options'

export interface UserinfoCallVariables {
  issuer: string
  accessToken: string
  /** The pasted token response's `token_type`; `Bearer` when absent. */
  tokenType?: string
}

/** How far a userinfo call from the inspector got. */
export type UserinfoCall =
  | { stage: 'discovery'; diagnosis: Diagnosis }
  | { stage: 'no_endpoint'; discoveryIssuer: string }
  | {
      stage: 'userinfo'
      discoveryIssuer: string
      request: HttpRequestSpec
      exchange: HttpExchange
    }

/**
 * Discovery of the issuer (reused when already loaded, asked again after a failure), then the
 * userinfo GET with the pasted token, recorded as `inspect-userinfo`.
 */
export function useUserinfoCallMutation() {
  const queryClient = useQueryClient()
  return useMutation({
    // the user sends a token once and reads the answer: a retry would be a second call
    retry: false,
    mutationFn: async (variables: UserinfoCallVariables): Promise<UserinfoCall> => {
      const options = discoveryQueryOptions(variables.issuer)
      const cached = queryClient.getQueryData(options.queryKey)
      const fetched = cached?.result?.ok
        ? cached
        : await queryClient.fetchQuery({ ...options, staleTime: 0 })
      const document = fetchedValue(fetched)
      if (!document) {
        const error = fetched.result && !fetched.result.ok ? fetched.result.error : undefined
        return {
          stage: 'discovery',
          diagnosis: diagnoseDiscoveryError(error, fetched.exchange, {
            origin: window.location.origin,
          }),
        }
      }
      if (!document.userinfo_endpoint) {
        return { stage: 'no_endpoint', discoveryIssuer: document.issuer }
      }
      const request = buildUserinfoRequest(
        document.userinfo_endpoint,
        variables.accessToken,
        variables.tokenType,
      )
      const exchange = await sendRecorded(request, { stepId: 'inspect-userinfo' })
      return { stage: 'userinfo', discoveryIssuer: document.issuer, request, exchange }
    },
  })
}
