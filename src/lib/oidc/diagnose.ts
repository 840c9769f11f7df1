import type { CallbackParams, CallbackValidation } from './callback-params'
import { keycloakPathAlternative } from './discovery'
import { DIAGNOSIS_TEXT, type DiagnosisCode } from './diagnosis-text'
import { AUTHORIZATION_ERROR_MEANINGS, bodyPreview, htmlTitle, readBody } from './errors'
import type { HttpExchange, HttpResponseRecord } from '@/lib/wire/http-types'
import { describeIssuerDifference } from './issuer'
import { parseScope, scopeForClaim, STANDARD_SCOPES } from './scopes'
import { SPEC, type SpecLink } from './spec-links'
import { processTokenResponse } from './token-response'
import type { ClientAuthMethod, OidcError, ProviderError, TokenEndpointResponse } from './types'
import { processUserinfoResponse } from './userinfo'
import { bearerChallengeOf } from './www-authenticate'
import { parseAbsoluteUrl } from './url'

export { DIAGNOSIS_TEXT, type DiagnosisCode } from './diagnosis-text'

/** Something the UI can offer as a one-click follow-up to a diagnosis. */
export type DiagnosisAction =
  | { kind: 'rerun_with_scope'; scope: string }
  | { kind: 'rerun_without_scope'; scope: string }
  | { kind: 'use_legacy_path'; issuer: string }
  | { kind: 'remove_legacy_path'; issuer: string }
  | { kind: 'use_issuer'; issuer: string }
  | { kind: 'restart_flow' }
  | { kind: 'enable_pkce' }
  | { kind: 'send_nonce' }
  | { kind: 'remove_prompt_none' }
  | { kind: 'switch_client_auth'; method: ClientAuthMethod }

/**
 * A failed (or surprising) step explained: what happened, why (with observed facts in `known` and
 * inferences in `guessed`, kept apart), how to fix it, and where the spec says so.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export interface Diagnosis {
  code: DiagnosisCode
  severity: 'error' | 'warning' | 'info'
  title: string
  explanation: string
  cause: string
  fix: string
  /** Facts the lab observed (status, headers, what the provider said, what the lab sent). */
  known: string[]
  /** Inferences, each phrased as such. */
  guessed: string[]
  specLinks: SpecLink[]
  action?: DiagnosisAction
  /** Sub-detail, e.g. the `OidcError` code behind `discovery_failed`. */
  detail?: string
  /** The provider's own error, verbatim. */
  providerError?: ProviderError
}

type DiagnosisParts = Partial<Omit<Diagnosis, 'code'>>

function diagnosis(code: DiagnosisCode, parts: DiagnosisParts = {}): Diagnosis {
  const text = DIAGNOSIS_TEXT[code]
  const links = [...text.specLinks, ...(parts.specLinks ?? [])]
  const result: Diagnosis = {
    code,
    severity: parts.severity ?? 'error',
    title: parts.title ?? text.title,
    explanation: parts.explanation ?? text.explanation,
    cause: parts.cause ?? text.cause,
    fix: parts.fix ?? text.fix,
    known: parts.known ?? [],
    guessed: parts.guessed ?? [],
    specLinks: links.filter((l, i) => links.findIndex((m) => m.href === l.href) === i),
  }
  if (parts.action) result.action = parts.action
  if (parts.detail) result.detail = parts.detail
  if (parts.providerError) result.providerError = parts.providerError
  return result
}

const tick = (value: string): string => `\`${value}\``
const scopeText = (scopes: readonly string[]): string =>
  scopes.length ? tick(scopes.join(' ')) : 'empty'

/** "The provider said: error=… (“description”)." */
function providerSaid(p: ProviderError): string {
  return `The provider answered error=${tick(p.error)}${p.error_description ? ` with the description “${p.error_description}”` : ''}${p.error_uri ? ` (more at ${p.error_uri})` : ''}.`
}

function statusFact(response: HttpResponseRecord, what: string): string {
  return `${what} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`
}

function wwwAuthenticateFact(response: HttpResponseRecord): string {
  const header = response.headers['www-authenticate']
  return header
    ? `WWW-Authenticate: ${header}`
    : 'No readable WWW-Authenticate header: either none was sent, or the browser hid it because the provider did not list it in Access-Control-Expose-Headers.'
}

function bodyFact(response: HttpResponseRecord): string | undefined {
  if (!response.body.trim()) return 'The response body was empty.'
  const shape = readBody(response.body)
  if (shape.kind === 'html') {
    const title = htmlTitle(response.body)
    return `The body is an HTML page${title ? ` titled “${title}”` : ''}, not JSON.`
  }
  if (shape.kind === 'text') return `The body is plain text: “${bodyPreview(response.body, 120)}”.`
  return undefined
}

const secondsAgo = (s: number): string =>
  s < 120 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`

// ---------------------------------------------------------------------------------------------
// Network and CORS
// ---------------------------------------------------------------------------------------------

/** What the lab knows when a request got no readable answer. */
export interface NetworkContext {
  /** The app's origin, e.g. `http://localhost:5173`. */
  origin?: string
  /** The URL that was requested. */
  url?: string
  /** Keycloak: the access token's `allowed-origins` claim (userinfo CORS is decided from it). */
  accessTokenAllowedOrigins?: readonly string[]
}

/**
 * Explains a request that got no readable HTTP answer (`TypeError: Failed to fetch`, a timeout):
 * CORS refusal and unreachable server look the same to the page, so both are named, with mixed
 * content and timeouts recognised as facts. `step` tunes the advice (discovery documents are
 * usually CORS-open; token and userinfo need the app origin in Keycloak's Web origins). It does not
 * probe the network.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS
 */
export function diagnoseNetworkError(
  step: 'discovery' | 'jwks' | 'token' | 'userinfo',
  networkError: string,
  context: NetworkContext = {},
): Diagnosis {
  const known = [`The browser reported “${networkError}” and no HTTP status was readable.`]
  const guessed: string[] = []
  const origin = context.origin
  const target = context.url ? parseAbsoluteUrl(context.url) : undefined
  const page = origin ? parseAbsoluteUrl(origin) : undefined
  const timeout = /timeout|timed out|aborted/i.test(networkError)
  const what = context.url ? tick(context.url) : `the ${step} endpoint`

  if (page?.protocol === 'https:' && target?.protocol === 'http:') {
    known.push(
      `This page is served over https and ${what} is plain http: browsers block such “mixed content” requests before sending them.`,
    )
    return diagnosis('cors_or_network', {
      known,
      cause: 'Mixed content: an https page may not call an http URL.',
      fix: 'Serve the provider over https, or open the lab over http on localhost.',
    })
  }
  if (timeout) {
    known.push('The request was cut off by the time limit before any answer arrived.')
    guessed.push(
      'Most likely the server is unreachable from this browser (firewall, VPN, wrong host or port) or very slow; a CORS refusal would have failed immediately.',
    )
    return diagnosis('cors_or_network', {
      known,
      guessed,
      title: 'No answer in time',
      cause: 'The server did not answer within the time limit.',
      fix: `Open ${what} in a new tab to see whether it answers at all, then check host, port and network.`,
    })
  }

  const keycloakOrigins =
    origin && context.accessTokenAllowedOrigins && step === 'userinfo'
      ? context.accessTokenAllowedOrigins
      : undefined
  if (
    keycloakOrigins &&
    !keycloakOrigins.includes(origin ?? '') &&
    !keycloakOrigins.includes('*')
  ) {
    known.push(
      `The access token’s allowed-origins claim is ${keycloakOrigins.length ? tick(keycloakOrigins.join(' ')) : 'empty'} and does not include ${tick(origin ?? '')}; Keycloak answers userinfo CORS from that claim.`,
    )
    return diagnosis('cors_or_network', {
      known,
      guessed: [
        'This is almost certainly a CORS refusal: the token itself says which origins Keycloak will allow.',
      ],
      cause: `The client’s Web origins do not include ${tick(origin ?? '')}.`,
      fix: `In Keycloak, open Clients → your client → Settings → Web origins and add ${tick(origin ?? '')} (or ${tick('+')} to allow the origins of the valid redirect URIs), then run the flow again for a new token.`,
    })
  }

  if (step === 'discovery' || step === 'jwks') {
    guessed.push(
      'Discovery documents and JWKS are usually served to any origin (Keycloak does), so an unreachable server is more likely: wrong host or port, the server not running, or a TLS certificate the browser does not trust.',
      'If a proxy sits in front of the provider, it may strip the CORS headers.',
    )
    return diagnosis('cors_or_network', {
      known,
      guessed,
      fix: `Open ${what} in a new tab: if it does not load (or shows a certificate warning), fix the issuer URL, start the server, or trust the certificate; if it loads, the CORS headers are missing on this path.`,
    })
  }
  const originText = origin ? tick(origin) : 'this app’s origin'
  guessed.push(
    `Either the provider did not allow ${originText} (CORS), or ${what} could not be reached (server down, wrong host or port, untrusted TLS certificate).`,
  )
  if (step === 'token') {
    guessed.push(
      'Discovery worked from this page, so the provider is probably reachable and CORS on the token endpoint is the more likely cause.',
    )
  }
  return diagnosis('cors_or_network', {
    known,
    guessed,
    cause: `The ${step} endpoint did not allow ${originText}, or it was unreachable.`,
    fix: `In Keycloak, open Clients → your client → Settings → Web origins and add ${originText} (or ${tick('+')} to allow the origins of the valid redirect URIs). If ${what} does not load in a new tab either, fix the URL or start the server first.`,
  })
}

// ---------------------------------------------------------------------------------------------
// Discovery
// ---------------------------------------------------------------------------------------------

/** What the lab knows about the discovery attempt besides the error. */
export interface DiscoveryErrorContext {
  origin?: string
}

/**
 * Maps a discovery (or issuer input) error to a diagnosis with code `discovery_failed` and the
 * error code as `detail`, or `cors_or_network` when there was no HTTP answer. Accepts the recorded
 * exchange too, so a network failure (no `OidcError`) is diagnosed. It does not retry or probe.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
export function diagnoseDiscoveryError(
  error: OidcError | undefined,
  exchange?: Pick<HttpExchange, 'networkError' | 'response'> & { request?: { url: string } },
  context: DiscoveryErrorContext = {},
): Diagnosis {
  const url = exchange?.request?.url
  if (exchange?.networkError && !exchange.response) {
    return diagnoseNetworkError('discovery', exchange.networkError, {
      ...context,
      ...(url ? { url } : {}),
    })
  }
  if (!error) {
    return diagnosis('discovery_failed', { known: url ? [`GET ${url}`] : [] })
  }
  if (error.code === 'network_error') {
    return diagnoseNetworkError('discovery', error.message, { ...context, ...(url ? { url } : {}) })
  }
  const known = [error.message]
  if (url) known.unshift(`GET ${url}${error.status !== undefined ? ` → HTTP ${error.status}` : ''}`)
  const guessed = error.hint ? [error.hint] : []
  const base: DiagnosisParts = {
    known,
    guessed,
    detail: error.code,
    ...(error.provider ? { providerError: error.provider } : {}),
  }
  switch (error.code) {
    case 'discovery_not_found': {
      const alt = error.suggestion ? keycloakPathAlternative(error.suggestion) : undefined
      const action: DiagnosisAction | undefined = error.suggestion
        ? alt?.kind === 'remove_auth'
          ? { kind: 'use_legacy_path', issuer: error.suggestion }
          : { kind: 'remove_legacy_path', issuer: error.suggestion }
        : undefined
      return diagnosis('discovery_failed', {
        ...base,
        title: 'No discovery document at this issuer (404)',
        cause:
          'The realm name or the path is wrong (realm names are case-sensitive), or the Keycloak version uses a different path.',
        fix: error.suggestion
          ? `Check the realm name, or try ${tick(error.suggestion)}.`
          : 'Check the issuer URL and the realm name.',
        specLinks: error.suggestion ? [SPEC.keycloakMigration17] : [],
        ...(action ? { action } : {}),
      })
    }
    case 'discovery_not_json':
      return diagnosis('discovery_failed', {
        ...base,
        title: 'The discovery URL returned a page, not JSON',
        cause:
          'Something other than the provider answered: a login page of a proxy or SSO gateway, or a web app answering every path.',
        fix: 'Open the discovery URL in a new tab to see who answers, then correct the host, port or path.',
      })
    case 'discovery_invalid':
      return diagnosis('discovery_failed', {
        ...base,
        title: 'The discovery document is incomplete',
        cause: 'The provider publishes metadata the authorization code flow cannot use.',
        fix: 'Fix the provider’s metadata; the lab needs issuer, authorization_endpoint and token_endpoint as absolute URLs.',
      })
    case 'issuer_mismatch':
      return diagnosis('discovery_failed', {
        ...base,
        title: 'The provider reports a different issuer',
        cause:
          'The issuer the lab used is not character-for-character the one the provider states; tokens would fail the iss check.',
        fix: error.suggestion
          ? `Use ${tick(error.suggestion)} as the issuer.`
          : DIAGNOSIS_TEXT.discovery_failed.fix,
        specLinks: [SPEC.keycloakHostname],
        ...(error.suggestion ? { action: { kind: 'use_issuer', issuer: error.suggestion } } : {}),
      })
    case 'discovery_http_error': {
      const status = error.status ?? 0
      const cause =
        status === 401 || status === 403
          ? 'Something in front of the provider requires authentication for this URL (a proxy or gateway), or the path is wrong.'
          : status >= 500
            ? 'The provider (or a gateway in front of it) failed.'
            : 'The URL does not point at a discovery document.'
      return diagnosis('discovery_failed', {
        ...base,
        title: `Discovery failed with HTTP ${status}`,
        cause,
      })
    }
    default:
      return diagnosis('discovery_failed', {
        ...base,
        title: 'The issuer is not usable',
        cause: error.message,
        fix: error.suggestion
          ? `Use ${tick(error.suggestion)}.`
          : DIAGNOSIS_TEXT.discovery_failed.fix,
        ...(error.suggestion ? { action: { kind: 'use_issuer', issuer: error.suggestion } } : {}),
      })
  }
}

// ---------------------------------------------------------------------------------------------
// Callback
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Token endpoint
// ---------------------------------------------------------------------------------------------

/** What the lab knows about the token request beyond the response. */
export interface TokenErrorContext {
  clientAuthMethod: ClientAuthMethod
  /** The lab's setting: a public client sends no secret. */
  isPublicClient?: boolean
  /** Seconds between the callback arriving and the token request. */
  codeAgeSeconds?: number
  /** The lab already sent this code once. */
  codeAlreadyExchanged?: boolean
  /** Whether a code_verifier was sent. */
  usedPkce?: boolean
  /** The app's origin, for CORS advice. */
  origin?: string
  tokenEndpoint?: string
  grantType?: 'authorization_code' | 'refresh_token'
  /** The secret contains characters that change when form-encoded (`:`, `%`, `+`, non-ASCII…). */
  secretHasSpecialCharacters?: boolean
}

/**
 * Keycloak's default "Client login timeout" (code lifetime), also oidc-provider's code TTL.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export const TYPICAL_CODE_LIFETIME_SECONDS = 60

/**
 * Explains a failed token request from the recorded response (or network error) and what the lab
 * knows: invalid_grant (code reuse, expiry against a ~60 s lifetime, redirect_uri or PKCE mismatch,
 * ended session; Keycloak and oidc-provider descriptions recognised), invalid_client (no secret for
 * a confidential client, wrong secret, Basic vs post, encoding), unauthorized_client, non-standard
 * answers (provider code kept, closest standard meaning named), and CORS/network. Returns
 * `undefined` when the response is a usable token response. It does not decode tokens or contact
 * the provider.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function diagnoseTokenError(
  exchange: { response?: HttpResponseRecord; networkError?: string },
  context: TokenErrorContext,
): Diagnosis | undefined {
  if (!exchange.response) {
    return diagnoseNetworkError('token', exchange.networkError ?? 'no response', {
      ...(context.origin ? { origin: context.origin } : {}),
      ...(context.tokenEndpoint ? { url: context.tokenEndpoint } : {}),
    })
  }
  const response = exchange.response
  const result = processTokenResponse(response)
  if (result.ok) return undefined
  const error = result.error
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
  const refresh = context.grantType === 'refresh_token'

  switch (error.code) {
    case 'invalid_grant':
      return refresh
        ? diagnoseRefreshGrant(description, base)
        : diagnoseInvalidGrant(description, context, base)
    case 'invalid_client':
      return diagnoseInvalidClient(description, response, context, base)
    case 'unauthorized_client':
      return diagnosis('unauthorized_client', {
        ...base,
        cause: refresh
          ? 'The client may not use refresh tokens.'
          : 'The client may not use the authorization code grant.',
        fix: refresh
          ? 'Allow refresh tokens for the client (Keycloak: Advanced → “Use refresh tokens”).'
          : 'Enable the standard flow for the client (Keycloak: Clients → your client → Capability config → Standard flow).',
      })
    case 'invalid_request':
      return diagnoseTokenInvalidRequest(description, context, base)
    case 'unsupported_grant_type':
      return diagnosis('unsupported_grant_type', base)
    case 'invalid_scope':
      return diagnosis('invalid_scope', {
        ...base,
        cause: refresh
          ? 'A refresh may only ask for the same or fewer scopes than originally granted.'
          : 'The token request carried a scope the client may not use.',
        specLinks: [SPEC.oauthRefresh],
      })
    case 'server_error':
    case 'temporarily_unavailable':
      return diagnosis(error.code, base)
    default:
      return diagnoseNonStandard(error, response, base, 'The token endpoint')
  }
}

function diagnoseInvalidGrant(
  description: string,
  context: TokenErrorContext,
  base: DiagnosisParts,
): Diagnosis {
  const known = base.known ?? []
  const guessed: string[] = []
  const age = context.codeAgeSeconds
  if (age !== undefined) {
    known.push(
      `The code was ${secondsAgo(age)} old when exchanged; Keycloak’s default lifetime (“Client login timeout”) is ${TYPICAL_CODE_LIFETIME_SECONDS} s.`,
    )
  }
  if (context.codeAlreadyExchanged) {
    known.push('The lab had already sent this code to the token endpoint once.')
    return diagnosis('invalid_grant', {
      ...base,
      known,
      title: 'The code was already used',
      cause:
        'Authorization codes are single-use; the second exchange is refused, and providers may also revoke the tokens from the first one.',
      fix: 'Start the flow again for a new code; exchange each code exactly once.',
      action: { kind: 'restart_flow' },
      detail: 'code_reused',
    })
  }
  if (/redirect_uri/i.test(description)) {
    return diagnosis('invalid_grant', {
      ...base,
      known,
      title: 'redirect_uri differs from the authorization request',
      cause:
        'The token request must carry exactly the redirect_uri the authorization request used.',
      fix: 'Send the same redirect_uri in both requests (including trailing slash, port and scheme).',
      specLinks: [SPEC.oauthTokenRequest],
      action: { kind: 'restart_flow' },
      detail: 'redirect_uri',
    })
  }
  if (/pkce|code.?verifier|code.?challenge|verifier/i.test(description)) {
    if (context.usedPkce === false) known.push('The lab sent no code_verifier.')
    return diagnosis('invalid_grant', {
      ...base,
      known,
      title: 'The PKCE verifier does not match',
      cause:
        'The code_verifier does not hash to the code_challenge sent with the authorization request: it belongs to another attempt (a second tab, a restarted flow).',
      fix: 'Start the flow again in one tab and exchange the code with the verifier generated for it.',
      specLinks: [SPEC.pkceVerify],
      action: { kind: 'restart_flow' },
      detail: 'pkce_mismatch',
    })
  }
  if (/session/i.test(description)) {
    return diagnosis('invalid_grant', {
      ...base,
      known,
      title: 'The login session ended',
      cause:
        'The user’s session at the provider ended (logout, session timeout, admin action) before the exchange.',
      fix: 'Log in again by starting the flow again.',
      action: { kind: 'restart_flow' },
      detail: 'session_ended',
    })
  }
  if (age !== undefined && age > TYPICAL_CODE_LIFETIME_SECONDS) {
    guessed.push(
      `The code most likely expired: it was older than the usual ${TYPICAL_CODE_LIFETIME_SECONDS} s lifetime.`,
    )
    return diagnosis('invalid_grant', {
      ...base,
      known,
      guessed,
      title: 'The code probably expired',
      cause: 'Authorization codes live about a minute; this one was exchanged later.',
      fix: 'Start the flow again and press “Exchange code” within a minute (or raise Keycloak’s “Client login timeout” for testing).',
      action: { kind: 'restart_flow' },
      detail: 'code_expired',
    })
  }
  if (/code not valid/i.test(description)) {
    guessed.push(
      'Keycloak says “Code not valid” for a code that expired, was used before, or came from another client or session.',
    )
  } else if (/grant request is invalid/i.test(description)) {
    guessed.push(
      'oidc-provider gives the same description for every invalid_grant; its server log has the precise reason.',
    )
  }
  if (age !== undefined) {
    guessed.push(
      `At ${secondsAgo(age)} old the code had probably not expired yet, so reuse or a mismatch is more likely: the code was already used (a reload, a second tab, or a library exchanging it too), the redirect_uri differs, or the code_verifier belongs to another attempt.`,
    )
  } else {
    guessed.push(
      'Usual causes, most likely first: the code was already used (a reload, a second tab, or a library exchanging it too), it expired, the redirect_uri differs, or the code_verifier belongs to another attempt.',
    )
  }
  return diagnosis('invalid_grant', { ...base, known, guessed, action: { kind: 'restart_flow' } })
}

function diagnoseRefreshGrant(description: string, base: DiagnosisParts): Diagnosis {
  const guessed: string[] = []
  if (/not active|expired/i.test(description))
    guessed.push('The refresh token expired (Keycloak: SSO Session Idle / Max).')
  if (/session/i.test(description))
    guessed.push('The user session it belongs to ended (logout or timeout).')
  if (/stale|already used|reuse/i.test(description)) {
    guessed.push(
      'Refresh token rotation: this refresh token was already used and a newer one replaced it.',
    )
  }
  guessed.push(
    'Usual causes: expired, revoked by logout, rotated (an older refresh token reused), or issued to another client.',
  )
  return diagnosis('invalid_grant', {
    ...base,
    guessed,
    title: 'The refresh token was rejected',
    explanation:
      'invalid_grant on a refresh means the refresh token is expired, revoked, already rotated, or not issued to this client.',
    cause: 'The refresh token is no longer valid.',
    fix: 'Log in again (start the flow again) for a fresh refresh token.',
    specLinks: [SPEC.oauthRefresh],
    action: { kind: 'restart_flow' },
    detail: 'refresh_token',
  })
}

function diagnoseInvalidClient(
  description: string,
  response: HttpResponseRecord,
  context: TokenErrorContext,
  base: DiagnosisParts,
): Diagnosis {
  const known = base.known ?? []
  const guessed: string[] = []
  const header = response.headers['www-authenticate']
  if (header) known.push(`WWW-Authenticate: ${header}`)
  const method = context.clientAuthMethod
  if (method === 'none') {
    known.push('The lab sent no client secret (client authentication: none, a public client).')
    return diagnosis('invalid_client', {
      ...base,
      known,
      title: 'The provider expects a client secret',
      cause:
        'The provider treats this client as confidential; in Keycloak, “Client authentication” is ON for it.',
      fix: 'Either enter the client secret (Keycloak: Clients → your client → Credentials) and use client_secret_basic, or, for a browser app, turn “Client authentication” OFF to make the client public and keep PKCE on.',
      specLinks: [SPEC.oauthClientTypes],
      action: { kind: 'switch_client_auth', method: 'client_secret_basic' },
      detail: 'secret_expected',
    })
  }
  known.push(
    method === 'client_secret_basic'
      ? 'The lab sent the secret in an Authorization: Basic header (client_secret_basic).'
      : 'The lab sent the secret in the form body (client_secret_post).',
  )
  if (/not found|unknown|does not exist|invalid client_id/i.test(description)) {
    guessed.push(
      'The client_id looks unknown to the provider: a typo, or the client lives in another realm.',
    )
  }
  guessed.push(
    'The secret is wrong: regenerated at the provider, copied from another client or realm, or with whitespace around it.',
    `Some providers accept only the registered method: try ${method === 'client_secret_basic' ? 'client_secret_post' : 'client_secret_basic'} (Keycloak and oidc-provider accept both).`,
  )
  if (method === 'client_secret_basic' && context.secretHasSpecialCharacters) {
    guessed.push(
      'The secret has characters that RFC 6749 §2.3.1 form-encodes before base64; some providers do not decode them, so client_secret_post may work where Basic fails.',
    )
  }
  if (context.isPublicClient === false && /public/i.test(description)) {
    guessed.push('The provider says the client is public: it should not send a secret at all.')
  }
  return diagnosis('invalid_client', {
    ...base,
    known,
    guessed,
    cause: 'The provider did not accept this client_id and secret.',
    fix: 'Copy the secret again from the provider (Keycloak: Clients → your client → Credentials → Client secret) and check the client_id and realm.',
  })
}

function diagnoseTokenInvalidRequest(
  description: string,
  context: TokenErrorContext,
  base: DiagnosisParts,
): Diagnosis {
  const known = base.known ?? []
  if (/code.?verifier|pkce/i.test(description)) {
    if (context.usedPkce === false) known.push('The lab sent no code_verifier.')
    return diagnosis('invalid_request', {
      ...base,
      known,
      title: 'The code_verifier is missing',
      cause:
        'The authorization request carried a code_challenge, so the token request must carry the matching code_verifier.',
      fix: 'Keep PKCE on for both requests, then start the flow again.',
      specLinks: [SPEC.pkceVerify],
      action: { kind: 'restart_flow' },
      detail: 'pkce_verifier_missing',
    })
  }
  if (/one mechanism|multiple|more than one/i.test(description)) {
    return diagnosis('invalid_request', {
      ...base,
      title: 'The client authenticated twice',
      cause:
        'The secret was sent both in the Basic header and in the form body; only one method is allowed.',
      fix: 'Pick one method: client_secret_basic or client_secret_post.',
      detail: 'multiple_client_auth',
    })
  }
  if (/origin .*not allowed|cors/i.test(description)) {
    return diagnosis('invalid_request', {
      ...base,
      title: 'This origin is not allowed for the client',
      cause: `The provider refused requests from ${context.origin ? tick(context.origin) : 'this page’s origin'} for this client.`,
      fix: 'Add this origin to the client’s allowed origins (Keycloak: Web origins).',
      specLinks: [SPEC.keycloakOidcClients],
      detail: 'origin_not_allowed',
    })
  }
  const missing = /missing (?:parameter|form parameter)?:?\s*([\w-]+)/i.exec(description)?.[1]
  return diagnosis('invalid_request', {
    ...base,
    cause: missing
      ? `The provider misses the parameter ${tick(missing)}.`
      : description
        ? `The provider says: “${description}”.`
        : DIAGNOSIS_TEXT.invalid_request.cause,
    ...(missing ? { detail: `missing_${missing}` } : {}),
  })
}

function diagnoseNonStandard(
  error: OidcError,
  response: HttpResponseRecord,
  base: DiagnosisParts,
  who: string,
): Diagnosis {
  const guessed: string[] = []
  if (error.closest) {
    guessed.push(
      `The closest standard meaning is ${tick(error.closest)}: ${DIAGNOSIS_TEXT[closestDiagnosis(error.closest)].cause}`,
    )
  }
  const status = response.status
  if (error.detail === 'html' || error.detail === 'not_json' || error.detail === 'empty_body') {
    if (status === 404 || status === 405) {
      guessed.push(
        `${who} URL or method looks wrong: a ${status} page usually comes from a web server that has no such endpoint.`,
      )
    } else if (status >= 500) {
      guessed.push(
        'A gateway or proxy in front of the provider answered: the provider may be down or unreachable from the proxy.',
      )
    } else if (status === 200) {
      guessed.push(
        'A web page answered instead of the provider: a proxy login page, or an app serving its index.html for every path.',
      )
    }
  }
  if (error.detail === 'unknown_error_code' && error.provider) {
    return diagnosis('non_standard_response', {
      ...base,
      guessed,
      title: `Non-standard error: ${error.provider.error}`,
      cause: `${who} used its own error code ${tick(error.provider.error)} (HTTP ${status}), which OAuth 2.0 does not define.`,
      fix: error.closest
        ? `Treat it as ${tick(error.closest)}: ${DIAGNOSIS_TEXT[closestDiagnosis(error.closest)].fix}`
        : DIAGNOSIS_TEXT.non_standard_response.fix,
      detail: error.detail,
    })
  }
  if (error.closest === 'server_error' || error.closest === 'temporarily_unavailable') {
    return diagnosis(error.closest, { ...base, guessed, detail: error.detail ?? 'non_standard' })
  }
  return diagnosis('non_standard_response', {
    ...base,
    guessed,
    cause: error.message,
    ...(error.detail ? { detail: error.detail } : {}),
  })
}

function closestDiagnosis(code: OidcError['code']): DiagnosisCode {
  return (Object.hasOwn(DIAGNOSIS_TEXT, code) ? code : 'non_standard_response') as DiagnosisCode
}

// ---------------------------------------------------------------------------------------------
// Userinfo
// ---------------------------------------------------------------------------------------------

/** What the lab knows when userinfo fails. */
export interface UserinfoErrorInput {
  response?: HttpResponseRecord
  networkError?: string
  /** The decoded access token's `scope` (or `scp`) claim; undefined when the token is opaque. */
  accessTokenScopeClaim?: string | readonly string[]
  /** The token response's `scope`; undefined when the provider omitted it. */
  tokenResponseScope?: string
  requestedScope: readonly string[]
  /** The decoded access token's `exp` (seconds). */
  accessTokenExp?: number
  /** The decoded access token's `iss`. */
  accessTokenIss?: string
  /** The issuer the lab uses. */
  expectedIssuer?: string
  /** Keycloak: the access token's `allowed-origins` claim. */
  accessTokenAllowedOrigins?: readonly string[]
  origin?: string
  userinfoEndpoint?: string
  /** Milliseconds since the epoch; defaults to `Date.now()`. */
  now?: number
}

interface ScopeEvidence {
  scopes: string[]
  sentence: string
  fromClaim: boolean
}

function scopeEvidence(input: UserinfoErrorInput): ScopeEvidence {
  if (input.accessTokenScopeClaim !== undefined) {
    const scopes = parseScope(input.accessTokenScopeClaim)
    return { scopes, sentence: `The access token’s scope is ${scopeText(scopes)}`, fromClaim: true }
  }
  if (input.tokenResponseScope !== undefined) {
    const scopes = parseScope(input.tokenResponseScope)
    return {
      scopes,
      sentence: `The token response’s scope is ${scopeText(scopes)}`,
      fromClaim: false,
    }
  }
  const scopes = parseScope(input.requestedScope)
  return {
    scopes,
    sentence: `The requested scope was ${scopeText(scopes)} and the token response did not state one, so it was granted as requested (RFC 6749 §5.1)`,
    fromClaim: false,
  }
}

/**
 * Explains a failed userinfo call from the status, the `WWW-Authenticate` challenge (RFC 6750 §3.1)
 * and the token's scopes together: a token without `openid` gives `insufficient_scope` with the
 * sentence “The access token's scope is `profile email`; it lacks `openid`, so the provider refuses
 * userinfo.” and a rerun action, even when no challenge is readable (then `known` says what was
 * observed and `guessed` holds the inference). With `openid` present a 403 lists other causes, and
 * 401 `invalid_token` is checked against `exp`, `iss` and the provider's description (expired,
 * revoked, session ended, other realm). Returns `undefined` for a usable response. It does not
 * decode the token; pass its claims in.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfoError
 */
export function diagnoseUserinfoError(input: UserinfoErrorInput): Diagnosis | undefined {
  const { response } = input
  if (!response) {
    return diagnoseNetworkError('userinfo', input.networkError ?? 'no response', {
      ...(input.origin ? { origin: input.origin } : {}),
      ...(input.userinfoEndpoint ? { url: input.userinfoEndpoint } : {}),
      ...(input.accessTokenAllowedOrigins
        ? { accessTokenAllowedOrigins: input.accessTokenAllowedOrigins }
        : {}),
    })
  }
  const result = processUserinfoResponse(response)
  if (result.ok) return undefined
  const error = result.error
  const status = response.status
  const evidence = scopeEvidence(input)
  const lacksOpenid = !evidence.scopes.includes('openid')
  const challenge = bearerChallengeOf(error.challenges ?? [])
  const providerError = error.provider?.error
  const known = [statusFact(response, 'Userinfo'), wwwAuthenticateFact(response)]
  if (error.provider && !response.headers['www-authenticate'])
    known.push(providerSaid(error.provider))
  const base: DiagnosisParts = {
    known,
    ...(error.provider ? { providerError: error.provider } : {}),
  }

  const scopeLike =
    providerError === 'insufficient_scope' ||
    (!providerError && (status === 403 || status === 401) && lacksOpenid)
  if (scopeLike && lacksOpenid) {
    known.push(
      `${evidence.sentence}; it lacks ${tick('openid')}, so the provider refuses userinfo.`,
    )
    const required = challenge?.params.scope
    if (required) known.push(`The challenge names the required scope: ${tick(required)}.`)
    const guessed: string[] = []
    if (providerError !== 'insufficient_scope') {
      guessed.push(
        `No error code was readable, but a token without ${tick('openid')} is refused at userinfo by OpenID Connect providers (Keycloak ≥ 20 answers 403), so this is almost certainly the cause.`,
      )
    }
    if (!evidence.fromClaim && input.tokenResponseScope !== undefined) {
      guessed.push(
        'The access token is opaque (or has no scope claim), so its scope was taken from the token response.',
      )
    }
    if (input.requestedScope.includes('openid')) {
      known.push(
        `The lab requested ${scopeText(parseScope(input.requestedScope))}, so the provider dropped \`openid\`.`,
      )
      return diagnosis('insufficient_scope', {
        ...base,
        known,
        guessed,
        cause: `\`openid\` was requested but not granted: the client may not be allowed to use OpenID Connect, or a provider policy removed the scope.`,
        fix: 'Check the client at the provider (Keycloak: the client’s protocol must be openid-connect; look for scope policies or mappers that remove `openid`).',
        detail: 'openid_not_granted',
      })
    }
    return diagnosis('insufficient_scope', {
      ...base,
      known,
      guessed,
      cause: `The authorization request did not include ${tick('openid')}, so the provider treated it as plain OAuth 2.0 and issued an access token that is not valid for userinfo.`,
      fix: `Tick ${tick('openid')} and run the flow again; only a new access token carries it (a refresh cannot add scopes).`,
      action: { kind: 'rerun_with_scope', scope: 'openid' },
    })
  }
  if (providerError === 'insufficient_scope') {
    known.push(`${evidence.sentence}; it includes ${tick('openid')}.`)
    const required = parseScope(challenge?.params.scope).filter((s) => !evidence.scopes.includes(s))
    const first = required[0]
    return diagnosis('insufficient_scope', {
      ...base,
      known,
      cause: first
        ? `The provider requires ${tick(required.join(' '))}, which the token lacks.`
        : 'The provider requires a scope the token lacks, and does not say which.',
      fix: first
        ? `Tick ${tick(first)} and run the flow again.`
        : 'Compare the requested scopes with the provider’s documentation.',
      ...(first ? { action: { kind: 'rerun_with_scope', scope: first } } : {}),
    })
  }
  if (providerError === 'invalid_token' || (status === 401 && !providerError)) {
    return diagnoseInvalidToken(input, error, challenge !== undefined, base)
  }
  if (providerError === 'invalid_request') {
    return diagnosis('invalid_request', {
      ...base,
      cause:
        'The provider found the request malformed: typically the token sent in two places, or a malformed Authorization header.',
      fix: 'Send the token once, in the Authorization header.',
      specLinks: [SPEC.bearerErrors],
    })
  }
  if (status === 403) {
    known.push(
      `${evidence.sentence}; it includes ${tick('openid')}, so the scope is not the problem.`,
    )
    return diagnosis('userinfo_forbidden', {
      ...base,
      known,
      guessed: [
        'The token’s audience or type is not accepted at userinfo (e.g. oidc-provider rejects JWT access tokens meant for an API).',
        'The client or the user was disabled at the provider after the token was issued.',
        'A DPoP-bound token was sent as a plain Bearer token.',
        ...(providerError
          ? [`The provider’s own code ${tick(providerError)} is not an RFC 6750 code.`]
          : []),
      ],
    })
  }
  if (status >= 500)
    return diagnosis(status === 503 ? 'temporarily_unavailable' : 'server_error', base)
  if (error.code === 'non_standard_response')
    return diagnoseNonStandard(error, response, base, 'Userinfo')
  return diagnosis('http_error', {
    ...base,
    cause:
      status === 404 || status === 405
        ? 'The userinfo URL or method is wrong.'
        : `HTTP ${status} is not an answer RFC 6750 defines for userinfo.`,
    fix: 'Compare the request URL with userinfo_endpoint in the discovery document.',
  })
}

function diagnoseInvalidToken(
  input: UserinfoErrorInput,
  error: OidcError,
  hadChallenge: boolean,
  base: DiagnosisParts,
): Diagnosis {
  const known = base.known ?? []
  const guessed: string[] = []
  const description = error.provider?.error_description ?? ''
  const nowSeconds = (input.now ?? Date.now()) / 1000
  if (input.accessTokenExp !== undefined) {
    const left = input.accessTokenExp - nowSeconds
    const at = new Date(input.accessTokenExp * 1000).toISOString()
    if (left <= 0) {
      known.push(`The access token expired at ${at} (${secondsAgo(-left)} ago).`)
      return diagnosis('invalid_token', {
        ...base,
        known,
        title: 'The access token expired',
        cause: 'Access tokens are short-lived (Keycloak: 5 minutes by default).',
        fix: 'Use the refresh token, or run the flow again.',
        action: { kind: 'restart_flow' },
        detail: 'expired',
      })
    }
    known.push(`The access token is still within its lifetime (exp ${at}).`)
  }
  if (input.accessTokenIss && input.expectedIssuer) {
    const difference = describeIssuerDifference(input.expectedIssuer, input.accessTokenIss)
    if (difference) {
      known.push(
        `The token’s iss is ${tick(input.accessTokenIss)}, not ${tick(input.expectedIssuer)}. ${difference.message}`,
      )
      return diagnosis('invalid_token', {
        ...base,
        known,
        title: 'The token comes from another issuer',
        cause:
          'The provider only accepts tokens whose iss is its own issuer, character for character.',
        fix: 'Use one host name for the provider everywhere (e.g. always localhost, or always 127.0.0.1), then run the flow again.',
        action: { kind: 'restart_flow' },
        detail: 'issuer',
      })
    }
  }
  if (/invalid token issuer|issuer/i.test(description)) {
    return diagnosis('invalid_token', {
      ...base,
      known,
      title: 'The token comes from another issuer',
      cause:
        'The token was issued under a different issuer URL (host name, scheme or realm) than the one userinfo expects.',
      fix: 'Use one host name for the provider everywhere, then run the flow again.',
      action: { kind: 'restart_flow' },
      detail: 'issuer',
    })
  }
  if (/session/i.test(description)) {
    return diagnosis('invalid_token', {
      ...base,
      known,
      title: 'The login session ended',
      cause:
        'The token is tied to a provider session that no longer exists (logout, session timeout, admin action).',
      fix: 'Log in again by running the flow again.',
      action: { kind: 'restart_flow' },
      detail: 'session_ended',
    })
  }
  if (/not active|expired/i.test(description)) {
    return diagnosis('invalid_token', {
      ...base,
      known,
      title: 'The access token is no longer active',
      cause: 'The provider considers the token expired or inactive.',
      fix: 'Use the refresh token, or run the flow again.',
      action: { kind: 'restart_flow' },
      detail: 'expired',
    })
  }
  if (/signature|verification failed|no matching key/i.test(description)) {
    guessed.push(
      'The signature did not verify: the token was altered, comes from another realm, or the provider’s keys changed.',
    )
  }
  if (hadChallenge && !error.provider) {
    guessed.push(
      'The challenge carries no error code, which RFC 6750 uses when the request had no usable token at all: a proxy may have dropped the Authorization header.',
    )
  }
  guessed.push(
    'Usual causes: the token was revoked (logout, or the authorization code was used twice, which revokes its tokens), it expired, or it was issued for another audience or realm.',
  )
  return diagnosis('invalid_token', { ...base, known, guessed, action: { kind: 'restart_flow' } })
}

// ---------------------------------------------------------------------------------------------
// Successful token responses that still surprise
// ---------------------------------------------------------------------------------------------

/** What the lab asked for when the token response arrived. */
export interface TokenResponseContext {
  requestedScope: readonly string[]
  grantType?: 'authorization_code' | 'refresh_token'
}

/**
 * Notes about a successful token response: no ID token because `openid` was not requested (info,
 * with a rerun action), not granted (warning), or simply missing although granted (error: OIDC Core
 * requires it). Refresh responses may omit the ID token. It does not validate the ID token.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse
 */
export function diagnoseTokenResponse(
  token: TokenEndpointResponse,
  context: TokenResponseContext,
): Diagnosis[] {
  if (token.id_token || context.grantType === 'refresh_token') return []
  const requested = parseScope(context.requestedScope)
  const granted = token.scope === undefined ? requested : parseScope(token.scope)
  const known = [
    'The token response has no id_token.',
    `The requested scope was ${scopeText(requested)}${token.scope !== undefined ? ` and the granted scope is ${scopeText(granted)}` : ''}.`,
  ]
  if (!requested.includes('openid')) {
    return [
      diagnosis('no_id_token', {
        severity: 'info',
        known,
        cause: `${tick('openid')} was not requested, so the provider treated the request as plain OAuth 2.0: no ID token, and userinfo will refuse this access token.`,
        action: { kind: 'rerun_with_scope', scope: 'openid' },
      }),
    ]
  }
  if (!granted.includes('openid')) {
    return [
      diagnosis('no_id_token', {
        severity: 'warning',
        known,
        cause: `${tick('openid')} was requested but not granted.`,
        fix: 'Check that the client may use OpenID Connect at the provider.',
      }),
    ]
  }
  return [
    diagnosis('no_id_token', {
      known,
      cause: 'The provider granted `openid` but returned no ID token, which OIDC Core requires.',
      fix: 'This is a provider defect (or the endpoint is not an OpenID Provider); report it.',
      detail: 'missing_despite_openid',
    }),
  ]
}

/** Where a claim was looked for and what the lab knows about scopes and metadata. */
export interface MissingClaimInput {
  claim: string
  where: 'id_token' | 'access_token' | 'userinfo'
  requestedScope: readonly string[]
  /** The token response's `scope`; undefined when omitted. */
  grantedScope?: string
  /** Where else the claim was found in this run. */
  presentIn?: readonly ('id_token' | 'access_token' | 'userinfo')[]
  claimsSupported?: readonly string[]
}

const WHERE = {
  id_token: 'the ID token',
  access_token: 'the access token',
  userinfo: 'the userinfo response',
} as const

/**
 * Explains why a claim (e.g. `email`) is missing from a token or userinfo: the releasing scope was
 * not requested (rerun action), requested but not granted, or granted but the provider puts the
 * claim elsewhere (Keycloak mapper toggles), or the user has no value. It does not look into the
 * tokens itself; pass what was found.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export function diagnoseMissingClaim(input: MissingClaimInput): Diagnosis {
  const { claim, where } = input
  const scope = scopeForClaim(claim)
  const requested = parseScope(input.requestedScope)
  const granted = input.grantedScope === undefined ? requested : parseScope(input.grantedScope)
  const known = [`${WHERE[where]} has no ${tick(claim)} claim.`]
  const guessed: string[] = []
  const elsewhere = (input.presentIn ?? []).filter((p) => p !== where)
  if (elsewhere.length)
    known.push(`It is present in ${elsewhere.map((p) => WHERE[p]).join(' and ')}.`)
  if (input.claimsSupported && !input.claimsSupported.includes(claim)) {
    known.push(`The provider does not list ${tick(claim)} in claims_supported.`)
  }
  const base = { severity: 'warning' as const, title: `No ${claim} claim`, known }

  if (scope && !granted.includes(scope)) {
    if (!requested.includes(scope)) {
      known.push(`${tick(claim)} comes with the ${tick(scope)} scope, which was not requested.`)
      return diagnosis('missing_claim', {
        ...base,
        cause: `${tick(scope)} was not requested, so the provider did not release ${tick(claim)}.`,
        fix: `Tick ${tick(scope)} and run the flow again.`,
        action: { kind: 'rerun_with_scope', scope },
      })
    }
    known.push(`${tick(scope)} was requested but not granted.`)
    return diagnosis('missing_claim', {
      ...base,
      cause: `The provider did not grant ${tick(scope)}.`,
      fix: `Allow ${tick(scope)} for the client (Keycloak: Clients → your client → Client scopes → Add client scope).`,
    })
  }
  if (scope) known.push(`${tick(scope)}, the scope that releases it, was granted.`)
  if (elsewhere.length) {
    guessed.push(
      `The provider puts ${tick(claim)} only in ${elsewhere.map((p) => WHERE[p]).join(' and ')}; in Keycloak each mapper has “Add to ID token”, “Add to access token” and “Add to userinfo” switches.`,
    )
  } else {
    guessed.push(
      `The user may have no value for ${tick(claim)} (claims without a value are left out).`,
      'A provider mapper may be missing or disabled for this claim.',
    )
  }
  return diagnosis('missing_claim', {
    ...base,
    guessed,
    cause: elsewhere.length
      ? `${tick(claim)} is released, but not into ${WHERE[where]}.`
      : `${tick(claim)} was not released although ${scope ? 'its scope was granted' : 'no scope controls it'}.`,
    fix: elsewhere.length
      ? `Read it from ${WHERE[elsewhere[0] ?? 'userinfo']}, or enable the mapper for ${WHERE[where]}.`
      : `Check the user’s ${tick(claim)} value and the provider’s mappers.`,
  })
}
