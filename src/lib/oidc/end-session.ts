import type { AuthorizationParam } from './authorization-url'
import { parseCallbackParams } from './callback-params'

const RP_LOGOUT = 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout'
const REDIRECTION_AFTER_LOGOUT =
  'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RedirectionAfterLogout'

/** Everything that goes into an RP-initiated logout URL; empty values are left out. */
export interface EndSessionUrlInput {
  /** Discovery's `end_session_endpoint`. */
  endSessionEndpoint: string
  /** The ID token last issued to this client for this user. */
  idTokenHint?: string
  /** Where to send the browser after logout; must be registered for the client. */
  postLogoutRedirectUri?: string
  clientId?: string
  /** Echoed back to `postLogoutRedirectUri`. */
  state?: string
  uiLocales?: string
  /** Which user to log out (e.g. a login name), when there is no ID token. */
  logoutHint?: string
}

/** A remark about the logout request (it can still be sent). */
export interface EndSessionWarning {
  code:
    | 'no_id_token_hint'
    | 'redirect_without_client'
    | 'state_without_redirect'
    | 'endpoint_param_replaced'
  message: string
}

/** The logout URL, each parameter explained (same shape as the authorization URL's), and remarks. */
export interface EndSessionUrl {
  url: string
  params: AuthorizationParam[]
  warnings: EndSessionWarning[]
}

/**
 * One plain sentence per RP-initiated logout parameter.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export const END_SESSION_PARAM_INFO: Readonly<Record<string, string>> = {
  id_token_hint:
    'The ID token the provider issued for this login: it tells the provider which session and client are logging out, so it can skip asking the user.',
  logout_hint: 'Which user to log out (e.g. a login name), for when there is no ID token to send.',
  client_id:
    'The application’s identifier; lets the provider check post_logout_redirect_uri when no id_token_hint is sent.',
  post_logout_redirect_uri:
    'Where the provider sends the browser after logout; it must exactly match a URI registered for the client, or the provider stays on its own page.',
  state:
    'Random value the provider hands back unchanged on the redirect to post_logout_redirect_uri, so the app can tie the return to its request.',
  ui_locales:
    'Preferred languages for the provider’s logout pages, space-separated (e.g. “de en”).',
}

const ENDPOINT_PARAM =
  'Already part of the end_session_endpoint URL the provider published; kept as is.'

/**
 * Builds the RP-initiated logout URL (a GET to `end_session_endpoint`) and explains each parameter:
 * `id_token_hint`, `logout_hint`, `client_id`, `post_logout_redirect_uri`, `state`, `ui_locales`,
 * in that order, empty ones left out. A query already on the endpoint is kept (a parameter of ours
 * with the same name replaces it, with a warning). Warnings: no `id_token_hint` (the provider must
 * then ask the user to confirm), a redirect URI with neither `id_token_hint` nor `client_id` (the
 * provider cannot check it; Keycloak refuses), `state` without a redirect URI (nothing brings it
 * back). It does not check that the redirect URI is registered or the ID token still valid, and it
 * throws a `TypeError` only when `endSessionEndpoint` is not an absolute URL.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export function buildEndSessionUrl(input: EndSessionUrlInput): EndSessionUrl {
  const url = new URL(input.endSessionEndpoint)
  const ours: [string, string][] = []
  const add = (name: string, value: string | undefined): void => {
    const text = value?.trim()
    if (text) ours.push([name, text])
  }
  add('id_token_hint', input.idTokenHint)
  add('logout_hint', input.logoutHint)
  add('client_id', input.clientId)
  add('post_logout_redirect_uri', input.postLogoutRedirectUri)
  add('state', input.state)
  add('ui_locales', input.uiLocales)

  const params: AuthorizationParam[] = []
  const warnings: EndSessionWarning[] = []
  const seen = new Set<string>()
  for (const [name, value] of url.searchParams) {
    if (seen.has(name)) continue
    seen.add(name)
    if (ours.some(([n]) => n === name)) {
      warnings.push({
        code: 'endpoint_param_replaced',
        message: `The end_session_endpoint URL already had “${name}=${value}”; the lab’s value replaces it (parameters must not repeat).`,
      })
      continue
    }
    params.push({
      name,
      value,
      explanation: ENDPOINT_PARAM,
      specLink: RP_LOGOUT,
      fromEndpoint: true,
    })
  }
  for (const [name, value] of ours) {
    params.push({
      name,
      value,
      explanation: END_SESSION_PARAM_INFO[name] ?? '',
      specLink: RP_LOGOUT,
    })
  }
  if (warnings.length) {
    for (const [name, value] of ours) url.searchParams.set(name, value)
  } else if (ours.length) {
    // keep the endpoint's own query byte for byte
    const query = new URLSearchParams(ours).toString()
    url.search = url.search ? `${url.search}&${query}` : query
  }

  const has = (name: string): boolean => ours.some(([n]) => n === name)
  if (!has('id_token_hint')) {
    warnings.push({
      code: 'no_id_token_hint',
      message:
        'No id_token_hint: the provider cannot tell which session is ending, and must ask the user to confirm the logout (Keycloak shows a confirmation page).',
    })
  }
  if (has('post_logout_redirect_uri') && !has('id_token_hint') && !has('client_id')) {
    warnings.push({
      code: 'redirect_without_client',
      message:
        'post_logout_redirect_uri without id_token_hint or client_id: the provider cannot tell which client registered it (Keycloak answers “Missing parameters: id_token_hint”).',
    })
  }
  if (has('state') && !has('post_logout_redirect_uri')) {
    warnings.push({
      code: 'state_without_redirect',
      message:
        'state without post_logout_redirect_uri: state only comes back on the redirect after logout, so nothing will return it.',
    })
  }
  return { url: url.href, params, warnings }
}

/** What came back to `post_logout_redirect_uri`. */
export interface LogoutReturn {
  /** `undefined` when the lab sent no state, so there is nothing to compare. */
  stateMatches: boolean | undefined
  /** The returned state (the first, when repeated). */
  state?: string
  /** Every parameter in order, duplicates included, values decoded. */
  params: [name: string, value: string][]
  /** One sentence on the state comparison. */
  message: string
}

/**
 * Reads the redirect back to `post_logout_redirect_uri` (a full URL, `?query` or `a=b` string) and
 * compares `state` with the one sent: `true` when equal, `false` when missing, repeated or
 * different, `undefined` when no state was sent. It does not prove the logout happened at the
 * provider (the redirect carries no signed statement), and does not end the app's own session.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RedirectionAfterLogout
 */
export function parseLogoutReturn(url: string, expectedState: string | undefined): LogoutReturn {
  const parsed = parseCallbackParams(url)
  const params = parsed.all
  const state = parsed.state
  const withState = state !== undefined ? { state } : {}
  if (expectedState === undefined) {
    return {
      stateMatches: undefined,
      ...withState,
      params,
      message:
        state === undefined
          ? 'No state was sent with the logout request, and none came back: nothing to compare.'
          : `A state “${state}” came back, but none was sent with the logout request: nothing to compare it with.`,
    }
  }
  if (parsed.duplicates.includes('state')) {
    return {
      stateMatches: false,
      ...withState,
      params,
      message: '“state” appears more than once; a redirect must not repeat parameters.',
    }
  }
  if (state === undefined) {
    return {
      stateMatches: false,
      params,
      message:
        'No state came back although the logout request sent one; the provider must pass it back on the redirect.',
    }
  }
  return state === expectedState
    ? {
        stateMatches: true,
        state,
        params,
        message: 'The returned state equals the one sent with the logout request.',
      }
    : {
        stateMatches: false,
        state,
        params,
        message: `The returned state “${state}” differs from the one sent (“${expectedState}”): this return belongs to another logout request.`,
      }
}

/**
 * The spec section `parseLogoutReturn` follows, for the UI's link.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RedirectionAfterLogout
 */
export const LOGOUT_RETURN_SPEC = REDIRECTION_AFTER_LOGOUT
