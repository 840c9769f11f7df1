import type { HttpExchange } from '@/lib/http/types'
import { decodeJwt, type DecodedToken } from '@/lib/jwt/decode-jwt'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import {
  diagnoseMissingIdToken,
  diagnoseTokenError,
  diagnoseUserinfoError,
  type Diagnosis,
} from '@/lib/oidc/diagnose'
import { compareScopes, parseScope, type ScopeComparison } from '@/lib/oidc/scopes'
import { processTokenResponse } from '@/lib/oidc/token-response'
import type { TokenEndpointResponse } from '@/lib/oidc/types'
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

function scopeClaim(token: DecodedToken | undefined): string | undefined {
  const scope = token?.payload?.scope
  return typeof scope === 'string' ? scope : undefined
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
  const failed = (diagnosis: Diagnosis): TokenResult => ({
    exchange,
    attempts,
    diagnosis,
    scopes: compareScopes({ requested }),
  })
  const context = {
    clientAuthMethod: config.clientType === 'public' ? ('none' as const) : config.authMethod,
    isPublicClient: config.clientType === 'public',
    codeAlreadyExchanged: earlierSuccess,
    origin: window.location.origin,
    tokenEndpoint: exchange.request.url,
  }
  if (!exchange.response) return failed(diagnoseTokenError(exchange, context))
  const result = processTokenResponse(exchange.response)
  if (!result.ok) return failed(diagnoseTokenError(exchange, context))
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
    noIdToken: idToken ? undefined : diagnoseMissingIdToken({ requestedScope: requested, grantedScope: response.scope }),
    scopes: compareScopes({
      requested,
      granted: response.scope !== undefined ? parseScope(response.scope) : undefined,
      accessTokenScope: accessToken.kind === 'opaque' ? undefined : parseScope(scopeClaim(accessToken) ?? ''),
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
  const context = {
    accessTokenScopeClaim: token?.accessToken?.kind === 'opaque' ? undefined : scopeClaim(token?.accessToken),
    tokenResponseScope: token?.response?.scope,
    requestedScope: flow.config.scopes,
  }
  if (!exchange.response) return { exchange, diagnosis: diagnoseUserinfoError(exchange, context) }
  const result = processUserinfoResponse(exchange.response)
  if (!result.ok) return { exchange, diagnosis: diagnoseUserinfoError(exchange, context) }
  const value = result.value
  if (value.kind === 'jwt') return { exchange, jwt: decodeJwt(value.jwt), claims: decodeJwt(value.jwt).payload }
  return { exchange, claims: value.claims }
}
