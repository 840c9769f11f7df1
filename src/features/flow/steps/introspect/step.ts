import type { HttpExchange } from '@/lib/wire/http-types'
import { clientAuthFor } from '@/lib/lab-config/authorization'
import { buildIntrospectionRequest } from '@/lib/oidc/token-request'
import { blocked, type StepDefinition } from '@/features/flow/steps/types'

export type TokenKind = 'access_token' | 'refresh_token'

export interface IntrospectResult {
  exchange: HttpExchange
  token: TokenKind
  /** The JSON members of the answer, when it was a JSON object. */
  members?: Record<string, unknown>
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
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
    return {
      exchange,
      token: hint === 'refresh_token' ? 'refresh_token' : 'access_token',
      members:
        exchange.response && exchange.response.status < 300
          ? jsonObject(exchange.response.body)
          : undefined,
    }
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
