import { useEffect } from 'react'
import { useTokenChecks } from '@/features/flow/hooks/use-token-checks'
import type { Lab } from '@/features/flow/lab'

/**
 * Checks the run's tokens (ID token signature and claims, access token, userinfo `sub`) and hands
 * the result to the lab. Renders nothing; it is one of the run views, so the checks load with the
 * run steps and not with the first page. Mounted by the route, whichever view is on screen.
 */
export function TokenChecksProbe({ lab }: { lab: Lab }) {
  const checks = useTokenChecks(lab.context, lab.config)
  const { reportChecks } = lab
  // a new object every render: hand it over only when what it says changed
  const key = JSON.stringify(checks)
  useEffect(() => {
    reportChecks(checks)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the checks
  }, [key, reportChecks])
  return null
}
