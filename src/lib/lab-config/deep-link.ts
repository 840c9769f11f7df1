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
