import type { CallbackParams, CallbackValidation } from '../callback-params'
import { DIAGNOSIS_TEXT } from '../diagnosis-text'
import { AUTHORIZATION_ERROR_MEANINGS } from '../error-meanings'
import { parseScope, STANDARD_SCOPES } from '../scopes'
import { SPEC } from '../spec-links'
import type { ProviderError } from '../types'
import { diagnosis, providerSaid, scopeText, tick, type Diagnosis } from './shared'

/** What the lab sent in the authorization request, to explain the answer. */
export interface CallbackErrorContext {
  requestedScope?: readonly string[]
  /** Discovery's `scopes_supported`. */
  scopesSupported?: readonly string[]
  /** Whether a code_challenge was sent. */
  usedPkce?: boolean
  /** Whether a nonce was sent. */
  sentNonce?: boolean
  /** The `prompt` value sent, if any. */
  prompt?: string
}

const PROMPT_NONE_CODES = {
  login_required: 'The user has no session at the provider.',
  consent_required: 'The user has not consented to this client and scope yet.',
  interaction_required: 'The provider needs the user for a step it cannot skip.',
  account_selection_required: 'The user must choose one of several accounts.',
} as const

/**
 * Explains an error the provider sent back to the redirect URI (`error`, `error_description`,
 * `error_uri`): access_denied, invalid_scope (naming the offending scope from the `scope`
 * parameter, or inferred from `scopes_supported`), invalid_request (PKCE required, nonce without
 * openid, nonce required…), the prompt=none family, Keycloak's `authentication_expired`, and
 * unknown codes. The provider's description is always quoted. Returns `undefined` when the callback
 * carries no error. It does not check state or iss; see {@link diagnoseCallback}.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthError
 */
export function diagnoseCallbackError(
  params: CallbackParams,
  context: CallbackErrorContext = {},
): Diagnosis | undefined {
  const code = params.error
  if (code === undefined) return undefined
  const provider: ProviderError = {
    error: code,
    ...(params.error_description !== undefined
      ? { error_description: params.error_description }
      : {}),
    ...(params.error_uri !== undefined ? { error_uri: params.error_uri } : {}),
  }
  const description = params.error_description ?? ''
  const known = [providerSaid(provider)]
  const requested = context.requestedScope ? [...context.requestedScope] : []
  const base = { known, providerError: provider }

  switch (code) {
    case 'access_denied':
      return diagnosis('access_denied', {
        ...base,
        guessed: [
          'If you did not press Cancel or No, a provider policy refused: at Keycloak, a conditional authentication flow, a required role, or a disabled user.',
        ],
        action: { kind: 'restart_flow' },
      })
    case 'invalid_scope': {
      let offending = parseScope(params.scope)
      const guessed: string[] = []
      if (offending.length) {
        known.push(`The response names the refused scope: ${scopeText(offending)}.`)
      } else if (context.scopesSupported && requested.length) {
        offending = requested.filter((s) => !context.scopesSupported?.includes(s))
        if (offending.length) {
          guessed.push(`Probably ${scopeText(offending)}: not in the provider’s scopes_supported.`)
        }
      }
      if (!offending.length && requested.length) {
        const unusual = requested.filter((s) => !STANDARD_SCOPES.includes(s))
        if (unusual.length)
          guessed.push(
            `Possibly ${scopeText(unusual)}: not one of the standard OpenID Connect scopes.`,
          )
        offending = unusual
      }
      if (requested.length) known.push(`The lab requested ${scopeText(requested)}.`)
      const first = offending[0]
      return diagnosis('invalid_scope', {
        ...base,
        guessed,
        cause: first
          ? `The client may not request ${tick(offending.join(' '))}: unknown at the provider, or not assigned to this client.`
          : DIAGNOSIS_TEXT.invalid_scope.cause,
        fix: first
          ? `Untick ${tick(first)}, or assign it to the client (Keycloak: Clients → your client → Client scopes → Add client scope, as Optional).`
          : DIAGNOSIS_TEXT.invalid_scope.fix,
        ...(first ? { action: { kind: 'rerun_without_scope', scope: first } } : {}),
      })
    }
    case 'invalid_request':
    case 'invalid_request_uri':
    case 'invalid_request_object':
    case 'request_not_supported':
    case 'request_uri_not_supported':
    case 'registration_not_supported':
      return diagnoseInvalidAuthorizationRequest(code, description, requested, context, base)
    case 'unauthorized_client':
      return diagnosis('unauthorized_client', {
        ...base,
        cause: 'The client is not allowed to start a browser login with response_type=code.',
        fix: 'Enable the authorization code flow for the client (Keycloak: Clients → your client → Capability config → Standard flow).',
      })
    case 'unsupported_response_type':
      return diagnosis('unsupported_response_type', base)
    case 'login_required':
    case 'consent_required':
    case 'interaction_required':
    case 'account_selection_required':
      if (context.prompt !== undefined) known.push(`The lab sent prompt=${tick(context.prompt)}.`)
      return diagnosis(code, {
        ...base,
        severity: 'warning',
        cause: PROMPT_NONE_CODES[code],
        ...(context.prompt === 'none'
          ? { action: { kind: 'remove_prompt_none' } }
          : {
              guessed: [
                'The lab did not send prompt=none, yet the provider answered as if it had: a provider policy, or a library adding it.',
              ],
            }),
      })
    case 'temporarily_unavailable':
      if (/authentication_expired/i.test(description)) {
        return diagnosis('temporarily_unavailable', {
          ...base,
          severity: 'warning',
          title: 'The login page expired',
          explanation:
            'Keycloak answers temporarily_unavailable with “authentication_expired” when its authentication session ended before the login finished.',
          cause:
            'The login form stayed open too long, or an old login tab or the back button was used.',
          fix: 'Start the flow again and finish the login right away.',
          action: { kind: 'restart_flow' },
        })
      }
      return diagnosis('temporarily_unavailable', { ...base, action: { kind: 'restart_flow' } })
    case 'server_error':
      return diagnosis('server_error', base)
    default: {
      const meaning = AUTHORIZATION_ERROR_MEANINGS[code]
      return diagnosis('non_standard_response', {
        ...base,
        title: `Provider-specific error: ${code}`,
        explanation: meaning
          ? meaning
          : `${tick(code)} is not an error code defined by OAuth 2.0 or OpenID Connect; only the provider’s description explains it.`,
        cause: description
          ? `The provider says: “${description}”.`
          : 'The provider gave no description.',
        fix: 'Look up this code in the provider’s documentation, then start again.',
        specLinks: [SPEC.oauthAuthorizationError, SPEC.coreAuthError],
      })
    }
  }
}

function diagnoseInvalidAuthorizationRequest(
  code: string,
  description: string,
  requested: string[],
  context: CallbackErrorContext,
  base: { known: string[]; providerError: ProviderError },
): Diagnosis {
  const known = base.known
  if (/pkce|code_challenge|code challenge/i.test(description)) {
    if (context.usedPkce === false) known.push('The lab sent no code_challenge.')
    return diagnosis('invalid_request', {
      ...base,
      title: 'The provider requires PKCE',
      cause:
        'This client must use PKCE (public clients always should; Keycloak can require it per client).',
      fix: 'Turn PKCE on (S256) and start again.',
      specLinks: [SPEC.pkceAuthorization, SPEC.pkceError],
      action: { kind: 'enable_pkce' },
      detail: 'pkce_required',
    })
  }
  if (/nonce/i.test(description) && /openid/i.test(description)) {
    if (context.sentNonce && !requested.includes('openid'))
      known.push('The lab sent a nonce without the openid scope.')
    return diagnosis('invalid_request', {
      ...base,
      title: 'A nonce was sent without openid',
      cause:
        'A nonce only makes sense for an ID token, which needs `openid`; this provider (oidc-provider does) rejects it otherwise.',
      fix: 'Tick `openid`, or stop sending the nonce, and start again.',
      specLinks: [SPEC.coreAuthRequest, SPEC.coreNonce],
      action: { kind: 'rerun_with_scope', scope: 'openid' },
      detail: 'nonce_without_openid',
    })
  }
  if (/nonce/i.test(description)) {
    if (context.sentNonce === false) known.push('The lab sent no nonce.')
    return diagnosis('invalid_request', {
      ...base,
      title: 'The provider requires a nonce',
      cause: 'This provider insists on a nonce in every OpenID Connect request.',
      fix: 'Set the nonce to “always” and start again.',
      specLinks: [SPEC.coreNonce],
      action: { kind: 'send_nonce' },
      detail: 'nonce_required',
    })
  }
  if (/openid/i.test(description) && !requested.includes('openid')) {
    return diagnosis('invalid_request', {
      ...base,
      title: 'This request needs the openid scope',
      cause:
        'A parameter that only exists in OpenID Connect (nonce, max_age, acr_values, claims…) was sent without `openid`.',
      fix: 'Tick `openid` and start again.',
      action: { kind: 'rerun_with_scope', scope: 'openid' },
      detail: 'openid_required',
    })
  }
  if (/redirect_uri/i.test(description)) {
    return diagnosis('invalid_request', {
      ...base,
      title: 'The redirect URI was refused',
      cause:
        'The redirect_uri is not registered for this client (it must match exactly, including port and path).',
      fix: 'Register this app’s callback URL as a valid redirect URI for the client.',
      specLinks: [SPEC.oauthRedirectUri],
      detail: 'redirect_uri',
    })
  }
  const meaning = AUTHORIZATION_ERROR_MEANINGS[code]
  return diagnosis('invalid_request', {
    ...base,
    ...(code !== 'invalid_request' && meaning ? { explanation: meaning } : {}),
    cause: description
      ? `The provider says: “${description}”.`
      : DIAGNOSIS_TEXT.invalid_request.cause,
    detail: code,
  })
}

/**
 * The one diagnosis for a callback: the provider's error if there is one, else a refused state,
 * else a refused iss, else a missing code. Returns `undefined` when the exchange may proceed.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthResponseValidation
 */
export function diagnoseCallback(
  params: CallbackParams,
  validation: CallbackValidation,
  context: CallbackErrorContext = {},
): Diagnosis | undefined {
  const fromProvider = diagnoseCallbackError(params, context)
  if (fromProvider) {
    const state = validation.blockers.find((b) => b.code === 'state_mismatch')
    if (state) fromProvider.known.push(`Also: ${state.message}`)
    return fromProvider
  }
  const state = validation.blockers.find((b) => b.code === 'state_mismatch')
  if (state) {
    return diagnosis('state_mismatch', {
      known: [state.message],
      action: { kind: 'restart_flow' },
      ...(state.detail ? { detail: state.detail } : {}),
      ...(state.detail === 'not_expected'
        ? {
            cause:
              'This tab has no pending request: the flow was started in another tab or browser, or session storage was cleared.',
          }
        : {}),
    })
  }
  const iss = validation.blockers.find((b) => b.code === 'iss_mismatch' || b.code === 'iss_missing')
  if (iss) {
    return diagnosis('iss_mismatch', {
      known: [iss.message],
      ...(iss.detail ? { detail: iss.detail } : {}),
      ...(iss.suggestion
        ? {
            guessed: [
              'If this is the provider you meant, the issuer configured in the lab differs from the one it reports (often localhost vs 127.0.0.1, or http vs https behind a proxy).',
            ],
          }
        : {}),
    })
  }
  const missing = validation.blockers.find((b) => b.code === 'missing_code')
  if (missing) {
    return diagnosis('missing_code', {
      known: [missing.message],
      action: { kind: 'restart_flow' },
      ...(missing.detail ? { detail: missing.detail } : {}),
    })
  }
  return undefined
}
