import {
  defaultConfig,
  GRANTS,
  type LabConfig,
  type LabGrant,
  type ProviderPreset,
} from '@/lib/lab-config/lab-config'

export interface DeepLinkMessage {
  level: 'error' | 'warning' | 'info'
  param: string
  text: string
}

export interface DeepLinkResult {
  config: LabConfig
  messages: DeepLinkMessage[]
  /** True when the URL carried any setup parameter (the user came from a shared link). */
  fromLink: boolean
}

const KNOWN = new Set(['issuer', 'client_id', 'scope', 'preset', 'grant'])
const PRESETS: ProviderPreset[] = ['demo', 'keycloak', 'custom']
// deep links are shared in chats and slides: anything secret in them is already leaked
const SECRET_LIKE = /secret|token|password|code_verifier|^code$|assertion/i
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/

/**
 * Reads the UI contract's deep-link parameters (`issuer`, `client_id`, `scope`, `preset`, `grant`) from a
 * query string into a configuration, with a specific message for every parameter it ignores.
 * It does not fetch anything: an issuer that parses may still be unreachable.
 */
export function parseDeepLink(search: string, demoIssuer: string): DeepLinkResult {
  const params = new URLSearchParams(search)
  const config = defaultConfig(demoIssuer)
  const messages: DeepLinkMessage[] = []
  let fromLink = false

  // garbage the URL parser would take silently (`%ZZ` stays a literal `%ZZ`): reported and dropped
  for (const problem of rawProblems(search)) {
    messages.push({ level: 'error', param: problem.param, text: problem.text })
    params.delete(problem.param)
    fromLink = true
  }

  for (const name of new Set(params.keys())) {
    if (params.getAll(name).length > 1 && KNOWN.has(name)) {
      messages.push({
        level: 'warning',
        param: name,
        text: `\`${name}\` appears more than once; the first value is used.`,
      })
    }
    if (KNOWN.has(name)) continue
    if (SECRET_LIKE.test(name)) {
      messages.push({
        level: 'error',
        param: name,
        text: `\`${name}\` was ignored: deep links never carry secrets or tokens. Anyone who saw this link saw it too, so consider rotating it.`,
      })
    } else {
      messages.push({
        level: 'warning',
        param: name,
        text: `Unknown parameter \`${name}\` was ignored. Deep links understand issuer, client_id, scope, preset and grant.`,
      })
    }
  }

  const preset = params.get('preset')
  if (preset !== null) {
    fromLink = true
    if ((PRESETS as string[]).includes(preset)) config.preset = preset as ProviderPreset
    else
      messages.push({
        level: 'error',
        param: 'preset',
        text: `Unknown preset \`${preset}\`. Known presets: ${PRESETS.join(', ')}. The demo realm is used instead.`,
      })
  }

  const issuer = params.get('issuer')?.trim()
  if (issuer !== undefined) {
    fromLink = true
    const problem = issuerProblem(issuer)
    if (problem) {
      messages.push({ level: 'error', param: 'issuer', text: problem })
    } else if (issuer.replace(/\/+$/, '') !== demoIssuer || config.preset !== 'demo') {
      applyIssuer(config, issuer)
    }
  }

  const clientId = params.get('client_id')
  if (clientId !== null) {
    fromLink = true
    if (clientId.trim() === '')
      messages.push({
        level: 'error',
        param: 'client_id',
        text: '`client_id` is empty; the preset client is used.',
      })
    else config.clientId = clientId.trim()
  }

  const scope = params.get('scope')
  if (scope !== null) {
    fromLink = true
    const scopes = [...new Set(scope.split(/[\s+]+/).filter(Boolean))]
    const invalid = scopes.filter((s) => !SCOPE_TOKEN.test(s))
    if (invalid.length > 0)
      messages.push({
        level: 'error',
        param: 'scope',
        text: `Scope values may not contain quotes, backslashes or control characters (RFC 6749 §3.3): ${invalid.map((s) => JSON.stringify(s)).join(', ')} ignored.`,
      })
    config.scopes = scopes.filter((s) => SCOPE_TOKEN.test(s))
    if (scopes.length === 0)
      messages.push({
        level: 'warning',
        param: 'scope',
        text: '`scope` is empty: no scope is selected.',
      })
  }

  const grant = params.get('grant')
  if (grant !== null) {
    fromLink = true
    if ((GRANTS as readonly string[]).includes(grant)) config.grant = grant as LabGrant
    else
      messages.push({
        level: 'error',
        param: 'grant',
        text: `Unknown grant \`${grant}\`. Known grants: ${GRANTS.join(', ')}. The authorization code flow is used instead.`,
      })
  }

  return { config, messages, fromLink }
}

function issuerProblem(issuer: string): string | undefined {
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    return `\`issuer\` "${issuer}" is not an absolute URL (expected e.g. https://keycloak.example.com/realms/myrealm).`
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `\`issuer\` must be an http(s) URL, not ${url.protocol}`
  if (url.search || url.hash)
    return '`issuer` may not contain a query or fragment (OIDC Discovery §2).'
  return undefined
}

function applyIssuer(config: LabConfig, issuer: string): void {
  const clean = issuer.replace(/\/+$/, '').replace(/\/\.well-known\/openid-configuration$/, '')
  const keycloak = /^(.*?)(\/auth)?\/realms\/([^/]+)$/.exec(clean)
  if (config.preset === 'keycloak' && keycloak) {
    config.keycloak = {
      baseUrl: keycloak[1] ?? '',
      realm: decodeURIComponent(keycloak[3] ?? ''),
      legacyAuthPath: keycloak[2] !== undefined,
    }
    return
  }
  config.preset = 'custom'
  config.issuer = clean
}

const MAX_VALUE_LENGTH = 2048
const isControl = (text: string) =>
  [...text].some((c) => {
    const code = c.charCodeAt(0)
    return code < 0x20 || (code >= 0x7f && code <= 0x9f)
  })
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/

function decodeOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '))
  } catch {
    return undefined
  }
}

const shown = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)

/**
 * Problems in the raw query string that `URLSearchParams` hides: a malformed percent-encoding
 * (`%ZZ`, a lone `%`), bytes that are not UTF-8 (`%C3%28`), control characters, and values too long
 * to be a setup. One entry per parameter name (the first problem found).
 * @see https://url.spec.whatwg.org/#percent-encoded-bytes
 */
function rawProblems(search: string): { param: string; text: string }[] {
  const found = new Map<string, string>()
  for (const piece of search.replace(/^\?/, '').split('&')) {
    if (!piece) continue
    const eq = piece.indexOf('=')
    const rawName = eq < 0 ? piece : piece.slice(0, eq)
    const rawValue = eq < 0 ? '' : piece.slice(eq + 1)
    const name = decodeOrUndefined(rawName) ?? rawName
    if (found.has(name)) continue
    const problem = valueProblem(name, rawValue)
    if (problem) found.set(name, problem)
  }
  return [...found].map(([param, text]) => ({ param, text }))
}

function valueProblem(name: string, rawValue: string): string | undefined {
  const label = `\`${name}\``
  const fix = 'Copy the link again from “Copy setup link”, or type the value in the setup.'
  const bad = BAD_PERCENT.exec(rawValue)
  if (bad) {
    const at = rawValue.slice(bad.index, bad.index + 3)
    return `${label} was ignored: it contains a malformed percent-encoding ${shown(at)} (a % must be followed by two hex digits). Likely cause: the link was cut, or typed or edited by hand. ${fix}`
  }
  const decoded = decodeOrUndefined(rawValue)
  if (decoded === undefined) {
    return `${label} was ignored: its percent-encoded bytes are not valid UTF-8 (${shown(rawValue)}). Likely cause: the link was built with another character encoding. ${fix}`
  }
  if (isControl(decoded)) {
    return `${label} was ignored: it contains control characters (e.g. a line break or NUL), which no issuer, client id, scope, preset or grant may carry. Likely cause: a copy-paste that picked up invisible characters. ${fix}`
  }
  if (decoded.length > MAX_VALUE_LENGTH) {
    return `${label} was ignored: it is ${decoded.length} characters long (at most ${MAX_VALUE_LENGTH}). Likely cause: something else was pasted into the link. ${fix}`
  }
  return undefined
}
