import type { HttpExchange } from '@/lib/wire/http-types'
import { decodeJwt, type DecodedToken } from '@/lib/jwt/decode-jwt'
import { clientAuthFor } from '@/lib/lab-config/authorization'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import {
  diagnoseTokenError,
  diagnoseTokenResponse,
  diagnoseUserinfoError,
  type Diagnosis,
} from '@/lib/oidc/diagnose'
import { compareScopes, parseScope, type ScopeComparison } from '@/lib/oidc/scopes'
import { processTokenResponse } from '@/lib/oidc/token-response'
import type { OidcError, TokenEndpointResponse } from '@/lib/oidc/types'
import { processUserinfoResponse } from '@/lib/oidc/userinfo'
import type { FlowState } from '@/features/flow/flow-reducer'

export interface TokenResult {
  exchange: HttpExchange
  attempts: number
  response?: TokenEndpointResponse
  diagnosis?: Diagnosis
  idToken?: DecodedToken
  accessToken?: DecodedToken
  refreshToken?: DecodedToken
  /** Why there is no ID token, when there is none. */
  noIdToken?: Diagnosis
  scopes: ScopeComparison
}

export interface UserinfoResult {
  exchange: HttpExchange
  claims?: Record<string, unknown>
  /** A signed userinfo response (`application/jwt`). */
  jwt?: DecodedToken
  diagnosis?: Diagnosis
}

/** The access token's `scope` (or Entra's `scp`) claim; undefined for opaque tokens. */
function scopeClaim(token: DecodedToken | undefined): string | string[] | undefined {
  const scope = token?.payload?.scope ?? token?.payload?.scp
  if (typeof scope === 'string') return scope
  return Array.isArray(scope) ? scope.filter((s): s is string => typeof s === 'string') : undefined
}

/** The token step's outcome, derived from the recorded exchanges (no network, no storage). */
export function deriveTokenResult(flow: FlowState, config: LabConfig): TokenResult | undefined {
  const exchange = flow.tokenExchanges.at(-1)
  if (!exchange) return undefined
  const attempts = flow.tokenExchanges.length
  const earlierSuccess = flow.tokenExchanges
    .slice(0, -1)
    .some((x) => x.response !== undefined && x.response.status < 300)
  const requested = config.scopes
  const failed = (diagnosis: Diagnosis | undefined): TokenResult => ({
    exchange,
    attempts,
    diagnosis,
    scopes: compareScopes({ requested }),
  })
  const receivedAt = flow.callback ? Date.parse(flow.callback.receivedAt) : NaN
  const context = {
    clientAuthMethod: clientAuthFor(config).method,
    isPublicClient: config.clientType === 'public',
    codeAlreadyExchanged: earlierSuccess || attempts > 1,
    codeAgeSeconds: Number.isNaN(receivedAt)
      ? undefined
      : Math.max(0, Math.round((Date.parse(exchange.startedAt) - receivedAt) / 1000)),
    usedPkce: exchange.request.form?.some(([name]) => name === 'code_verifier') ?? false,
    origin: window.location.origin,
    tokenEndpoint: exchange.request.url,
  }
  if (!exchange.response) return failed(diagnoseTokenError(exchange, undefined, context))
  const result = processTokenResponse(exchange.response)
  if (!result.ok) return failed(diagnoseTokenError(exchange, result.error, context))
  const response = result.value
  const accessToken = decodeJwt(response.access_token)
  const idToken = response.id_token ? decodeJwt(response.id_token) : undefined
  return {
    exchange,
    attempts,
    response,
    idToken,
    accessToken,
    refreshToken: response.refresh_token ? decodeJwt(response.refresh_token) : undefined,
    noIdToken: diagnoseTokenResponse(response, { requestedScope: requested })[0],
    scopes: compareScopes({
      requested,
      granted: response.scope !== undefined ? parseScope(response.scope) : undefined,
      accessTokenScope: scopeClaim(accessToken),
    }),
  }
}

/** The userinfo step's outcome, derived from the recorded exchanges. */
export function deriveUserinfoResult(
  flow: FlowState,
  token: TokenResult | undefined,
): UserinfoResult | undefined {
  const exchange = flow.userinfoExchanges.at(-1)
  if (!exchange) return undefined
  const payload = token?.accessToken?.payload
  const diagnose = (error: OidcError | undefined) =>
    diagnoseUserinfoError({
      response: exchange.response,
      error,
      networkError: exchange.networkError,
      accessTokenScopeClaim: scopeClaim(token?.accessToken),
      tokenResponseScope: token?.response?.scope,
      requestedScope: flow.config.scopes,
      accessTokenExp: typeof payload?.exp === 'number' ? payload.exp : undefined,
      accessTokenIss: typeof payload?.iss === 'string' ? payload.iss : undefined,
      origin: window.location.origin,
      userinfoEndpoint: exchange.request.url,
    })
  if (!exchange.response) return { exchange, diagnosis: diagnose(undefined) }
  const result = processUserinfoResponse(exchange.response)
  if (!result.ok) return { exchange, diagnosis: diagnose(result.error) }
  const value = result.value
  if (value.format === 'jwt') {
    const jwt = decodeJwt(value.jwt)
    return { exchange, jwt, claims: jwt.payload }
  }
  return { exchange, claims: value.claims }
}
