import { parseBasicAuthorization } from '@/lib/wire/basic-auth'
import type { HttpRequestSpec } from '@/lib/wire/http-types'
import { isSecretField } from '@/lib/wire/mask'

/** Options for {@link toCurl}. */
export interface CurlOptions {
  /** Put real secrets and tokens in the command instead of `$CLIENT_SECRET`-style placeholders. */
  revealSecrets: boolean
}

/**
 * Quotes a string for POSIX shells with single quotes (`'` becomes `'\''`), so nothing inside is
 * expanded. It does not handle NUL bytes (no shell can).
 * @see https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_02_02
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** Double-quotes `literal` (fully escaped) followed by a `$NAME` placeholder that must expand. */
function withPlaceholder(literal: string, placeholder: string): string {
  return `"${literal.replace(/[\\"`$]/g, (c) => `\\${c}`)}${placeholder}"`
}

const placeholderFor = (name: string): string =>
  `$${name
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()}`

/**
 * Renders a request as a copy-pasteable `curl` command: single-quoted URL and headers, one
 * `--data-urlencode` per form pair (in order), and `-u` for a Basic header. Unless `revealSecrets`,
 * secrets become placeholders with an `export` hint on top: the Basic secret and `client_secret` →
 * `$CLIENT_SECRET`, a Bearer/DPoP token → `$ACCESS_TOKEN`, other secret fields → `$FIELD_NAME`. The
 * `-u` value is the form-encoded `client_id:secret` pair RFC 6749 §2.3.1 specifies, so curl sends the
 * very same header. It does not run anything or check that the request would succeed.
 * @see https://curl.se/docs/manpage.html
 */
export function toCurl(spec: HttpRequestSpec, { revealSecrets }: CurlOptions): string {
  const parts: string[] = []
  const placeholders = new Set<string>()
  let usedBasicPlaceholder = false
  const hasBody = Boolean(spec.form?.length) || spec.body !== undefined
  const first = `curl ${spec.method !== 'GET' && !hasBody ? `-X ${spec.method} ` : ''}${shellQuote(spec.url)}`

  for (const [name, value] of Object.entries(spec.headers)) {
    const secret = isSecretField(spec, name)
    if (name.toLowerCase() === 'authorization') {
      const basic = parseBasicAuthorization(value)
      if (basic) {
        if (revealSecrets || !secret)
          parts.push(`-u ${shellQuote(`${basic.user}:${basic.password}`)}`)
        else {
          placeholders.add('$CLIENT_SECRET')
          usedBasicPlaceholder = true
          parts.push(`-u ${withPlaceholder(`${basic.user}:`, '$CLIENT_SECRET')}`)
        }
        continue
      }
      const scheme = /^(\S+)\s+\S/.exec(value)?.[1]
      if (secret && !revealSecrets && scheme) {
        placeholders.add('$ACCESS_TOKEN')
        parts.push(`-H ${withPlaceholder(`${name}: ${scheme} `, '$ACCESS_TOKEN')}`)
        continue
      }
    }
    if (secret && !revealSecrets) {
      const placeholder = placeholderFor(name)
      placeholders.add(placeholder)
      parts.push(`-H ${withPlaceholder(`${name}: `, placeholder)}`)
      continue
    }
    parts.push(`-H ${shellQuote(`${name}: ${value}`)}`)
  }

  for (const [name, value] of spec.form ?? []) {
    if (isSecretField(spec, name) && !revealSecrets) {
      const placeholder = placeholderFor(name)
      placeholders.add(placeholder)
      parts.push(`--data-urlencode ${withPlaceholder(`${name}=`, placeholder)}`)
    } else {
      parts.push(`--data-urlencode ${shellQuote(`${name}=${value}`)}`)
    }
  }
  if (spec.body !== undefined && !spec.form) parts.push(`--data-raw ${shellQuote(spec.body)}`)

  const command = [first, ...parts].join(' \\\n  ')
  if (placeholders.size === 0) return command
  const exports = [...placeholders].map((p) => `export ${p.slice(1)}='…'`).join('\n')
  const basicNote = usedBasicPlaceholder
    ? ' CLIENT_SECRET goes into -u form-urlencoded (RFC 6749 §2.3.1).'
    : ''
  return `# Set the secrets first (they were left out on purpose).${basicNote}\n${exports}\n${command}`
}
