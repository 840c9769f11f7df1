import { useEffect, useRef, useState } from 'react'
import type { DecodedToken } from '@/lib/jwt/decode-jwt'
import { runInspectChecks, type InspectCheck, type InspectContext } from './inspect-checks'
import type { TokenRole } from './token-role'

/** One token to check; `key` must change whenever the token or its role does. */
export interface CheckJob {
  key: string
  token: DecodedToken
  role: TokenRole
  /** For an ID token: the access token from the same response, to check at_hash. */
  accessToken?: string
}

/**
 * Checks every job, keyed by `job.key`. While the user types, the latest request wins: results of
 * an older request are dropped, and a result is only shown for the key it was computed for. An
 * unknown `kid` triggers one JWKS refetch per token (key rotation), never a loop.
 */
export function useInspectChecks(
  jobs: readonly CheckJob[],
  context: Omit<InspectContext, 'accessToken'>,
  refetchJwks: () => void,
): Record<string, InspectCheck[]> {
  const [results, setResults] = useState<Record<string, InspectCheck[]>>({})
  const latest = useRef(0)
  useEffect(() => {
    const requestId = ++latest.current
    void Promise.all(
      jobs.map((job) =>
        runInspectChecks(job.token, job.role, { ...context, accessToken: job.accessToken }),
      ),
    ).then((all) => {
      if (requestId !== latest.current) return
      setResults(Object.fromEntries(jobs.map((job, i) => [job.key, all[i] ?? []])))
    })
  }, [jobs, context])

  const refetched = useRef(new Set<string>())
  useEffect(() => {
    for (const job of jobs) {
      const needs = results[job.key]?.some((check) => check.needsJwksRefresh === true)
      const once = `${context.issuer ?? ''} ${job.token.raw}`
      if (needs && !refetched.current.has(once)) {
        refetched.current.add(once)
        refetchJwks()
      }
    }
  }, [jobs, results, context.issuer, refetchJwks])
  return results
}
