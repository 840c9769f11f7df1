import { base64UrlDecode } from '@/lib/wire/base64url'
import type { CurlOptions } from './curl'
import type { HttpRequestSpec } from '@/lib/wire/http-types'
import { isSecretField } from '@/lib/wire/mask'

/** Options for {@link toPythonRequests} and {@link toJavaScriptFetch}: the same as `toCurl`'s. */
export type SnippetOptions = CurlOptions

/** A string literal both Python 3 and JavaScript read back as the same text. */
const literal = (value: string): string => JSON.stringify(value)

/** The environment variable for a secret, named as `toCurl` names its placeholder. */
function envName(name: string): string {
  const base = name
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
  return /^[A-Z_]/.test(base) ? base : `SECRET_${base}`
}

function decodeBasicUser(value: string): string | undefined {
  const match = /^basic\s+(\S+)$/i.exec(value.trim())
  if (!match?.[1]) return undefined
  const bytes = base64UrlDecode(match[1].replace(/\+/g, '-').replace(/\//g, '_'))
  if (!bytes) return undefined
  const text = new TextDecoder().decode(bytes)
  const colon = text.indexOf(':')
  return colon < 0 ? undefined : text.slice(0, colon)
}

/** How one header or form value is written: a literal, a secret variable, or a Basic header. */
type Piece =
  | { kind: 'literal'; value: string }
  | { kind: 'secret'; env: string; prefix: string }
  | { kind: 'basic'; env: string; user: string }

interface Plan {
  headers: [string, Piece][]
  form?: [string, Piece][]
  body?: string
  secrets: string[]
  basic: boolean
}

function plan(spec: HttpRequestSpec, revealSecrets: boolean): Plan {
  const secrets = new Set<string>()
  let basic = false
  const secret = (env: string, prefix = ''): Piece => {
    secrets.add(env)
    return { kind: 'secret', env, prefix }
  }
  const headers = Object.entries(spec.headers).map(([name, value]): [string, Piece] => {
    if (revealSecrets || !isSecretField(spec, name)) return [name, { kind: 'literal', value }]
    if (name.toLowerCase() === 'authorization') {
      const user = decodeBasicUser(value)
      if (user !== undefined) {
        secrets.add('CLIENT_SECRET')
        basic = true
        return [name, { kind: 'basic', env: 'CLIENT_SECRET', user }]
      }
      const scheme = /^(\S+)\s+\S/.exec(value)?.[1]
      if (scheme) return [name, secret('ACCESS_TOKEN', `${scheme} `)]
    }
    return [name, secret(envName(name))]
  })
  const form = spec.form?.map(([name, value]): [string, Piece] =>
    !revealSecrets && isSecretField(spec, name)
      ? [name, secret(envName(name))]
      : [name, { kind: 'literal', value }],
  )
  return {
    headers,
    ...(form ? { form } : {}),
    ...(spec.body !== undefined && !spec.form ? { body: spec.body } : {}),
    secrets: [...secrets],
    basic,
  }
}

const SECRETS_NOTE = 'Secrets come from the environment (they were left out on purpose).'
const BASIC_NOTE =
  ' CLIENT_SECRET is form-urlencoded before it goes into the Basic header (RFC 6749 §2.3.1).'

function python(piece: Piece): string {
  switch (piece.kind) {
    case 'literal':
      return literal(piece.value)
    case 'secret':
      return piece.prefix ? `${literal(piece.prefix)} + ${piece.env}` : piece.env
    case 'basic':
      // safe="*" and ~ → %7E: the WHATWG form encoding the lab (URLSearchParams) uses, byte for byte
      return `"Basic " + base64.b64encode((${literal(`${piece.user}:`)} + quote_plus(${piece.env}, safe="*").replace("~", "%7E")).encode()).decode()`
  }
}

/**
 * Renders a request as Python code using `requests`: the same method, URL, headers (an
 * `Authorization: Basic` header stays a header) and form pairs in order (`data=` a list of
 * tuples, which `requests` form-urlencodes as the lab does, up to `~`/`*` escaping that decodes
 * the same). Unless `revealSecrets`, each secret is read from an environment variable named as
 * `toCurl`'s placeholder (`CLIENT_SECRET`, `ACCESS_TOKEN`, `REFRESH_TOKEN`…), and a masked Basic
 * header is computed from `CLIENT_SECRET` as RFC 6749 §2.3.1 asks, byte for byte the lab's. Output is
 * deterministic. It does not run anything, and does not check the request would succeed.
 * @see https://requests.readthedocs.io/en/latest/api/#requests.request
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function toPythonRequests(spec: HttpRequestSpec, { revealSecrets }: SnippetOptions): string {
  const p = plan(spec, revealSecrets)
  const lines: string[] = []
  if (p.secrets.length) lines.push(`# ${SECRETS_NOTE}${p.basic ? BASIC_NOTE : ''}`)
  const stdlib = [
    ...(p.basic ? ['import base64'] : []),
    ...(p.secrets.length ? ['import os'] : []),
    ...(p.basic ? ['from urllib.parse import quote_plus'] : []),
  ]
  if (stdlib.length) lines.push(...stdlib, '')
  lines.push('import requests', '')
  if (p.secrets.length) {
    lines.push(...p.secrets.map((env) => `${env} = os.environ[${literal(env)}]`), '')
  }
  lines.push(`response = requests.${spec.method.toLowerCase()}(`, `    ${literal(spec.url)},`)
  if (p.headers.length) {
    lines.push('    headers={')
    for (const [name, piece] of p.headers) lines.push(`        ${literal(name)}: ${python(piece)},`)
    lines.push('    },')
  }
  if (p.form) {
    if (p.form.length === 0) lines.push('    data=[],')
    else {
      lines.push('    data=[')
      for (const [name, piece] of p.form)
        lines.push(`        (${literal(name)}, ${python(piece)}),`)
      lines.push('    ],')
    }
  }
  if (p.body !== undefined) lines.push(`    data=${literal(p.body)}.encode(),`)
  lines.push(')', 'print(response.status_code)', 'print(response.text)')
  return lines.join('\n')
}

function javascript(piece: Piece): string {
  switch (piece.kind) {
    case 'literal':
      return literal(piece.value)
    case 'secret':
      return piece.prefix ? `${literal(piece.prefix)} + ${piece.env}` : piece.env
    case 'basic':
      return `"Basic " + btoa(${literal(`${piece.user}:`)} + formEncode(${piece.env}))`
  }
}

/**
 * Renders a request as JavaScript `fetch` code (an ES module: it uses top-level `await`): the same
 * method, URL, headers (an `Authorization: Basic` header stays a header) and form pairs in order
 * as `new URLSearchParams([...])`, which serialises exactly as the lab's request body. Unless
 * `revealSecrets`, each secret is read from `process.env` (Node) under `toCurl`'s placeholder
 * name, and a masked Basic header is computed from `CLIENT_SECRET` as RFC 6749 §2.3.1 asks.
 * Output is deterministic. It does not run anything; pasted into a browser console it would also
 * meet CORS, which the lab's own request does.
 * @see https://fetch.spec.whatwg.org/#fetch-method
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function toJavaScriptFetch(
  spec: HttpRequestSpec,
  { revealSecrets }: SnippetOptions,
): string {
  const p = plan(spec, revealSecrets)
  const lines: string[] = []
  if (p.secrets.length) {
    lines.push(`// ${SECRETS_NOTE}${p.basic ? BASIC_NOTE : ''}`)
    lines.push(...p.secrets.map((env) => `const ${env} = process.env.${env}`))
    if (p.basic) {
      lines.push(
        'const formEncode = (value) => new URLSearchParams([["", value]]).toString().slice(1)',
      )
    }
    lines.push('')
  }
  lines.push(
    `const response = await fetch(${literal(spec.url)}, {`,
    `  method: ${literal(spec.method)},`,
  )
  if (p.headers.length) {
    lines.push('  headers: {')
    for (const [name, piece] of p.headers) lines.push(`    ${literal(name)}: ${javascript(piece)},`)
    lines.push('  },')
  }
  if (p.form) {
    if (p.form.length === 0) lines.push('  body: new URLSearchParams([]),')
    else {
      lines.push('  body: new URLSearchParams([')
      for (const [name, piece] of p.form)
        lines.push(`    [${literal(name)}, ${javascript(piece)}],`)
      lines.push('  ]),')
    }
  }
  if (p.body !== undefined) lines.push(`  body: ${literal(p.body)},`)
  lines.push('})', 'console.log(response.status, await response.text())')
  return lines.join('\n')
}
