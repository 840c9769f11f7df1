/**
 * The extra fields of Keycloak's token response: `refresh_expires_in`, `not-before-policy` and
 * `session_state`.
 */
import type { KoaContextWithOIDC, RefreshToken } from 'oidc-provider'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The oidc-provider context of a request it routed; absent for everything else. */
export function routedOidc(ctx: KoaContextWithOIDC): KoaContextWithOIDC['oidc'] | undefined {
  return (ctx as Partial<KoaContextWithOIDC>).oidc
}

/** A successful token endpoint answer, or undefined. */
export function successfulTokenResponse(
  ctx: KoaContextWithOIDC,
): Record<string, unknown> | undefined {
  const routed = routedOidc(ctx)
  if (routed?.route !== 'token' || ctx.status !== 200 || !isRecord(ctx.body)) return undefined
  return ctx.body
}

/** Keycloak sends 0 for offline tokens: they have no expiry unless "Offline Session Max Limited". */
export function refreshExpiresIn(token: RefreshToken | undefined): number {
  if (!token || token.scopes.has('offline_access')) return 0
  return token.remainingTTL
}

/** Runs around oidc-provider's router and rewrites every successful token response. */
export async function keycloakTokenResponse(
  ctx: KoaContextWithOIDC,
  next: () => Promise<unknown>,
): Promise<void> {
  await next()
  const body = successfulTokenResponse(ctx)
  if (!body) return
  const { entities } = ctx.oidc
  const { refresh_token: refreshToken, ...rest } = body
  const sessionUid = entities.AccessToken?.sessionUid
  ctx.body = {
    ...rest,
    refresh_expires_in: refreshToken ? refreshExpiresIn(entities.RefreshToken) : 0,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    'not-before-policy': 0,
    ...(sessionUid ? { session_state: sessionUid } : {}),
  }
}
