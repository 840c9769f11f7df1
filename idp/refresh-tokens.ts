/**
 * Keycloak's refresh grant: each refresh returns a new refresh token while the old one stays valid
 * ("Revoke Refresh Token" OFF, Keycloak's default), and a narrower `scope` narrows the new access
 * and ID token without touching the refresh token's own scope.
 */
import type Provider from 'oidc-provider'
import type { Client, KoaContextWithOIDC, RefreshToken } from 'oidc-provider'
import { resolveRefreshScope, splitScope } from './keycloak-compat.ts'
import { findClient } from './realm.ts'
import { routedOidc, successfulTokenResponse } from './token-response.ts'

/**
 * oidc-provider's `rotateRefreshToken` hook, the one place that runs after its own scope check and
 * before the new access token takes its scope: applies Keycloak's rule to a requested `scope`.
 * Never rotates: the realm issues the new refresh token itself, without consuming the old one.
 */
export function applyRefreshScopePolicy(ctx: KoaContextWithOIDC): false {
  const { params, client, entities } = ctx.oidc
  const realmClient = client ? findClient(client.clientId) : undefined
  const refreshToken = entities.RefreshToken
  if (typeof params?.scope === 'string' && params.scope && realmClient && refreshToken) {
    params.scope = resolveRefreshScope(
      realmClient,
      splitScope(params.scope),
      refreshToken.scopes,
    ).join(' ')
  }
  return false
}

function successorOf(
  provider: Provider,
  old: RefreshToken,
  client: Client,
): RefreshToken | undefined {
  if (!old.grantId || !old.gty || old.scope === undefined) return undefined
  return new provider.RefreshToken({
    accountId: old.accountId,
    acr: old.acr,
    amr: old.amr,
    authTime: old.authTime,
    claims: old.claims,
    client,
    expiresWithSession: old.expiresWithSession,
    grantId: old.grantId,
    gty: old.gty.endsWith('refresh_token') ? old.gty : `${old.gty} refresh_token`,
    iiat: old.iiat,
    nonce: old.nonce,
    resource: old.resource,
    rotations: (old.rotations ?? 0) + 1,
    // RFC 6749 §6: the new refresh token has the scope of the old one, whatever was asked for
    scope: old.scope,
    sessionUid: old.sessionUid,
    sid: old.sid,
    rar: old.rar,
  })
}

/** Runs inside `keycloakTokenResponse`, so the response's `refresh_expires_in` is the new token's. */
export function reissueRefreshToken(provider: Provider) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> => {
    await next()
    const body = successfulTokenResponse(ctx)
    const { params, entities, client } = ctx.oidc
    const old = entities.RefreshToken
    if (!body || params?.grant_type !== 'refresh_token' || !old || !client) return
    const successor = successorOf(provider, old, client)
    if (!successor) return
    body.refresh_token = await successor.save()
    ctx.oidc.entity('RefreshToken', successor)
  }
}

/**
 * Keycloak's revocation of a refresh token detaches the client from the user session and removes
 * the session once no client is left in it (`TokenRevocationEndpoint.revokeClient`): the SSO ends,
 * and the client's access tokens then get "User session not found" at userinfo.
 */
async function detachClient(provider: Provider, token: RefreshToken): Promise<void> {
  if (!token.expiresWithSession || !token.sessionUid || !token.clientId) return
  const session = await provider.Session.findByUid(token.sessionUid)
  if (!session?.authorizations) return
  const { [token.clientId]: _detached, ...others } = session.authorizations
  session.authorizations = others
  if (Object.keys(others).length === 0) await session.destroy()
  else await session.persist()
}

/** Runs around the revocation endpoint. */
export function detachRevokedClient(provider: Provider) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> => {
    await next()
    const oidc = routedOidc(ctx)
    const revoked = oidc?.entities.RefreshToken
    if (oidc?.route !== 'revocation' || ctx.status !== 200 || !revoked) return
    await detachClient(provider, revoked)
  }
}
