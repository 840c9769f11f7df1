import { SETUP_SPEC } from './setup-spec-links'

/** Optional authorization request parameters the lab knows and can explain. */
export interface AuthorizationExtraParams {
  prompt?: string
  login_hint?: string
  max_age?: string | number
  acr_values?: string
  ui_locales?: string
  response_mode?: string
  display?: string
  claims?: string
  id_token_hint?: string
  resource?: string
  audience?: string
  kc_idp_hint?: string
  kc_action?: string
}

/** Everything that goes into an authorization request URL. */
export interface AuthorizationUrlInput {
  authorizationEndpoint: string
  clientId: string
  redirectUri: string
  scope: readonly string[]
  state: string
  nonce?: string
  codeChallenge?: string
  /** Defaults to `S256` when a challenge is given. */
  codeChallengeMethod?: 'S256' | 'plain'
  responseType?: 'code'
  extra?: AuthorizationExtraParams
  /** Any other parameter, sent as typed (the provider must ignore ones it does not know). */
  additionalParams?: Readonly<Record<string, string>>
}

/** One query parameter of the built URL, explained. */
export interface AuthorizationParam {
  name: string
  value: string
  explanation: string
  specLink: string
  /** True for parameters that were already in the provider's authorization endpoint URL. */
  fromEndpoint?: boolean
}

/** A remark about the request the lab is about to send (it will still be sent). */
export interface AuthorizationWarning {
  code:
    'openid_missing' | 'nonce_without_openid' | 'no_pkce' | 'plain_pkce' | 'endpoint_param_replaced'
  message: string
}

/** The URL to send the browser to, each parameter explained, and remarks. */
export interface AuthorizationUrl {
  url: string
  params: AuthorizationParam[]
  warnings: AuthorizationWarning[]
}

interface ParamInfo {
  explanation: string
  specLink: string
}

/**
 * One plain sentence per authorization request parameter, with the spec section that defines it.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 */
export const AUTHORIZATION_PARAM_INFO: Readonly<Record<string, ParamInfo>> = {
  response_type: {
    explanation:
      '“code” asks for an authorization code, which the app then trades for tokens at the token endpoint.',
    specLink: SETUP_SPEC.oauthAuthorizationRequest.href,
  },
  client_id: {
    explanation:
      'The application’s identifier as registered at the provider (the Keycloak “Client ID”).',
    specLink: SETUP_SPEC.oauthAuthorizationRequest.href,
  },
  redirect_uri: {
    explanation:
      'Where the provider sends the browser back; it must match a registered redirect URI exactly.',
    specLink: SETUP_SPEC.oauthRedirectUri.href,
  },
  scope: {
    explanation:
      'What the app asks for, space-separated; “openid” makes this an OpenID Connect request with an ID token.',
    specLink: SETUP_SPEC.oauthScope.href,
  },
  state: {
    explanation:
      'Random value the provider sends back unchanged; the app compares it to refuse answers it did not ask for (CSRF).',
    specLink: SETUP_SPEC.oauthCsrf.href,
  },
  nonce: {
    explanation:
      'Random value the provider copies into the ID token; the app checks it to refuse replayed ID tokens. Only meaningful with `openid`.',
    specLink: SETUP_SPEC.coreNonce.href,
  },
  code_challenge: {
    explanation:
      'PKCE: hash of a secret (the code_verifier) the app reveals only at the token endpoint, so a stolen code is useless.',
    specLink: SETUP_SPEC.pkceChallenge.href,
  },
  code_challenge_method: {
    explanation:
      'How the code_challenge was derived from the verifier: S256 means SHA-256 then base64url.',
    specLink: SETUP_SPEC.pkceAuthorization.href,
  },
  prompt: {
    explanation:
      '“login” forces the login form, “consent” the consent screen, “none” fails instead of showing any page.',
    specLink: SETUP_SPEC.coreAuthRequest.href,
  },
  login_hint: {
    explanation: 'Pre-fills the user name on the provider’s login form.',
    specLink: SETUP_SPEC.coreAuthRequest.href,
  },
  max_age: {
    explanation:
      'Maximum seconds since the user last logged in; older sessions must log in again, and the ID token then carries auth_time.',
    specLink: SETUP_SPEC.coreAuthRequest.href,
  },
  acr_values: {
    explanation:
      'Requested authentication strength (e.g. a Keycloak level of authentication); the ID token’s acr says what was achieved.',
    specLink: SETUP_SPEC.coreAuthRequest.href,
  },
  ui_locales: {
    explanation: 'Preferred languages for the provider’s pages, space-separated (e.g. “de en”).',
    specLink: SETUP_SPEC.coreAuthRequest.href,
  },
  response_mode: {
    explanation:
      'How the answer comes back: “query” (default for code), “fragment” (after #) or “form_post”.',
    specLink: SETUP_SPEC.coreAuthRequest.href,
  },
  display: {
    explanation: 'How the provider should lay out its pages (page, popup, touch, wap).',
    specLink: SETUP_SPEC.coreAuthRequest.href,
  },
  claims: {
    explanation:
      'JSON asking for individual claims in the ID token or userinfo, beyond what scopes give.',
    specLink: SETUP_SPEC.coreClaimsParameter.href,
  },
  id_token_hint: {
    explanation: 'A previously issued ID token, hinting which user is expected.',
    specLink: SETUP_SPEC.coreAuthRequest.href,
  },
  resource: {
    explanation: 'RFC 8707: the API the access token is meant for.',
    specLink: 'https://www.rfc-editor.org/rfc/rfc8707#section-2',
  },
  audience: {
    explanation: 'Not standard (Auth0 and a few others): the API the access token is meant for.',
    specLink: SETUP_SPEC.oauthEndpointQuery.href,
  },
  kc_idp_hint: {
    explanation: 'Keycloak only: skip the login page and go straight to this identity provider.',
    specLink: SETUP_SPEC.oauthEndpointQuery.href,
  },
  kc_action: {
    explanation: 'Keycloak only: run a required action (e.g. UPDATE_PASSWORD) during this login.',
    specLink: SETUP_SPEC.oauthEndpointQuery.href,
  },
}

const UNKNOWN_PARAM: ParamInfo = {
  explanation:
    'Not defined by OAuth 2.0 or OpenID Connect; sent as typed, and a provider that does not know it must ignore it.',
  specLink: SETUP_SPEC.oauthEndpointQuery.href,
}

const ENDPOINT_PARAM: ParamInfo = {
  explanation: 'Already part of the authorization endpoint URL the provider published; kept as is.',
  specLink: SETUP_SPEC.oauthEndpointQuery.href,
}

/** Whether to send a nonce: `auto` follows the scopes, `always`/`never` force it. */
export type NonceMode = 'auto' | 'always' | 'never'

/**
 * Whether to send `nonce`: by default only when `openid` is requested, because some providers
 * (oidc-provider) reject a nonce without `openid` while others demand one; `always`/`never` force
 * the choice. It does not generate the nonce.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 */
export function shouldSendNonce(scopes: readonly string[], mode: NonceMode = 'auto'): boolean {
  if (mode === 'always') return true
  if (mode === 'never') return false
  return scopes.includes('openid')
}

/**
 * Builds the authorization request URL and explains each parameter. It keeps any query already on
 * the endpoint (allowed by RFC 6749 §3.1; a lab parameter with the same name replaces it, with a
 * warning), omits empty optional parameters, and joins scopes with single spaces (deduplicated).
 * It does not validate values against discovery metadata, and it throws a `TypeError` only when
 * `authorizationEndpoint` is not an absolute URL (a validated discovery document guarantees it is).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 */
export function buildAuthorizationUrl(input: AuthorizationUrlInput): AuthorizationUrl {
  const url = new URL(input.authorizationEndpoint)
  const params: AuthorizationParam[] = []
  const warnings: AuthorizationWarning[] = []
  const endpointParams = new Map<string, string>()
  for (const [name, value] of url.searchParams) {
    if (!endpointParams.has(name)) endpointParams.set(name, value)
  }

  const ours: [string, string][] = []
  const add = (name: string, value: string | number | undefined): void => {
    if (value === undefined) return
    const text = String(value).trim()
    if (text === '' || ours.some(([n]) => n === name)) return
    ours.push([name, text])
  }

  const scopes = [...new Set(input.scope.map((s) => s.trim()).filter(Boolean))]
  add('response_type', input.responseType ?? 'code')
  add('client_id', input.clientId)
  add('redirect_uri', input.redirectUri)
  add('scope', scopes.join(' '))
  add('state', input.state)
  add('nonce', input.nonce)
  if (input.codeChallenge) {
    add('code_challenge', input.codeChallenge)
    add('code_challenge_method', input.codeChallengeMethod ?? 'S256')
  }
  for (const [name, value] of Object.entries(input.extra ?? {}) as [string, unknown][]) {
    if (typeof value === 'string' || typeof value === 'number') add(name, value)
  }
  for (const [name, value] of Object.entries(input.additionalParams ?? {})) add(name, value)

  for (const [name, value] of endpointParams) {
    if (ours.some(([n]) => n === name)) {
      warnings.push({
        code: 'endpoint_param_replaced',
        message: `The authorization endpoint URL already had “${name}=${value}”; the lab’s value replaces it (parameters must not repeat).`,
      })
      continue
    }
    params.push({ name, value, ...ENDPOINT_PARAM, fromEndpoint: true })
  }
  for (const [name, value] of ours) {
    params.push({ name, value, ...(AUTHORIZATION_PARAM_INFO[name] ?? UNKNOWN_PARAM) })
  }
  const query = new URLSearchParams(ours).toString()
  if (warnings.some((w) => w.code === 'endpoint_param_replaced')) {
    for (const [name, value] of ours) url.searchParams.set(name, value)
  } else {
    // keep the endpoint's own query byte for byte
    url.search = url.search ? `${url.search}&${query}` : query
  }

  const hasOpenid = scopes.includes('openid')
  if (!hasOpenid) {
    warnings.push({
      code: 'openid_missing',
      message:
        'Without “openid” this is a plain OAuth 2.0 request: no ID token comes back, and a provider that enforces OIDC Core §5.3 refuses the access token at userinfo (Keycloak ≥ 20 answers 403).',
    })
  }
  if (input.nonce && !hasOpenid) {
    warnings.push({
      code: 'nonce_without_openid',
      message:
        'A nonce without “openid” has no ID token to land in; some providers (oidc-provider) reject the request with invalid_request.',
    })
  }
  if (!input.codeChallenge) {
    warnings.push({
      code: 'no_pkce',
      message:
        'No PKCE: anyone who intercepts the code can redeem it. Public clients must use PKCE, and Keycloak can require it per client.',
    })
  } else if (input.codeChallengeMethod === 'plain') {
    warnings.push({
      code: 'plain_pkce',
      message: 'PKCE “plain” puts the verifier itself in the URL; use S256.',
    })
  }
  return { url: url.href, params, warnings }
}
