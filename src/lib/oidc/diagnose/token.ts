import { parseBasicAuthorization } from '@/lib/wire/basic-auth'
import { formDecode } from '@/lib/wire/form'
import type { HttpRequestSpec, HttpResponseRecord } from '@/lib/wire/http-types'
import { SPEC } from '../spec-links'
import type { GrantType, OidcError } from '../types'
import { diagnoseNetworkError } from './network'
import { diagnoseNonStandard } from './non-standard'
import {
  bodyFact,
  diagnosis,
  providerSaid,
  statusFact,
  tick,
  type Diagnosis,
  type DiagnosisParts,
} from './shared'
import {
  diagnoseInvalidClient,
  diagnoseInvalidGrant,
  diagnoseTokenInvalidRequest,
} from './token-causes'
import { grantFacts, type TokenErrorContext } from './token-context'

/** A recorded token exchange: the request is optional, but lets the diagnosis read what was sent. */
export interface TokenExchangeInput {
  request?: HttpRequestSpec
  response?: HttpResponseRecord
  networkError?: string
}

const GRANT_TYPES: readonly GrantType[] = [
  'authorization_code',
  'refresh_token',
  'client_credentials',
  'urn:ietf:params:oauth:grant-type:device_code',
]

function grantTypeSent(request: HttpRequestSpec | undefined): GrantType | undefined {
  const sent = request?.form?.find(([name]) => name === 'grant_type')?.[1]
  return GRANT_TYPES.find((g) => g === sent)
}

/**
 * True when the Basic header carries a secret that form-encoding changed (`:`, `%`, `+`, space,
 * non-ASCII…): read from the header actually sent, not from settings.
 */
function basicSecretWasEncoded(request: HttpRequestSpec | undefined): boolean {
  const header = Object.entries(request?.headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'authorization',
  )?.[1]
  const basic = header ? parseBasicAuthorization(header) : undefined
  return basic !== undefined && formDecode(basic.password) !== basic.password
}

/**
 * Explains a failed token request from `error`, the verdict the caller already got from
 * `processTokenResponse(exchange.response)`, plus the recorded exchange and what the lab knows.
 * Without a response (`error` then undefined) it is a CORS/network diagnosis. The causes fit the
 * grant: invalid_grant (code reuse, expiry against a ~60 s lifetime, redirect_uri or PKCE
 * mismatch, ended session; refresh rotation; device codes), invalid_client (no secret for a
 * confidential client, wrong secret, Basic vs post, a secret Basic form-encoded, read from the sent
 * header), unauthorized_client and unsupported_grant_type (the capability to enable for that
 * grant), RFC 8628 polling answers, and non-standard answers (provider code kept, closest standard
 * meaning named). Returns `undefined` when there is a response and no error. It does not re-read
 * the response, decode tokens or contact the provider.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export function diagnoseTokenError(
  exchange: TokenExchangeInput,
  error: OidcError | undefined,
  context: TokenErrorContext,
): Diagnosis | undefined {
  const response = exchange.response
  if (!response) {
    return diagnoseNetworkError('token', exchange.networkError ?? 'no response', {
      ...(context.origin ? { origin: context.origin } : {}),
      ...(context.tokenEndpoint ? { url: context.tokenEndpoint } : {}),
    })
  }
  if (!error) return undefined
  const known: string[] = [statusFact(response, 'The token endpoint')]
  if (error.provider) known.push(providerSaid(error.provider))
  else {
    const fact = bodyFact(response)
    if (fact) known.push(fact)
  }
  for (const deviation of error.deviations ?? [])
    known.push(`Deviation from the spec: ${deviation}`)
  if (response.redirected) {
    known.push(
      `The request was redirected${response.url ? ` to ${tick(response.url)}` : ''}; a redirected POST may arrive as a GET without its form body.`,
    )
  }
  const base: DiagnosisParts = {
    known,
    ...(error.provider ? { providerError: error.provider } : {}),
  }
  const description = error.provider?.error_description ?? ''
  const grant = context.grantType ?? grantTypeSent(exchange.request) ?? 'authorization_code'
  const facts = grantFacts(grant)

  switch (error.code) {
    case 'invalid_grant':
      return diagnoseInvalidGrant(grant, description, context, base)
    case 'invalid_client':
      return diagnoseInvalidClient(description, response, grant, base, {
        method: context.clientAuthMethod,
        isPublicClient: context.isPublicClient,
        basicSecretEncoded: basicSecretWasEncoded(exchange.request),
        authMethodsSupported: context.authMethodsSupported,
      })
    case 'unauthorized_client':
      return diagnosis('unauthorized_client', {
        ...base,
        known: [...known, facts.sent],
        cause: facts.unauthorizedCause,
        fix: facts.enableFix,
        specLinks: facts.specLinks,
      })
    case 'invalid_request':
      return diagnoseTokenInvalidRequest(description, context, base)
    case 'unsupported_grant_type':
      return diagnosis('unsupported_grant_type', {
        ...base,
        known: [...known, facts.sent],
        ...(grant === 'client_credentials' ||
        grant === 'urn:ietf:params:oauth:grant-type:device_code'
          ? {
              fix: `${facts.enableFix} Also check that grant_types_supported in the discovery document lists ${tick(grant)}.`,
            }
          : {}),
        specLinks: facts.specLinks,
      })
    case 'invalid_scope':
      return diagnosis('invalid_scope', {
        ...base,
        cause: facts.invalidScopeCause,
        specLinks:
          grant === 'authorization_code' || grant === 'refresh_token'
            ? [SPEC.oauthRefresh]
            : facts.specLinks,
      })
    case 'authorization_pending':
    case 'slow_down':
    case 'expired_token':
      return diagnosis(error.code, base)
    case 'access_denied':
      return diagnosis('access_denied', {
        ...base,
        explanation:
          'In the device flow the user (or a provider policy) refused the request on the verification page, so the token endpoint stops the polling with access_denied.',
        cause: 'The user denied the device authorization, or a provider policy did.',
        fix: 'Start a new device authorization and approve it on the verification page.',
        specLinks: [SPEC.deviceTokenError],
      })
    case 'server_error':
    case 'temporarily_unavailable':
      return diagnosis(error.code, base)
    default:
      return diagnoseNonStandard(error, response, base, 'The token endpoint')
  }
}
