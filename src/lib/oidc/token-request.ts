import type { HttpRequestSpec } from '@/lib/wire/http-types'
import { applyClientAuth, type ClientAuth } from './client-auth'

/** Input for the authorization code exchange. */
export interface TokenRequestInput {
  tokenEndpoint: string
  code: string
  redirectUri: string
  clientId: string
  codeVerifier?: string
  auth: ClientAuth
  /** Extra form fields appended in order (e.g. `scope`, `resource`); empty values are skipped. */
  extra?: Readonly<Record<string, string | undefined>>
}

/** Input for a refresh token grant. */
export interface RefreshRequestInput {
  tokenEndpoint: string
  refreshToken: string
  clientId: string
  auth: ClientAuth
  /** Narrower scope than originally granted (RFC 6749 §6); omitted means "same as before". */
  scope?: string
  extra?: Readonly<Record<string, string | undefined>>
}

function appendExtra(form: [string, string][], extra: TokenRequestInput['extra']): void {
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (value !== undefined && value !== '' && !form.some(([n]) => n === name))
      form.push([name, value])
  }
}

const baseHeaders = (): Record<string, string> => ({
  'Content-Type': 'application/x-www-form-urlencoded',
  Accept: 'application/json',
})

/**
 * Builds the code exchange POST: `grant_type`, `code`, `redirect_uri`, the client authentication
 * (`client_id` in the form for `none`/`client_secret_post`, Basic header for
 * `client_secret_basic`), then `code_verifier` and extras, in that order. `secretFields` names the
 * header or field holding the secret. It does not check that the code is fresh or that the secret
 * is present (an empty secret is sent as such, which teaches `invalid_client`).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.5
 */
export function buildTokenRequest(input: TokenRequestInput): HttpRequestSpec {
  const form: [string, string][] = [
    ['grant_type', 'authorization_code'],
    ['code', input.code],
    ['redirect_uri', input.redirectUri],
  ]
  const headers = baseHeaders()
  const secretFields = applyClientAuth(form, headers, input.clientId, input.auth)
  if (input.codeVerifier) form.push(['code_verifier', input.codeVerifier])
  appendExtra(form, input.extra)
  return { method: 'POST', url: input.tokenEndpoint, headers, form, secretFields }
}

/**
 * Builds a refresh token POST (`grant_type=refresh_token`, the token, optional narrower `scope`,
 * client authentication as for the code exchange). The refresh token is listed in `secretFields`
 * too. It does not check whether the token is expired or was rotated.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export function buildRefreshRequest(input: RefreshRequestInput): HttpRequestSpec {
  const form: [string, string][] = [
    ['grant_type', 'refresh_token'],
    ['refresh_token', input.refreshToken],
  ]
  if (input.scope) form.push(['scope', input.scope])
  const headers = baseHeaders()
  const secretFields = applyClientAuth(form, headers, input.clientId, input.auth)
  appendExtra(form, input.extra)
  return {
    method: 'POST',
    url: input.tokenEndpoint,
    headers,
    form,
    secretFields: [...secretFields, 'refresh_token'],
  }
}

/** Input for a token introspection request. */
export interface IntrospectionRequestInput {
  introspectionEndpoint: string
  token: string
  tokenTypeHint?: 'access_token' | 'refresh_token'
  clientId: string
  auth: ClientAuth
}

/**
 * Builds the RFC 7662 introspection POST (`token`, optional `token_type_hint`, client
 * authentication as for the token endpoint). The token is listed in `secretFields`. It does not
 * know whether the provider lets this client introspect: most require a confidential client, and
 * answer a public one with an error or `{"active": false}`.
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.1
 */
export function buildIntrospectionRequest(input: IntrospectionRequestInput): HttpRequestSpec {
  const form: [string, string][] = [['token', input.token]]
  if (input.tokenTypeHint) form.push(['token_type_hint', input.tokenTypeHint])
  const headers = baseHeaders()
  const secretFields = applyClientAuth(form, headers, input.clientId, input.auth)
  return {
    method: 'POST',
    url: input.introspectionEndpoint,
    headers,
    form,
    secretFields: [...secretFields, 'token'],
  }
}
