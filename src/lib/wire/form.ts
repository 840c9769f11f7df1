/**
 * Serialises ordered pairs as `application/x-www-form-urlencoded` (spaces as `+`), exactly as
 * `fetch` will send them. It does not drop empty values or duplicates.
 * @see https://url.spec.whatwg.org/#concept-urlencoded-serializer
 */
export function toFormBody(pairs: readonly (readonly [string, string])[]): string {
  return new URLSearchParams(pairs.map(([n, v]) => [n, v])).toString()
}

/**
 * Form-urlencodes one value as {@link toFormBody} would (`a:b c` → `a%3Ab+c`). It does not encode
 * a name.
 * @see https://url.spec.whatwg.org/#concept-urlencoded-serializer
 */
export function formEncode(value: string): string {
  return toFormBody([['', value]]).slice(1)
}

/**
 * Decodes one form-urlencoded value (`+` as space, `%XX` escapes), or `undefined` when an escape is
 * not valid UTF-8. It does not split on `&` or `=`.
 * @see https://url.spec.whatwg.org/#concept-urlencoded-parser
 */
export function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}
