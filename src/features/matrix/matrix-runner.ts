import { sendRecorded } from '@/lib/http/recorded-fetch'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { buildLabAuthorizationUrl, clientAuthFor, usesPkce } from '@/lib/lab-config/authorization'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { ScopeSetResult } from '@/lib/matrix/build-matrix'
import { parseCallbackParams, validateCallback } from '@/lib/oidc/callback-params'
import { generateRequestSecrets } from '@/lib/oidc/request-secrets'
import { parseScope } from '@/lib/oidc/scopes'
import { buildTokenRequest } from '@/lib/oidc/token-request'
import { processTokenResponse } from '@/lib/oidc/token-response'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import { buildUserinfoRequest, processUserinfoResponse } from '@/lib/oidc/userinfo'

export interface MatrixRunInput {
  document: DiscoveryDocument
  config: LabConfig
  sets: string[][]
  redirectUri: string
  signal: AbortSignal
  /** Silent authorization (`prompt=none`), e.g. in a hidden iframe. */
  silent: (url: string, signal: AbortSignal) => Promise<string>
  /** Interactive sign-in when the provider needs the user; the UI asks for a click first (popups). */
  interactive: (url: string, signal: AbortSignal) => Promise<string>
  onResult: (index: number, result: ScopeSetResult) => void
}

const NEEDS_USER = new Set([
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
])
const STEP = 'matrix'

/**
 * Runs the flow once per scope set, reusing the provider session (`prompt=none`) and falling back
 * to an interactive sign-in when the provider says it needs the user. Sets run one after another;
 * cancelling stops before the next request.
 */
export async function runScopeMatrix(input: MatrixRunInput): Promise<void> {
  for (const [index, scopes] of input.sets.entries()) {
    input.signal.throwIfAborted()
    input.onResult(index, await runOneSet(input, scopes))
  }
}

async function runOneSet(input: MatrixRunInput, scopes: string[]): Promise<ScopeSetResult> {
  const { document, redirectUri, signal } = input
  const config = { ...input.config, scopes }
  const secrets = await generateRequestSecrets({ pkce: usesPkce(config) })
  const url = (prompt: string) =>
    buildLabAuthorizationUrl(document.authorization_endpoint, config, secrets, redirectUri, {
      prompt,
    }).url

  let callbackUrl = await input.silent(url('none'), signal)
  let params = parseCallbackParams(new URL(callbackUrl).search)
  if (params.error && NEEDS_USER.has(params.error)) {
    callbackUrl = await input.interactive(
      url(config.extras.prompt === 'none' ? '' : config.extras.prompt),
      signal,
    )
    params = parseCallbackParams(new URL(callbackUrl).search)
  }
  const validation = validateCallback({
    params,
    expectedState: secrets.state,
    expectedIssuer: document.issuer,
    issParameterSupported: document.authorization_response_iss_parameter_supported,
  })
  if (!validation.proceed || !params.code) {
    return { scopes, claims: {}, error: params.error ?? validation.blockers[0]?.code ?? 'no code' }
  }

  signal.throwIfAborted()
  const tokenExchange = await sendRecorded(
    buildTokenRequest({
      tokenEndpoint: document.token_endpoint,
      code: params.code,
      redirectUri,
      clientId: config.clientId,
      codeVerifier: secrets.codeVerifier,
      auth: clientAuthFor(config),
    }),
    { stepId: STEP },
  )
  const token = tokenExchange.response ? processTokenResponse(tokenExchange.response) : undefined
  if (!token?.ok) {
    const error = token?.error.code ?? tokenExchange.networkError ?? 'token request failed'
    return { scopes, claims: {}, error: `token: ${error}` }
  }
  const response = token.value
  const result: ScopeSetResult = {
    scopes,
    grantedScope: response.scope === undefined ? undefined : parseScope(response.scope),
    claims: {
      id_token: response.id_token ? decodeJwt(response.id_token).payload : undefined,
      access_token: decodeJwt(response.access_token).payload,
    },
  }
  if (!document.userinfo_endpoint) return result

  signal.throwIfAborted()
  const userinfo = await sendRecorded(
    buildUserinfoRequest(document.userinfo_endpoint, response.access_token, response.token_type),
    { stepId: STEP },
  )
  result.userinfoStatus = userinfo.response?.status
  const processed = userinfo.response ? processUserinfoResponse(userinfo.response) : undefined
  if (processed?.ok)
    result.claims.userinfo =
      processed.value.format === 'json'
        ? processed.value.claims
        : decodeJwt(processed.value.jwt).payload
  return result
}
