import type { HttpExchange } from '@/lib/wire/http-types'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import { decodeJwt, type DecodedToken } from '@/lib/jwt/decode-jwt'
import {
  diagnoseTokenError,
  diagnoseTokenResponse,
  type Diagnosis,
  type TokenErrorContext,
} from '@/lib/oidc/diagnose'
import { compareScopes, type ScopeComparison } from '@/lib/oidc/scope-comparison'
import { parseScope } from '@/lib/oidc/scopes'
import { processTokenResponse } from '@/lib/oidc/token-response'
import type { TokenEndpointResponse } from '@/lib/oidc/types'

/** The decoded outcome of one token endpoint answer (code exchange, refresh…). */
export interface TokenResult {
  exchange: HttpExchange
  /** How many times this step sent its request in this run. */
  attempts: number
  response?: TokenEndpointResponse
  diagnosis?: Diagnosis
  idToken?: DecodedToken
  accessToken?: DecodedToken
  refreshToken?: DecodedToken
  /** Why there is no ID token, when there is none. */
  noIdToken?: Diagnosis
  scopes: ScopeComparison
  /** When this answer failed: the last earlier answer of the same step that brought tokens. */
  earlier?: TokenResult
}

/** The access token's `scope` (or Entra's `scp`) claim; undefined for opaque tokens. */
export function scopeClaim(token: DecodedToken | undefined): string | string[] | undefined {
  const scope = token?.payload?.scope ?? token?.payload?.scp
  if (typeof scope === 'string') return scope
  return Array.isArray(scope) ? scope.filter((s): s is string => typeof s === 'string') : undefined
}

/**
 * Decodes a token endpoint exchange into tokens and scopes, or diagnoses its failure. Shared by
 * every step that talks to the token endpoint. Pure.
 */
export function readTokenExchange(
  exchange: HttpExchange,
  attempts: number,
  requested: readonly string[],
  context: TokenErrorContext,
): TokenResult {
  const failed = (diagnosis: Diagnosis | undefined): TokenResult => ({
    exchange,
    attempts,
    diagnosis,
    scopes: compareScopes({ requested: [...requested] }),
  })
  if (!exchange.response) return failed(diagnoseTokenError(exchange, undefined, context))
  const result = processTokenResponse(exchange.response)
  if (!result.ok) return failed(diagnoseTokenError(exchange, result.error, context))
  const response = result.value
  const accessToken = decodeJwt(response.access_token)
  return {
    exchange,
    attempts,
    response,
    idToken: response.id_token ? decodeJwt(response.id_token) : undefined,
    accessToken,
    refreshToken: response.refresh_token ? decodeJwt(response.refresh_token) : undefined,
    noIdToken: diagnoseTokenResponse(response, { requestedScope: [...requested] })[0],
    scopes: compareScopes({
      requested: [...requested],
      granted: response.scope !== undefined ? parseScope(response.scope) : undefined,
      accessTokenScope: scopeClaim(accessToken),
    }),
  }
}

/** What the setup asked for: the checkboxes, or for client credentials the token request's scope. */
export const requestedScopeOf = (config: LabConfig): string[] =>
  config.grant === 'client_credentials' ? parseScope(config.tokenRequestScope) : config.scopes

/** The tokens a token-endpoint step brought: its answer, or the earlier one a failed resend left. */
export const tokensOf = (result: TokenResult | undefined): TokenResult | undefined =>
  result?.response ? result : result?.earlier
