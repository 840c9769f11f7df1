import { useEffect } from 'react'
import { scrubCallbackUrl } from '@/lib/oidc/scrub-callback-url'
import type { FlowState } from '@/features/flow/flow-reducer'

/**
 * Once the code was sent to the token endpoint, `code`, `state`, `session_state` and `iss` leave the
 * address bar (history.replaceState: no reload, no new history entry). The callback step keeps
 * showing them from the flow; reloading `/callback` afterwards resumes the saved flow.
 */
export function useScrubbedCallbackUrl(flow: FlowState) {
  const exchanged = (flow.sent.token?.length ?? 0) > 0
  useEffect(() => {
    if (!exchanged) return
    const clean = scrubCallbackUrl(window.location.href)
    if (clean !== undefined) window.history.replaceState(window.history.state, '', clean)
  }, [exchanged])
}
