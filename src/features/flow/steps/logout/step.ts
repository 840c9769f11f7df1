import {
  buildEndSessionUrl,
  parseLogoutReturn,
  type EndSessionUrl,
  type LogoutReturn,
} from '@/lib/oidc/end-session'
import { blocked, type StepContext, type StepDefinition } from '@/features/flow/steps/types'
import { APP_BASE } from '@/lib/app-base'

export interface LogoutResult {
  /** The logout URL as it was sent. */
  sent: string
  returned?: LogoutReturn
}

/** Where the provider sends the browser back after logout: the lab's own page. */
export const postLogoutRedirectUri = (origin: string, base = APP_BASE) => `${origin}${base}`

/** The end-session URL for the run's newest ID token, explained; or why there is none. */
export function endSessionFor(context: StepContext, state?: string): EndSessionUrl | string {
  const endpoint = context.document?.end_session_endpoint
  if (!endpoint) return 'The provider advertises no end_session_endpoint.'
  const idToken = context.currentTokens()?.response?.id_token
  if (!idToken) return 'Needs an ID token: the provider takes it as the logout hint.'
  return buildEndSessionUrl({
    endSessionEndpoint: endpoint,
    idTokenHint: idToken,
    postLogoutRedirectUri: postLogoutRedirectUri(context.origin),
    clientId: context.config.clientId,
    state,
  })
}

/** RP-initiated logout: the provider ends its session; the run's tokens should stop working. */
export const logoutStep: StepDefinition<LogoutResult, { state?: string }> = {
  id: 'logout',
  phase: 'run',
  title: 'Logout',
  note: 'The browser is sent to the provider’s end_session_endpoint with the ID token as a hint; the provider ends its session and sends the browser back. Tokens bound to that session should then be refused.',
  spec: [
    {
      label: 'RP-Initiated Logout §2',
      href: 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout',
    },
  ],
  grants: ['authorization_code', 'device_code'],
  prepare: (context, { state }) => {
    const logout = endSessionFor(context, state)
    return typeof logout === 'string'
      ? blocked(logout)
      : { ok: true, request: { method: 'GET', url: logout.url, headers: {} } }
  },
  derive: ({ flow }) => {
    const logout = flow.logout
    if (!logout) return undefined
    return {
      sent: logout.url,
      returned: logout.returnUrl ? parseLogoutReturn(logout.returnUrl, logout.state) : undefined,
    }
  },
  status: (context, logout) =>
    logout?.returned
      ? logout.returned.stateMatches === false
        ? 'fail'
        : 'done'
      : logout
        ? 'running'
        : logoutStep.prepare?.(context, {}).ok
          ? 'ready'
          : 'waiting',
  alsoAfterReturn: true,
}
