import { type Check, type CheckCode, type CheckStatus, OIDC_CORE } from './checks'

/** OIDC Core §5.3, the UserInfo endpoint: the `specLink` of the userinfo scope check. */
const USERINFO = `${OIDC_CORE}#UserInfo`

/** Options of {@link checkUserinfoScope}. */
export interface UserinfoScopeOptions {
  /** The grant that produced the token (`authorization_code`, `client_credentials`…), when known. */
  grantType?: string
}

/** The scope claim of an access token, as found. */
interface ScopeClaim {
  claim: 'scope' | 'scp'
  /** The claim as one space-separated string (arrays joined). */
  text: string
  scopes: string[]
}

function readScopeClaim(payload: Readonly<Record<string, unknown>>): ScopeClaim | undefined {
  for (const claim of ['scope', 'scp'] as const) {
    const value = payload[claim]
    if (typeof value === 'string') {
      return { claim, text: value.trim(), scopes: value.split(/\s+/).filter(Boolean) }
    }
    if (Array.isArray(value)) {
      const scopes = value.filter((s): s is string => typeof s === 'string' && s !== '')
      return { claim, text: scopes.join(' '), scopes }
    }
  }
  return undefined
}

const CLIENT_CREDENTIALS_NOTE =
  ' A client_credentials token stands for the client itself: there is no end-user for userinfo to describe.'

const row = (status: CheckStatus, code: CheckCode, message: string): Check => ({
  id: 'userinfo_scope',
  status,
  code,
  message,
  specLink: USERINFO,
  informative: true,
})

/**
 * Predicts, from the access token's own claims, whether userinfo will accept it on scope grounds:
 * `pass` when `scope` (a string) or `scp` (a string or an array, as Entra ID and Okta send it)
 * contains `openid`; `fail` when a scope claim is present without `openid` (OIDC Core §5.3 has
 * userinfo serve tokens from an OpenID Connect request; Keycloak enforces it with 403
 * `insufficient_scope`, other providers do not); `skip` for an opaque or undecodable token
 * (`payload` undefined) or one with no scope claim. It does not check expiry, audience, signature
 * or revocation, and cannot see a scope the provider keeps server-side.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2.3
 */
export function checkUserinfoScope(
  payload: Readonly<Record<string, unknown>> | undefined,
  { grantType }: UserinfoScopeOptions = {},
): Check {
  const note = grantType === 'client_credentials' ? CLIENT_CREDENTIALS_NOTE : ''
  if (!payload) {
    return row(
      'skip',
      'scope_unknown',
      `Cannot tell from the token (it is opaque or could not be decoded): ask the provider (introspection) or call userinfo.${note}`,
    )
  }
  const found = readScopeClaim(payload)
  if (!found) {
    return row(
      'skip',
      'scope_unknown',
      `Cannot tell from the token (it has no scope or scp claim): ask the provider (introspection) or call userinfo.${note}`,
    )
  }
  const its = found.text
    ? `Its ${found.claim} \`${found.text}\``
    : `Its ${found.claim} is empty and`
  if (found.scopes.includes('openid')) {
    return row(
      'pass',
      'scope_has_openid',
      `${its} includes \`openid\`, as userinfo requires (OIDC Core §5.3). Scope is not everything: an expired or revoked token is still refused.`,
    )
  }
  return row(
    'fail',
    'scope_lacks_openid',
    `${its} lacks \`openid\`. Userinfo is for tokens from an OpenID Connect request (OIDC Core §5.3); Keycloak refuses such a token with 403 insufficient_scope, some providers accept it.${note}`,
  )
}

/** An access token claim that decides a userinfo or API outcome. */
export type DecisiveClaim = 'scope' | 'scp' | 'aud' | 'azp' | 'exp'

const DECISIVE: readonly DecisiveClaim[] = ['scope', 'scp', 'aud', 'azp', 'exp']

/**
 * The claims, among `scope`, `scp`, `aud`, `azp` and `exp` in that order, that the token carries:
 * the ones that decide whether userinfo or an API accepts it, for pinning at the top of a token
 * view. It does not judge their values; see {@link checkUserinfoScope} and the access token checks.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2
 */
export function decisiveAccessTokenClaims(
  payload: Readonly<Record<string, unknown>> | undefined,
): DecisiveClaim[] {
  if (!payload) return []
  return DECISIVE.filter((name) => payload[name] !== undefined)
}
