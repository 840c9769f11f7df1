import { formDecode, toFormBody } from './form'
import type { HttpRequestSpec } from './http-types'

/**
 * What the UI and exports show instead of a secret value: fully masked, no characters kept.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.3
 */
export const MASK = '••••••••'

/**
 * True when `name` is listed in `secretFields`, compared case-insensitively (header names are).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.1
 */
export function isSecretField(spec: HttpRequestSpec, name: string): boolean {
  const wanted = name.toLowerCase()
  return (spec.secretFields ?? []).some((f) => f.toLowerCase() === wanted)
}

/**
 * Masks a header value, keeping the auth scheme of an `Authorization` header (`Basic ••••••••`),
 * because the scheme is not secret. A value with no credentials after the scheme is masked whole.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-11.6.2
 */
export function maskHeaderValue(name: string, value: string): string {
  if (name.toLowerCase() === 'authorization') {
    const scheme = /^(\S+)\s+\S/.exec(value)?.[1]
    return scheme ? `${scheme} ${MASK}` : MASK
  }
  return MASK
}

/**
 * A display copy of a request with every header and form field named in `secretFields` replaced by
 * {@link MASK}; an `Authorization` header keeps its scheme. It does not mask anything that is not
 * listed (a raw `body` is left as is), and never changes the original.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function maskSpec(spec: HttpRequestSpec): HttpRequestSpec {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(spec.headers)) {
    headers[name] = isSecretField(spec, name) ? maskHeaderValue(name, value) : value
  }
  const masked: HttpRequestSpec = { ...spec, headers }
  if (spec.form) masked.form = spec.form.map(([n, v]) => [n, isSecretField(spec, n) ? MASK : v])
  if (spec.secretFields) masked.secretFields = [...spec.secretFields]
  return masked
}

/**
 * The form body of a request as it goes on the wire (`toFormBody`: spaces as `+`), with the secret
 * fields masked unless `reveal`; `undefined` when the request has no form. The mask itself is
 * shown as `••••••••`, not form-encoded, so a reader sees at once which value is hidden.
 * @see https://url.spec.whatwg.org/#concept-urlencoded-serializer
 */
export function formBodyForDisplay(spec: HttpRequestSpec, reveal: boolean): string | undefined {
  const form = reveal ? spec.form : maskSpec(spec).form
  if (!form) return undefined
  const body = toFormBody(form)
  return reveal ? body : body.replaceAll(toFormBody([['', MASK]]).slice(1), MASK)
}

const escapeRegExp = (text: string): string => text.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')

/**
 * Masks the string values of the named members anywhere in a JSON text (`"client_secret": "…"`),
 * keeping the rest of the text byte for byte. It works on the text, so it does not parse the JSON
 * and does not mask non-string values.
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-4
 */
export function maskJsonFields(text: string, fields: readonly string[]): string {
  const names = fields.map(escapeRegExp).join('|')
  return text.replace(
    new RegExp(`("(?:${names})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g'),
    `$1"${MASK}"`,
  )
}

/**
 * Masks the values of the named fields in a form-urlencoded text, keeping every other pair (and
 * each name) exactly as written; the mask is percent-encoded. It does not reorder or re-encode.
 * @see https://url.spec.whatwg.org/#concept-urlencoded-parser
 */
export function maskFormFields(text: string, fields: readonly string[]): string {
  return text
    .split('&')
    .map((pair) => {
      const rawName = pair.split('=')[0] ?? ''
      const name = formDecode(rawName) ?? rawName
      return fields.includes(name) ? `${rawName}=${encodeURIComponent(MASK)}` : pair
    })
    .join('&')
}

/**
 * Masks the named query parameters of a URL; returns the URL unchanged when none is present or it
 * does not parse. It does not look at the fragment.
 * @see https://url.spec.whatwg.org/#interface-urlsearchparams
 */
export function maskQueryParams(url: string, fields: readonly string[]): string {
  try {
    const parsed = new URL(url)
    let changed = false
    for (const name of [...new Set(parsed.searchParams.keys())]) {
      if (fields.includes(name)) {
        parsed.searchParams.set(name, MASK)
        changed = true
      }
    }
    return changed ? parsed.href : url
  } catch {
    return url
  }
}
