import type { HttpRequestSpec } from '@/lib/wire/http-types'
import { basicAuthorization } from '@/lib/wire/basic-auth'
import type { ClientAuthMethod } from './types'

/** How the client authenticates: a method and, for the secret methods, the secret. */
export interface ClientAuth {
  method: ClientAuthMethod
  clientSecret?: string
}

/**
 * Adds the client authentication to a form request exactly as `buildTokenRequest` does:
 * `client_secret_basic` sets the `Authorization: Basic` header, `client_secret_post` appends
 * `client_id` and `client_secret` to the form, `none` appends `client_id` only. Returns the names of
 * the header or field that now carry the secret. It mutates `form` and `headers`, and does not check
 * that the secret is present (an empty one is sent as such, which teaches `invalid_client`).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function applyClientAuth(
  form: [string, string][],
  headers: Record<string, string>,
  clientId: string,
  auth: ClientAuth,
): string[] {
  switch (auth.method) {
    case 'client_secret_basic':
      headers.Authorization = basicAuthorization(clientId, auth.clientSecret ?? '')
      return ['Authorization']
    case 'client_secret_post':
      form.push(['client_id', clientId], ['client_secret', auth.clientSecret ?? ''])
      return ['client_secret']
    case 'none':
      form.push(['client_id', clientId])
      return []
  }
}

/** Input for {@link buildClientAuthenticatedPost}. */
export interface ClientAuthenticatedPostInput {
  url: string
  clientId: string
  auth: ClientAuth
  /** The request's own fields, in order, sent before the client authentication. */
  form: [string, string][]
  /** Extra form fields appended last, in order; empty values and names already sent are skipped. */
  extra?: Readonly<Record<string, string | undefined>>
  /** Form fields of the request itself that carry secrets (e.g. `token`, `device_code`). */
  secretFields?: readonly string[]
}

/**
 * A form POST to an endpoint that authenticates the client (token, device authorization,
 * revocation, introspection): the request's fields, then the client authentication as
 * {@link applyClientAuth} adds it, then the extras, with `Content-Type` form and `Accept: application/json`
 * headers, the order `buildTokenRequest` uses. `secretFields` lists the authentication's secret first.
 * It does not check that the endpoint accepts this authentication method.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3
 */
export function buildClientAuthenticatedPost(input: ClientAuthenticatedPostInput): HttpRequestSpec {
  const form: [string, string][] = input.form.map(([n, v]) => [n, v])
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  }
  const secretFields = applyClientAuth(form, headers, input.clientId, input.auth)
  for (const [name, value] of Object.entries(input.extra ?? {})) {
    if (value !== undefined && value !== '' && !form.some(([n]) => n === name))
      form.push([name, value])
  }
  return {
    method: 'POST',
    url: input.url,
    headers,
    form,
    secretFields: [...secretFields, ...(input.secretFields ?? [])],
  }
}
