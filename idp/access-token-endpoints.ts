/**
 * Userinfo, introspection and revocation for the realm's JWT access tokens.
 *
 * oidc-provider refuses JWT access tokens at all three endpoints by design: it does not store them,
 * and its userinfo only takes audience-less opaque tokens. Keycloak accepts its JWTs everywhere, and
 * checks that the user session behind them is still alive, so this module does the same.
 */
import type { KeyObject } from 'node:crypto'
import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose'
import type * as OidcProviderModule from 'oidc-provider'
import type { Client, Configuration, KoaContextWithOIDC } from 'oidc-provider'
import type Provider from 'oidc-provider'
import { BodyTooLargeError, readFormBody } from './http-utils.ts'
import { bearerChallenge, splitScope, userClaims, type BearerError } from './keycloak-compat.ts'
import { TtlMap } from './map-adapter.ts'
import { findUserById } from './realm.ts'

export const USERINFO_ROUTE = '/protocol/openid-connect/userinfo'

export interface IssuedAccessToken {
  clientId: string
  accountId?: string
  grantId?: string
  sessionUid?: string
  expiresWithSession: boolean
}

/**
 * The JWTs this realm run has issued and not revoked, by `jti`, until they expire. A token missing
 * here was revoked (or issued by an earlier run), which gives Keycloak's revocation semantics.
 */
export class AccessTokenRegistry {
  readonly #tokens = new TtlMap<string, IssuedAccessToken>()

  remember(jti: string, exp: number | undefined, token: IssuedAccessToken): void {
    const ttl = (exp ?? 0) - Math.floor(Date.now() / 1000)
    if (ttl > 0) this.#tokens.set(jti, token, ttl)
  }

  find(jti: string): IssuedAccessToken | undefined {
    return this.#tokens.get(jti)
  }

  revoke(jti: string): void {
    this.#tokens.delete(jti)
  }

  sweep(): void {
    this.#tokens.sweep()
  }
}

export interface AccessTokenDeps {
  provider: Provider
  issuer: string
  publicKey: KeyObject
  registry: AccessTokenRegistry
  webOrigins: readonly string[]
  log: (line: string) => void
}

export type AccessTokenCheck =
  | { active: true; claims: JWTPayload; token: IssuedAccessToken }
  | { active: false; error: BearerError; detail: string }

const verificationFailed = (detail: string): AccessTokenCheck => ({
  active: false,
  error: { error: 'invalid_token', description: 'Token verification failed' },
  detail,
})

export async function checkAccessToken(
  deps: AccessTokenDeps,
  value: string,
): Promise<AccessTokenCheck> {
  let claims: JWTPayload
  try {
    ;({ payload: claims } = await jwtVerify(value, deps.publicKey, {
      issuer: deps.issuer,
      algorithms: ['RS256'],
    }))
  } catch (error) {
    return verificationFailed(error instanceof joseErrors.JOSEError ? error.code : 'not a JWT')
  }
  if (claims.typ !== 'Bearer' || typeof claims.jti !== 'string') {
    return verificationFailed(`not an access token (typ ${JSON.stringify(claims.typ)})`)
  }

  const token = deps.registry.find(claims.jti)
  if (!token) return verificationFailed('token was revoked, or issued before the realm restarted')

  if (token.expiresWithSession) {
    const session = token.sessionUid
      ? await deps.provider.Session.findByUid(token.sessionUid)
      : undefined
    if (
      !session ||
      session.accountId !== token.accountId ||
      session.grantIdFor(token.clientId) !== token.grantId
    ) {
      return {
        active: false,
        error: {
          error: 'invalid_token',
          description: "User session not found or doesn't have client attached on it",
        },
        detail: 'the SSO session ended (logout) or expired',
      }
    }
  }
  if (token.grantId && !(await deps.provider.Grant.find(token.grantId))) {
    return verificationFailed('grant revoked (refresh token revoked, or code replayed)')
  }
  return { active: true, claims, token }
}

type TokenLocation =
  { ok: true; value: string } | { ok: false; status: 400 | 401; error?: BearerError }

async function readBodyToken(ctx: KoaContextWithOIDC): Promise<string | null | BearerError> {
  if (ctx.method !== 'POST') return null
  try {
    return (await readFormBody(ctx.req)).get('access_token')
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return { error: 'invalid_request', description: 'Request body too large' }
    }
    throw error
  }
}

async function locateBearerToken(ctx: KoaContextWithOIDC): Promise<TokenLocation> {
  const header = ctx.get('Authorization')
  const fromBody = await readBodyToken(ctx)
  if (typeof fromBody === 'object' && fromBody !== null) {
    return { ok: false, status: 400, error: fromBody }
  }

  if (header && fromBody) {
    const description = 'Token must only be provided using one mechanism'
    return { ok: false, status: 400, error: { error: 'invalid_request', description } }
  }
  if (fromBody) return { ok: true, value: fromBody }
  const match = /^Bearer +(\S+)$/i.exec(header)
  if (match?.[1]) return { ok: true, value: match[1] }
  return { ok: false, status: 401 }
}

function respondError(
  ctx: KoaContextWithOIDC,
  status: number,
  error: BearerError | undefined,
): void {
  ctx.status = status
  if (status === 401 || status === 403) ctx.set('WWW-Authenticate', bearerChallenge(error))
  ctx.body = error
    ? { error: error.error, error_description: error.description }
    : { error: 'invalid_request', error_description: 'Token not provided' }
}

/** Runs before oidc-provider's router and answers every GET/POST to the userinfo endpoint. */
export function userinfoMiddleware(deps: AccessTokenDeps) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<unknown> => {
    if (ctx.path !== USERINFO_ROUTE || (ctx.method !== 'GET' && ctx.method !== 'POST')) {
      return next()
    }
    ctx.set('Cache-Control', 'no-store')
    ctx.vary('Origin')
    const origin = ctx.get('Origin')
    if (origin) {
      // like oidc-provider: errors are readable by any origin until a client is known
      ctx.set('Access-Control-Allow-Origin', origin)
      ctx.set('Access-Control-Expose-Headers', 'WWW-Authenticate')
    }

    const location = await locateBearerToken(ctx)
    if (!location.ok) return respondError(ctx, location.status, location.error)

    const check = await checkAccessToken(deps, location.value)
    if (!check.active) {
      deps.log(`userinfo: 401 ${check.error.description} (${check.detail})`)
      return respondError(ctx, 401, check.error)
    }

    if (origin && !deps.webOrigins.includes(origin)) {
      ctx.remove('Access-Control-Allow-Origin')
      ctx.remove('Access-Control-Expose-Headers')
      const description = `origin ${origin} not allowed for client: ${check.token.clientId}`
      return respondError(ctx, 400, { error: 'invalid_request', description })
    }

    const scopes = new Set(splitScope(check.claims.scope))
    if (!scopes.has('openid')) {
      deps.log('userinfo: 403 insufficient_scope (the access token was requested without openid)')
      return respondError(ctx, 403, {
        error: 'insufficient_scope',
        description: 'Missing openid scope',
      })
    }

    const user = typeof check.claims.sub === 'string' ? findUserById(check.claims.sub) : undefined
    if (!user) {
      return respondError(ctx, 401, { error: 'invalid_token', description: 'User not found' })
    }
    ctx.status = 200
    ctx.body = { sub: user.id, ...userClaims(user, scopes) }
    return undefined
  }
}

function isUnsupportedTokenType(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    'error' in body &&
    body.error === 'unsupported_token_type'
  )
}

/**
 * Runs after oidc-provider's introspection and revocation endpoints. Those reject structured tokens
 * with `unsupported_token_type` only once the calling client is authenticated, so this takes over
 * exactly that answer.
 */
export function structuredTokenMiddleware(deps: AccessTokenDeps) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> => {
    await next()
    // ctx.oidc only exists on requests oidc-provider routed
    const oidc = (ctx as Partial<KoaContextWithOIDC>).oidc
    if (!oidc || ctx.status !== 400 || !isUnsupportedTokenType(ctx.body)) return
    const { client, route } = oidc
    const value = oidc.params?.token
    if (!client || typeof value !== 'string') return

    if (route === 'introspection') {
      ctx.status = 200
      // Keycloak: introspection is for confidential clients (resource servers)
      if (client.clientAuthMethod === 'none') {
        ctx.body = { active: false }
        return
      }
      const check = await checkAccessToken(deps, value)
      ctx.body = check.active
        ? {
            ...check.claims,
            client_id: check.token.clientId,
            username: check.claims.preferred_username,
            token_type: 'Bearer',
            active: true,
          }
        : { active: false }
      return
    }

    if (route === 'revocation') {
      const check = await checkAccessToken(deps, value)
      if (check.active && check.token.clientId !== client.clientId) {
        ctx.body = { error: 'invalid_request', error_description: 'Unmatching clients' }
        return
      }
      if (check.active && typeof check.claims.jti === 'string') {
        deps.registry.revoke(check.claims.jti)
        deps.log(`revocation: access token ${check.claims.jti} revoked by ${client.clientId}`)
      }
      // RFC 7009: an invalid or unknown token is not an error
      ctx.status = 200
      ctx.body = ''
    }
  }
}

type Features = NonNullable<Configuration['features']>

/** Keycloak: introspection is for confidential clients (resource servers). */
export const introspection = {
  enabled: true,
  allowedPolicy: (_ctx: KoaContextWithOIDC, client: Client) => client.clientAuthMethod !== 'none',
}

/** Keycloak: a client revokes its own tokens only, and says "Unmatching clients" otherwise. */
export function revocation(oidc: typeof OidcProviderModule): NonNullable<Features['revocation']> {
  return {
    enabled: true,
    allowedPolicy: (_ctx, client, token) => {
      if (token.clientId !== client.clientId) {
        throw new oidc.errors.InvalidRequest('Unmatching clients')
      }
      return true
    },
  }
}
