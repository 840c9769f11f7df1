import type { DecodedToken } from '@/lib/jwt/decode-jwt'

/** How the inspector checks a pasted token: as an ID token, an access token, or a refresh token. */
export type TokenRole = 'id' | 'access' | 'refresh'

/** The role the inspector picked for a lone token, and one sentence saying why. */
export interface RoleGuess {
  role: TokenRole
  reason: string
}

const KEYCLOAK_TYP: Record<string, TokenRole> = {
  id: 'id',
  bearer: 'access',
  refresh: 'refresh',
  offline: 'refresh',
}

/**
 * Guesses what a lone pasted token is, so the right checks run: Keycloak's payload `typ` (`ID`,
 * `Bearer`, `Refresh`, `Offline`) first, then the header `typ` `at+jwt` (RFC 9068), then ID token
 * markers (`aud` with `nonce`, `auth_time`, `at_hash` or `c_hash`), then access token markers
 * (`scope`, `client_id`). Anything else is treated as an access token. It is a heuristic: the user
 * can override it.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDToken
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.1
 */
export function guessTokenRole(token: DecodedToken): RoleGuess {
  if (token.kind === 'opaque') {
    return {
      role: 'access',
      reason: 'not a JWT: opaque tokens are usually access or refresh tokens',
    }
  }
  if (token.kind === 'jwe') {
    return {
      role: 'id',
      reason: 'encrypted for a recipient: providers encrypt ID tokens for the client',
    }
  }
  const claims = token.payload
  if (!claims) {
    return { role: 'access', reason: 'the payload could not be read, so nothing says otherwise' }
  }
  const typName = typeof claims.typ === 'string' ? claims.typ.toLowerCase() : ''
  const typ = Object.hasOwn(KEYCLOAK_TYP, typName) ? KEYCLOAK_TYP[typName] : undefined
  if (typ) return { role: typ, reason: `its payload typ is "${String(claims.typ)}" (Keycloak)` }
  const headerTyp = token.header?.typ
  if (typeof headerTyp === 'string' && /^(application\/)?at\+jwt$/i.test(headerTyp)) {
    return { role: 'access', reason: `its header typ is "${headerTyp}" (RFC 9068 access token)` }
  }
  const accessMarker = ['scope', 'client_id'].find((name) => name in claims)
  if (claims.aud !== undefined) {
    const strong = ['nonce', 'at_hash', 'c_hash'].find((name) => name in claims)
    if (strong) return { role: 'id', reason: `it has aud and ${strong}, which ID tokens carry` }
    if ('auth_time' in claims && !accessMarker) {
      return {
        role: 'id',
        reason: 'it has aud and auth_time but no scope or client_id: typical of an ID token',
      }
    }
  }
  if (accessMarker) {
    return { role: 'access', reason: `it has ${accessMarker}, which access tokens carry` }
  }
  return {
    role: 'access',
    reason: 'no ID token markers (typ "ID", aud with nonce or auth_time)',
  }
}
