import type { HttpExchange, HttpRequestSpec, HttpResponseRecord } from '@/lib/wire/http-types'
import {
  MASK,
  maskFormFields,
  maskHeaderValue,
  maskJsonFields,
  maskQueryParams,
} from '@/lib/wire/mask'

/** What to hide besides client secrets (which are always hidden). */
export interface RedactOptions {
  /** Also hide tokens, codes and verifiers (access/refresh/ID tokens, Bearer headers, code, code_verifier). */
  tokens: boolean
}

/** Fields that authenticate the client: always masked. */
const CLIENT_SECRETS = [
  'client_secret',
  'client_assertion',
  'registration_access_token',
  'password',
]
/** Fields that carry tokens or one-time credentials: masked when `tokens` is set. */
const TOKEN_FIELDS = [
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'token',
  'subject_token',
  'actor_token',
  'assertion',
  'device_code',
  'logout_token',
  'id_token_hint',
]

function fieldsToMask(options: RedactOptions): string[] {
  return options.tokens ? [...CLIENT_SECRETS, ...TOKEN_FIELDS] : CLIENT_SECRETS
}

function maskAuthorization(value: string, options: RedactOptions): string {
  if (/^(bearer|dpop)\s+\S/i.test(value) && !options.tokens) return value
  return maskHeaderValue('authorization', value)
}

const looksLikeJwt = (text: string): boolean =>
  /^[\w-]+(\.[\w-]*){2}$|^[\w-]+(\.[\w-]*){4}$/.test(text.trim())

function maskBody(
  text: string,
  contentType: string,
  fields: readonly string[],
  options: RedactOptions,
): string {
  const trimmed = text.trim()
  if (options.tokens && looksLikeJwt(trimmed)) return MASK
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return maskJsonFields(text, fields)
  if (/x-www-form-urlencoded/i.test(contentType)) return maskFormFields(text, fields)
  return text
}

function redactRequest(spec: HttpRequestSpec, options: RedactOptions): HttpRequestSpec {
  const fields = fieldsToMask(options)
  const listed = (spec.secretFields ?? []).map((f) => f.toLowerCase())
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(spec.headers)) {
    const lower = name.toLowerCase()
    if (lower === 'authorization') headers[name] = maskAuthorization(value, options)
    else if (lower === 'dpop') headers[name] = options.tokens ? MASK : value
    else if (listed.includes(lower) && !TOKEN_FIELDS.includes(lower)) headers[name] = MASK
    else headers[name] = value
  }
  const redacted: HttpRequestSpec = { ...spec, url: maskQueryParams(spec.url, fields), headers }
  if (spec.form) {
    redacted.form = spec.form.map(([name, value]) => {
      const secretListed = listed.includes(name.toLowerCase()) && !TOKEN_FIELDS.includes(name)
      return [name, fields.includes(name) || secretListed ? MASK : value]
    })
  }
  if (spec.body !== undefined) {
    const contentType =
      Object.entries(spec.headers).find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? ''
    redacted.body = maskBody(spec.body, contentType, fields, options)
  }
  if (spec.secretFields) redacted.secretFields = [...spec.secretFields]
  return redacted
}

function redactResponse(response: HttpResponseRecord, options: RedactOptions): HttpResponseRecord {
  const fields = fieldsToMask(options)
  const redacted: HttpResponseRecord = {
    ...response,
    headers: { ...response.headers },
    body: maskBody(response.body, response.headers['content-type'] ?? '', fields, options),
  }
  if (response.url) redacted.url = maskQueryParams(response.url, fields)
  return redacted
}

/**
 * A copy of an exchange safe to export: client secrets are always masked (form `client_secret`,
 * Basic credentials, other `secretFields`, `client_secret` in JSON bodies); with `tokens: true`
 * access, refresh and ID tokens, Bearer/DPoP headers, codes and verifiers are masked too, in
 * headers, form fields, URLs and JSON or JWT bodies. For HAR export only; the live view shows
 * everything. It does not look inside free text (an HTML error page quoting a token stays as is).
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
export function redactExchange(exchange: HttpExchange, options: RedactOptions): HttpExchange {
  const redacted: HttpExchange = { ...exchange, request: redactRequest(exchange.request, options) }
  if (exchange.response) redacted.response = redactResponse(exchange.response, options)
  return redacted
}

/**
 * A URL safe to export: client secrets always masked in its query; with `tokens: true` also
 * codes, tokens and `id_token_hint` (a callback URL's `code`, a logout URL's hint), in the query
 * and in a fragment-encoded response (`#code=…&state=…`).
 * @see https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes
 */
export function redactUrl(url: string, options: RedactOptions): string {
  const fields = fieldsToMask(options)
  const masked = maskQueryParams(url, fields)
  const hash = masked.indexOf('#')
  if (hash < 0) return masked
  const params = new URLSearchParams(masked.slice(hash + 1))
  let changed = false
  for (const name of [...new Set(params.keys())])
    if (fields.includes(name)) {
      params.set(name, MASK)
      changed = true
    }
  return changed ? `${masked.slice(0, hash)}#${params.toString()}` : masked
}

/**
 * Replaces every occurrence of the given values (e.g. the client secret typed in this tab) in
 * `text`, also URL- and form-encoded: the last line of defence for text that leaves the app.
 * Values shorter than 4 characters are ignored (they would mask ordinary words).
 */
export function scrubValues(text: string, values: readonly (string | undefined)[]): string {
  let result = text
  for (const value of values) {
    if (!value || value.length < 4) continue
    const forms = new Set([
      value,
      encodeURIComponent(value),
      new URLSearchParams({ v: value }).toString().slice(2),
    ])
    for (const form of forms) result = result.split(form).join(MASK)
  }
  return result
}
