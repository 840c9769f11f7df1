/**
 * Characters that change how text is shown without being seen: bidi overrides and isolates,
 * zero-width characters, the BOM, and C0/C1 controls other than tab and newline. A claim such as
 * `"\u202Enimda"` would otherwise be shown as `admin`.
 * @see https://www.unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters
 */
const INVISIBLE =
  // matching control characters is the point here
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g

/** One piece of a string: plain text, or an invisible character named by its code point. */
export type TextPart = { text: string } | { invisible: string }

/**
 * Splits a string so each invisible character can be shown as its code point (`U+202E`) instead
 * of acting on the text around it. It does not judge whether the character is malicious.
 */
export function revealInvisible(value: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of value.matchAll(INVISIBLE)) {
    const at = match.index
    if (at > last) parts.push({ text: value.slice(last, at) })
    const code = match[0].codePointAt(0) ?? 0
    parts.push({ invisible: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` })
    last = at + match[0].length
  }
  if (last < value.length) parts.push({ text: value.slice(last) })
  return parts
}
