import { parseScope } from '../scopes'
import type { GrantType, TokenEndpointResponse } from '../types'
import { diagnosis, scopeText, tick, type Diagnosis } from './shared'

/** What the lab asked for when the token response arrived. */
export interface TokenResponseContext {
  requestedScope: readonly string[]
  /** The grant that produced the response; refresh and client credentials answers have no ID token. */
  grantType?: GrantType
}

/**
 * Notes about a successful token response: no ID token because `openid` was not requested (info,
 * with a rerun action), not granted (warning), or simply missing although granted (error: OIDC Core
 * requires it). Refresh responses may omit the ID token, and client credentials never has one (no
 * user logged in). It does not validate the ID token.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse
 */
export function diagnoseTokenResponse(
  token: TokenEndpointResponse,
  context: TokenResponseContext,
): Diagnosis[] {
  if (
    token.id_token ||
    context.grantType === 'refresh_token' ||
    context.grantType === 'client_credentials'
  )
    return []
  const requested = parseScope(context.requestedScope)
  const granted = token.scope === undefined ? requested : parseScope(token.scope)
  const known = [
    'The token response has no id_token.',
    `The requested scope was ${scopeText(requested)}${token.scope !== undefined ? ` and the granted scope is ${scopeText(granted)}` : ''}.`,
  ]
  if (!requested.includes('openid')) {
    return [
      diagnosis('no_id_token', {
        severity: 'info',
        known,
        cause: `${tick('openid')} was not requested, so the provider treated the request as plain OAuth 2.0: no ID token, and a provider that enforces OIDC Core §5.3 (Keycloak does) refuses this access token at userinfo.`,
        action: { kind: 'rerun_with_scope', scope: 'openid' },
      }),
    ]
  }
  if (!granted.includes('openid')) {
    return [
      diagnosis('no_id_token', {
        severity: 'warning',
        known,
        cause: `${tick('openid')} was requested but not granted.`,
        fix: 'Check that the client may use OpenID Connect at the provider.',
      }),
    ]
  }
  return [
    diagnosis('no_id_token', {
      known,
      cause: 'The provider granted `openid` but returned no ID token, which OIDC Core requires.',
      fix: 'This is a provider defect (or the endpoint is not an OpenID Provider); report it.',
      detail: 'missing_despite_openid',
    }),
  ]
}
