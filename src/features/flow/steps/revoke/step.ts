import type { HttpExchange } from '@/lib/wire/http-types'
import { clientAuthFor } from '@/lib/lab-config/authorization'
import { buildRevocationRequest, processRevocationResponse } from '@/lib/oidc/revocation'
import type { OidcError } from '@/lib/oidc/types'
import type { TokenKind } from '@/features/flow/steps/introspect/step'
import { blocked, type StepDefinition } from '@/features/flow/steps/types'

export interface RevokeResult {
  exchange: HttpExchange
  token: TokenKind
  /** The provider accepted the revocation (which does not prove the token existed). */
  accepted: boolean
  deviations: string[]
  error?: Pick<OidcError, 'message'> & { code: string }
}

/** Tells the provider a token is no longer needed (RFC 7009); later uses of it should be refused. */
export const revokeStep: StepDefinition<RevokeResult, { token: TokenKind }> = {
  id: 'revoke',
  phase: 'run',
  title: 'Revocation',
  note: 'The app tells the provider it no longer needs a token (on sign-out, say). Revoking a refresh token usually ends its access tokens too; a self-contained JWT access token may still pass a check that does not ask the provider.',
  spec: [{ label: 'RFC 7009 §2', href: 'https://www.rfc-editor.org/rfc/rfc7009#section-2' }],
  prepare: (context, { token }) => {
    const { document, config } = context
    if (!document?.revocation_endpoint)
      return blocked('The provider advertises no revocation_endpoint.')
    const value = context.currentTokens()?.response?.[token]
    if (!value) return blocked(`Needs a ${token.replace('_', ' ')} from the token request.`)
    return {
      ok: true,
      request: buildRevocationRequest({
        revocationEndpoint: document.revocation_endpoint,
        token: value,
        tokenTypeHint: token,
        clientId: config.clientId,
        auth: clientAuthFor(config),
      }),
    }
  },
  derive: (context) => {
    const exchange = context.exchangesOf(revokeStep.id).at(-1)
    if (!exchange) return undefined
    const hint = exchange.request.form?.find(([name]) => name === 'token_type_hint')?.[1]
    const token = hint === 'refresh_token' ? 'refresh_token' : 'access_token'
    if (!exchange.response) {
      const message = `No HTTP answer from the revocation endpoint (${exchange.networkError ?? 'network error'}): the provider is down, or it does not allow this page's origin (CORS).`
      return {
        exchange,
        token,
        accepted: false,
        deviations: [],
        error: { code: 'network_error', message },
      }
    }
    const result = processRevocationResponse(exchange.response)
    return result.ok
      ? { exchange, token, accepted: true, deviations: result.value.deviations }
      : { exchange, token, accepted: false, deviations: [], error: result.error }
  },
  grants: ['authorization_code', 'client_credentials', 'device_code'],
  status: (context, result) =>
    result
      ? result.accepted
        ? 'done'
        : 'fail'
      : revokeStep.prepare?.(context, { token: 'access_token' }).ok
        ? 'ready'
        : 'waiting',
}
