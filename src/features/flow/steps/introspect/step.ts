import type { HttpExchange } from '@/lib/wire/http-types'
import { clientAuthFor } from '@/lib/lab-config/authorization'
import { processIntrospectionResponse } from '@/lib/oidc/introspection'
import { buildIntrospectionRequest } from '@/lib/oidc/token-request'
import type { OidcError } from '@/lib/oidc/types'
import { blocked, type StepDefinition } from '@/features/flow/steps/types'

export type TokenKind = 'access_token' | 'refresh_token'

export interface IntrospectResult {
  exchange: HttpExchange
  token: TokenKind
  /** The members of a valid answer (RFC 7662 §2.2: at least a boolean `active`). */
  members?: Record<string, unknown>
  /** Why the answer is not a valid introspection response. */
  error?: OidcError
}

/** Asks the provider what a token means (RFC 7662): the only way to read an opaque token. */
export const introspectStep: StepDefinition<IntrospectResult, { token: TokenKind }> = {
  id: 'introspect',
  phase: 'run',
  title: 'Introspection',
  note: 'Asks the provider whether a token is active and what it stands for. Meant for resource servers and confidential clients: a public client usually gets an error or {"active": false}.',
  spec: [{ label: 'RFC 7662 §2', href: 'https://www.rfc-editor.org/rfc/rfc7662#section-2' }],
  prepare: (context, { token }) => {
    const { document, config } = context
    if (!document?.introspection_endpoint)
      return blocked('The provider advertises no introspection_endpoint.')
    const value = context.currentTokens()?.response?.[token]
    if (!value) return blocked(`Needs a ${token.replace('_', ' ')} from the token request.`)
    return {
      ok: true,
      request: buildIntrospectionRequest({
        introspectionEndpoint: document.introspection_endpoint,
        token: value,
        tokenTypeHint: token,
        clientId: config.clientId,
        auth: clientAuthFor(config),
      }),
    }
  },
  derive: (context) => {
    const exchange = context.exchangesOf(introspectStep.id).at(-1)
    if (!exchange) return undefined
    const hint = exchange.request.form?.find(([name]) => name === 'token_type_hint')?.[1]
    const token = hint === 'refresh_token' ? 'refresh_token' : 'access_token'
    if (!exchange.response) return { exchange, token }
    const result = processIntrospectionResponse(exchange.response)
    if (!result.ok) return { exchange, token, error: result.error }
    const { deviations: _deviations, ...members } = result.value
    return { exchange, token, members }
  },
  grants: ['authorization_code', 'client_credentials', 'device_code'],
  status: (context, result) =>
    result
      ? result.members
        ? 'done'
        : 'fail'
      : introspectStep.prepare?.(context, { token: 'access_token' }).ok
        ? 'ready'
        : 'waiting',
}
