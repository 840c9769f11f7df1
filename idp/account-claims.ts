/**
 * Who the tokens are about: the realm's users (and service accounts) as oidc-provider accounts, and
 * the Keycloak claims added to every JWT access token.
 */
import type {
  AccessToken,
  Account,
  ClientCredentials,
  FindAccount,
  KoaContextWithOIDC,
} from 'oidc-provider'
import { serviceAccountNotes } from './client-credentials.ts'
import { accessTokenClaims, splitScope, userClaims, type Claims } from './keycloak-compat.ts'
import { findClient, findServiceAccount, findUserById } from './realm.ts'
import type { AccessTokenValues } from './token-formats.ts'

/** The code, refresh token or device code the current token request redeems. */
function grantSource(ctx: KoaContextWithOIDC) {
  const { entities } = ctx.oidc
  return entities.AuthorizationCode ?? entities.RefreshToken ?? entities.DeviceCode
}

/** Keycloak's extra ID token claims; oidc-provider hashes the raw `at_hash` value when signing. */
function idTokenClaims(ctx: KoaContextWithOIDC, accessTokenValues: AccessTokenValues): Claims {
  const accessToken = ctx.oidc.entities.AccessToken
  return {
    azp: ctx.oidc.client?.clientId,
    typ: 'ID',
    sid: grantSource(ctx)?.sessionUid,
    at_hash: accessToken ? accessTokenValues.get(accessToken) : undefined,
  }
}

export function createFindAccount(accessTokenValues: AccessTokenValues): FindAccount {
  return (ctx, sub): Account | undefined => {
    const user = findUserById(sub)
    if (!user) return undefined
    return {
      accountId: sub,
      claims(use, scope) {
        const claims = { sub, ...userClaims(user, new Set(splitScope(scope))) }
        if (use !== 'id_token') return claims
        return { ...claims, ...idTokenClaims(ctx, accessTokenValues) }
      },
    }
  }
}

function serviceAccountClaims(
  ctx: KoaContextWithOIDC,
  token: ClientCredentials,
  webOrigins: readonly string[],
): Claims | undefined {
  const client = token.clientId ? findClient(token.clientId) : undefined
  const serviceAccount = client ? findServiceAccount(client.clientId) : undefined
  if (!client || !serviceAccount) return undefined
  return {
    ...accessTokenClaims({
      user: serviceAccount,
      client,
      scopes: token.scopes,
      webOrigins,
    }),
    ...serviceAccountNotes(client.clientId, ctx.ip),
  }
}

function userTokenClaims(
  ctx: KoaContextWithOIDC,
  token: AccessToken,
  webOrigins: readonly string[],
): Claims | undefined {
  const client = token.clientId ? findClient(token.clientId) : undefined
  const user = findUserById(token.accountId)
  if (!client || !user) return undefined
  const source = grantSource(ctx)
  return accessTokenClaims({
    user,
    client,
    scopes: token.scopes,
    webOrigins,
    sessionUid: token.sessionUid,
    authTime: source?.authTime,
    acr: source?.acr,
  })
}

/** oidc-provider's `extraTokenClaims`: Keycloak's claims on top of iss/sub/aud/exp/iat/jti/scope. */
export function createExtraTokenClaims(webOrigins: readonly string[]) {
  return (ctx: KoaContextWithOIDC, token: AccessToken | ClientCredentials): Claims | undefined =>
    token.kind === 'ClientCredentials'
      ? serviceAccountClaims(ctx, token, webOrigins)
      : userTokenClaims(ctx, token, webOrigins)
}
