/**
 * Parses an absolute URL, returning `undefined` instead of throwing (`URL.parse` is too new for some
 * browsers the lab supports). It does not restrict the scheme.
 * @see https://url.spec.whatwg.org/#dom-url-parse
 */
export function parseAbsoluteUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}
