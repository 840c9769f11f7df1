import type { HttpExchange } from '@/lib/wire/http-types'
import { decodeJwt, type DecodedToken } from '@/lib/jwt/decode-jwt'
import { checkUserinfoScope } from '@/lib/jwt/userinfo-scope-check'
import { isServiceAccountToken } from '@/lib/oidc/client-credentials'
import { accessTokenFacts, diagnoseUserinfoError, type Diagnosis } from '@/lib/oidc/diagnose'
import type { OidcError } from '@/lib/oidc/types'
import { validateIssuerInput } from '@/lib/oidc/issuer'
import { processUserinfoResponse } from '@/lib/oidc/userinfo'

/** Where the userinfo call will look for the provider's metadata, or why it cannot. */
export type UserinfoIssuer =
  { ok: true; issuer: string; from: 'field' | 'iss' } | { ok: false; reason: string }

/**
 * The issuer whose discovery document names the userinfo endpoint: the Issuer field when filled
 * in, else the token's `iss`. Both are validated as issuers; neither is contacted here.
 */
export function resolveUserinfoIssuer(
  issuerInput: string,
  payload: Readonly<Record<string, unknown>> | undefined,
): UserinfoIssuer {
  const typed = issuerInput.trim()
  if (typed) {
    const valid = validateIssuerInput(typed)
    return valid.ok
      ? { ok: true, issuer: valid.value.issuer, from: 'field' }
      : { ok: false, reason: `The Issuer field is not usable: ${valid.error.message}` }
  }
  const iss = payload?.iss
  if (typeof iss !== 'string' || iss === '') {
    return {
      ok: false,
      reason: 'The token names no issuer (iss): enter the Issuer to find its userinfo endpoint.',
    }
  }
  const valid = validateIssuerInput(iss)
  return valid.ok
    ? { ok: true, issuer: valid.value.issuer, from: 'iss' }
    : { ok: false, reason: `The token’s iss is not a usable issuer: ${valid.error.message}` }
}

/** What the inspector knows about the token it sent to userinfo. */
export interface UserinfoCallContext {
  token: DecodedToken
  /** The `scope` of the pasted token response, when the token came in one. */
  tokenResponseScope?: string
  /** The issuer of the discovery document that named the endpoint. */
  expectedIssuer?: string
  origin?: string
}

/** A userinfo answer read for the inspector. */
export interface UserinfoOutcome {
  claims?: Record<string, unknown>
  /** A signed userinfo response (`application/jwt`), decoded. */
  jwt?: DecodedToken
  diagnosis?: Diagnosis
  /** Userinfo answered with claims although the token's own scope claim lacks `openid`. */
  acceptedWithoutOpenid: boolean
}

/**
 * Reads one recorded userinfo exchange: the claims (JSON, or a JWT decoded but not verified), or a
 * diagnosis from `diagnoseUserinfoError` fed with the token's own claims. It does not compare `sub`
 * with any ID token, and says nothing about why a provider accepted a token.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse
 */
export function readUserinfoOutcome(
  exchange: HttpExchange,
  context: UserinfoCallContext,
): UserinfoOutcome {
  const payload = context.token.payload
  const service = isServiceAccountToken(payload ?? {})
  const diagnose = (error: OidcError | undefined): UserinfoOutcome => {
    const diagnosis = diagnoseUserinfoError({
      ...accessTokenFacts(payload),
      response: exchange.response,
      networkError: exchange.networkError,
      error,
      tokenResponseScope: context.tokenResponseScope,
      requestedScope: [],
      ...(service.serviceAccount ? { grantType: 'client_credentials' as const } : {}),
      expectedIssuer: context.expectedIssuer,
      origin: context.origin,
      userinfoEndpoint: exchange.request.url,
    })
    return { ...(diagnosis ? { diagnosis } : {}), acceptedWithoutOpenid: false }
  }
  if (!exchange.response) return diagnose(undefined)
  const result = processUserinfoResponse(exchange.response)
  if (!result.ok) return diagnose(result.error)
  const acceptedWithoutOpenid = checkUserinfoScope(payload).code === 'scope_lacks_openid'
  if (result.value.format === 'jwt') {
    const jwt = decodeJwt(result.value.jwt)
    return { jwt, ...(jwt.payload ? { claims: jwt.payload } : {}), acceptedWithoutOpenid }
  }
  return { claims: result.value.claims, acceptedWithoutOpenid }
}
