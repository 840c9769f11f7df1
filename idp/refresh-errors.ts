/**
 * Keycloak's descriptions for a refused refresh ("Session not active", ...). oidc-provider answers
 * every one with "grant request is invalid", and by then the token itself is usually gone (logout
 * and revocation delete it), so the realm remembers the refresh tokens it issued.
 */
import type Provider from 'oidc-provider'
import type { KoaContextWithOIDC, RefreshToken } from 'oidc-provider'
import { refreshFailureDescription } from './keycloak-compat.ts'
import { TtlMap } from './map-adapter.ts'
import { routedOidc } from './token-response.ts'

export interface IssuedRefreshToken {
  clientId: string
  grantId?: string
  sessionUid?: string
  offline: boolean
  /** Epoch milliseconds. */
  expiresAt: number
}

// kept a while past expiry, so an expired token is told apart from an unknown one
const KEEP_AFTER_EXPIRY_MS = 24 * 60 * 60 * 1000

export class RefreshTokenRegistry {
  readonly #tokens = new TtlMap<string, IssuedRefreshToken>()

  remember(token: RefreshToken): void {
    const expiresAt = Date.now() + token.remainingTTL * 1000
    this.#tokens.setUntil(
      token.jti,
      {
        clientId: token.clientId ?? '',
        grantId: token.grantId,
        sessionUid: token.sessionUid,
        offline: token.expiresWithSession !== true,
        expiresAt,
      },
      expiresAt + KEEP_AFTER_EXPIRY_MS,
    )
  }

  find(value: string): IssuedRefreshToken | undefined {
    return this.#tokens.get(value)
  }

  sweep(): void {
    this.#tokens.sweep()
  }
}

export function trackIssuedRefreshTokens(provider: Provider, registry: RefreshTokenRegistry): void {
  provider.on('refresh_token.saved', (token) => {
    registry.remember(token)
  })
}

async function describeRefusal(
  provider: Provider,
  registry: RefreshTokenRegistry,
  value: string,
  clientId: string | undefined,
): Promise<string | undefined> {
  const issued = registry.find(value)
  const session = issued?.sessionUid
    ? await provider.Session.findByUid(issued.sessionUid)
    : undefined
  const grant = issued?.grantId ? await provider.Grant.find(issued.grantId) : undefined
  return refreshFailureDescription({
    known: issued !== undefined,
    sameClient: issued?.clientId === clientId,
    expired: issued !== undefined && issued.expiresAt <= Date.now(),
    offline: issued?.offline ?? false,
    sessionAlive: session !== undefined,
    grantAlive: grant !== undefined,
  })
}

function isInvalidGrant(body: unknown): body is { error: string; error_description?: string } {
  return (
    typeof body === 'object' && body !== null && 'error' in body && body.error === 'invalid_grant'
  )
}

/** Runs around the token endpoint and rewords a refused refresh the way Keycloak does. */
export function keycloakRefreshErrors(provider: Provider, registry: RefreshTokenRegistry) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> => {
    await next()
    const oidc = routedOidc(ctx)
    const value = oidc?.params?.refresh_token
    if (oidc?.route !== 'token' || oidc.params?.grant_type !== 'refresh_token') return
    if (ctx.status !== 400 || !isInvalidGrant(ctx.body) || typeof value !== 'string') return
    const description = await describeRefusal(provider, registry, value, oidc.client?.clientId)
    if (description) ctx.body = { ...ctx.body, error_description: description }
  }
}
