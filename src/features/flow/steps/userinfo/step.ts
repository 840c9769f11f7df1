import type { HttpExchange } from '@/lib/wire/http-types'
import { decodeJwt, type DecodedToken } from '@/lib/jwt/decode-jwt'
import {
  accessTokenFacts,
  describeUserinfoSuccess,
  diagnoseUserinfoError,
  type Diagnosis,
} from '@/lib/oidc/diagnose'
import type { OidcError } from '@/lib/oidc/types'
import { SPEC } from '@/lib/oidc/spec-links'
import { buildUserinfoRequest, processUserinfoResponse } from '@/lib/oidc/userinfo'
import { requestedScopeOf } from '@/features/flow/steps/token-result'
import { blocked, type StepContext, type StepDefinition } from '@/features/flow/steps/types'

const CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'

export interface UserinfoResult {
  exchange: HttpExchange
  claims?: Record<string, unknown>
  /** A signed userinfo response (`application/jwt`). */
  jwt?: DecodedToken
  diagnosis?: Diagnosis
  /** A 2xx worth a word: e.g. this provider accepted a token without `openid`. */
  notice?: Diagnosis
}

const GRANT_TYPES = {
  authorization_code: 'authorization_code',
  client_credentials: 'client_credentials',
  device_code: 'urn:ietf:params:oauth:grant-type:device_code',
} as const

function deriveUserinfo(context: StepContext): UserinfoResult | undefined {
  const exchange = context.exchangesOf(userinfoStep.id).at(-1)
  if (!exchange) return undefined
  const token = context.currentTokens()
  const scope = {
    ...accessTokenFacts(token?.accessToken?.payload),
    tokenResponseScope: token?.response?.scope,
    requestedScope: requestedScopeOf(context.config),
  }
  const diagnose = (error: OidcError | undefined) =>
    diagnoseUserinfoError({
      ...scope,
      response: exchange.response,
      networkError: exchange.networkError,
      error,
      grantType: GRANT_TYPES[context.config.grant],
      expectedIssuer: context.document?.issuer,
      origin: context.origin,
      userinfoEndpoint: exchange.request.url,
    })
  if (!exchange.response) return { exchange, diagnosis: diagnose(undefined) }
  const result = processUserinfoResponse(exchange.response)
  if (!result.ok) return { exchange, diagnosis: diagnose(result.error) }
  const notice = describeUserinfoSuccess({ ...scope, response: exchange.response })
  const value = result.value
  if (value.format === 'jwt') {
    const jwt = decodeJwt(value.jwt)
    return { exchange, jwt, claims: jwt.payload, notice }
  }
  return { exchange, claims: value.claims, notice }
}

/** The access token presented as a Bearer token at the userinfo endpoint. */
export const userinfoStep: StepDefinition<UserinfoResult> = {
  id: 'userinfo',
  phase: 'run',
  title: 'Userinfo',
  note: 'The access token is presented as a Bearer token; the provider answers with the claims the granted scopes allow.',
  spec: [
    { label: 'OIDC Core §5.3', href: `${CORE}#UserInfo` },
    SPEC.bearerHeader,
    SPEC.bearerChallenge,
  ],
  prepare: (context) => {
    const { document } = context
    if (document && !document.userinfo_endpoint)
      return blocked('The provider advertises no userinfo_endpoint.')
    const token = context.currentTokens()?.response
    if (!document?.userinfo_endpoint || !token)
      return blocked('Needs an access token from the token request.')
    return {
      ok: true,
      request: buildUserinfoRequest(
        document.userinfo_endpoint,
        token.access_token,
        token.token_type,
      ),
    }
  },
  derive: deriveUserinfo,
  status: (context, userinfo) =>
    userinfo
      ? userinfo.claims
        ? 'done'
        : 'fail'
      : userinfoStep.prepare?.(context).ok
        ? 'ready'
        : 'waiting',
  diagnosis: (userinfo) => userinfo?.diagnosis ?? userinfo?.notice,
  autoRun: true,
  grants: ['authorization_code', 'client_credentials', 'device_code'],
  record: (userinfo) => ({
    userinfo: { status: userinfo.exchange.response?.status, claims: userinfo.claims },
  }),
}
