import { oidcError } from './errors'
import { err, ok, type Result } from '@/lib/result'
import type { OidcError, OidcErrorDetail } from './types'
import { parseAbsoluteUrl } from './url'

/** Where Keycloak serves realms: `{base}/realms/{realm}`, or `{base}/auth/realms/{realm}` up to 16. */
export interface KeycloakIssuerInput {
  baseUrl: string
  realm: string
  /** Keycloak ≤ 16 (WildFly) and newer ones started with `--http-relative-path=/auth`. */
  legacyAuthPath: boolean
}

const WELL_KNOWN_OIDC = '/.well-known/openid-configuration'
const WELL_KNOWN_OAUTH = '/.well-known/oauth-authorization-server'

/**
 * Builds a Keycloak realm issuer such as `https://kc/realms/x` or `https://kc/auth/realms/x`. It trims
 * whitespace and trailing slashes, never doubles an `/auth` the base URL already has, cuts a pasted
 * `/realms/...` tail, and URL-encodes the realm. It does not check that the result is a valid URL
 * (see {@link validateIssuerInput}) or that the realm exists.
 * @see https://www.keycloak.org/server/hostname
 */
export function buildKeycloakIssuer({
  baseUrl,
  realm,
  legacyAuthPath,
}: KeycloakIssuerInput): string {
  let base = baseUrl.trim()
  const realmsAt = base.search(/\/realms(\/|$)/)
  if (realmsAt >= 0) base = base.slice(0, realmsAt)
  base = base.replace(/\/+$/, '')
  const hasAuth = /\/auth$/i.test(base)
  if (legacyAuthPath && !hasAuth) base += '/auth'
  return `${base}/realms/${encodeURIComponent(realm.trim())}`
}

/**
 * The discovery URL for an issuer: the issuer with any terminating `/` removed, then
 * `/.well-known/openid-configuration`. It does not validate the issuer.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
export function discoveryUrlFor(issuer: string): string {
  return `${issuer.trim().replace(/\/+$/, '')}${WELL_KNOWN_OIDC}`
}

/**
 * The RFC 8414 metadata URL, where the well-known segment goes between host and path
 * (`https://kc/.well-known/oauth-authorization-server/realms/x`). Returns `undefined` when the issuer
 * is not an absolute URL. It does not say whether the provider serves it (Keycloak does not).
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
 */
export function oauthMetadataUrlFor(issuer: string): string | undefined {
  const url = parseAbsoluteUrl(issuer.trim())
  if (!url) return undefined
  const path = url.pathname.replace(/\/+$/, '')
  return `${url.origin}${WELL_KNOWN_OAUTH}${path}`
}

/**
 * True for `localhost`, `*.localhost`, `127.0.0.0/8` and `[::1]`: hosts where plain http stays on the machine.
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-8.3
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]'
  )
}

/** A non-blocking remark about an issuer the lab will still try. */
export interface IssuerWarning {
  code: 'insecure_http' | 'trailing_slash' | 'keycloak_legacy_path'
  message: string
}

/** A usable issuer (trimmed, otherwise exactly as typed) plus remarks. */
export interface ValidIssuer {
  issuer: string
  warnings: IssuerWarning[]
}

const HOST_FIRST = /^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)+)(:\d+)?(\/|$)/i
const ENDPOINT_TAIL =
  /\/protocol\/openid-connect(\/.*)?$|\/(authorize|token|userinfo|auth|jwks|certs)\/?$/i

/**
 * Checks what a user typed as an issuer and explains what is wrong: not a URL (with a fix when only
 * the scheme is missing), not http(s), credentials, query or fragment, a pasted discovery URL,
 * endpoint URL or Keycloak admin-console URL (each with a `suggestion`). Plain http on a non-loopback
 * host and a trailing slash are warnings, not errors. It does not contact the provider, and it keeps
 * the issuer as typed (issuers are compared character for character).
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export function validateIssuerInput(text: string): Result<ValidIssuer, OidcError> {
  const trimmed = text.trim()
  if (!trimmed)
    return err(
      oidcError(
        'issuer_empty',
        'Enter the issuer URL, e.g. https://keycloak.example.com/realms/myrealm.',
      ),
    )

  const parsed = parseAbsoluteUrl(trimmed)
  const looksHostFirst = HOST_FIRST.test(trimmed)
  if (!parsed || (looksHostFirst && !/^https?:$/i.test(parsed.protocol))) {
    const guess = looksHostFirst ? withScheme(trimmed) : undefined
    return err(
      oidcError(
        'issuer_not_url',
        `“${trimmed}” is not an absolute URL${guess ? ': the scheme is missing' : ''}.`,
        {
          ...(guess ? { suggestion: guess, hint: `Did you mean ${guess}?` } : {}),
        },
      ),
    )
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return err(
      oidcError(
        'issuer_not_http',
        `The issuer must be an http(s) URL; this one uses “${parsed.protocol}”.`,
      ),
    )
  }
  if (parsed.username || parsed.password) {
    return err(
      oidcError('issuer_has_credentials', 'The issuer must not contain a user name or password.', {
        suggestion: stripped(parsed, { search: true, hash: true }),
      }),
    )
  }

  const adminConsole = /^(.*?)\/admin\/(?:[^/]+\/)?console\/?$/.exec(parsed.pathname)
  const hashRealm = /^#\/(?:realms\/)?([^/?#]+)/.exec(parsed.hash)
  if (adminConsole && hashRealm?.[1]) {
    const suggestion = `${parsed.origin}${adminConsole[1] ?? ''}/realms/${hashRealm[1]}`
    return err(
      oidcError(
        'issuer_is_admin_console',
        'This is the Keycloak admin console, not an issuer. A realm’s issuer is {base}/realms/{realm}.',
        { suggestion, hint: `Try ${suggestion}.` },
      ),
    )
  }

  const path = parsed.pathname
  const wellKnown = [WELL_KNOWN_OIDC, WELL_KNOWN_OAUTH].find((w) => path.includes(w))
  if (wellKnown) {
    const suggestion =
      wellKnown === WELL_KNOWN_OAUTH && path.startsWith(WELL_KNOWN_OAUTH)
        ? `${parsed.origin}${path.slice(WELL_KNOWN_OAUTH.length)}`.replace(/\/+$/, '')
        : `${parsed.origin}${path.slice(0, path.indexOf(wellKnown))}`
    return err(
      oidcError(
        'issuer_is_discovery_url',
        `This is the discovery document URL; the issuer is the part before ${wellKnown}. The lab appends it itself.`,
        { suggestion: suggestion || parsed.origin, hint: `Use ${suggestion || parsed.origin}.` },
      ),
    )
  }
  if (parsed.search) {
    return err(
      oidcError('issuer_has_query', 'An issuer has no query string (“?…”). Remove it.', {
        suggestion: stripped(parsed),
      }),
    )
  }
  if (parsed.hash || trimmed.endsWith('#')) {
    return err(
      oidcError('issuer_has_fragment', 'An issuer has no fragment (“#…”). Remove it.', {
        suggestion: stripped(parsed),
      }),
    )
  }
  const endpoint = ENDPOINT_TAIL.exec(path)
  if (endpoint && /\/realms\/[^/]+\//.test(path)) {
    const suggestion = `${parsed.origin}${path.slice(0, endpoint.index)}`
    return err(
      oidcError(
        'issuer_is_endpoint_url',
        'This looks like one of the provider’s endpoints, not its issuer. For Keycloak the issuer ends at the realm name.',
        { suggestion, hint: `Try ${suggestion}.` },
      ),
    )
  }

  const warnings: IssuerWarning[] = []
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    warnings.push({
      code: 'insecure_http',
      message: `Plain http to ${parsed.hostname}: OpenID Connect requires https outside this machine, so codes and tokens would travel unencrypted and many providers refuse it.`,
    })
  }
  if (trimmed.endsWith('/') && path !== '/') {
    warnings.push({
      code: 'trailing_slash',
      message:
        'The issuer ends with “/”. That is right only if the provider’s own issuer does too (Auth0 does, Keycloak does not): issuers are compared character for character.',
    })
  }
  if (/\/auth\/realms\//.test(path)) {
    warnings.push({
      code: 'keycloak_legacy_path',
      message:
        'The /auth prefix is Keycloak ≤ 16 style. Keycloak 17+ serves /realms/… unless started with --http-relative-path=/auth.',
    })
  }
  return ok({ issuer: trimmed, warnings })
}

function withScheme(hostFirst: string): string {
  const hostname = hostFirst.split(/[/:]/)[0] ?? ''
  return `${isLoopbackHost(hostname) ? 'http' : 'https'}://${hostFirst}`
}

/** Rebuilds `url` without credentials and, unless kept, without query and fragment. */
function stripped(url: URL, keep: { search?: boolean; hash?: boolean } = {}): string {
  const path = url.pathname === '/' ? '' : url.pathname
  return `${url.origin}${path}${keep.search ? url.search : ''}${keep.hash ? url.hash : ''}`
}

/** How two issuers differ, and a sentence saying so. */
export interface IssuerDifference {
  detail: OidcErrorDetail
  message: string
}

/**
 * Explains how two issuer strings differ, most specific first: trailing slash only, whitespace,
 * letter case, scheme (http vs https), host (e.g. `localhost` vs `127.0.0.1`), port, or path. Returns
 * `undefined` when they are identical. It does not decide which one is right.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 */
export function describeIssuerDifference(
  expected: string,
  actual: string,
): IssuerDifference | undefined {
  if (expected === actual) return undefined
  const quote = (s: string) => `“${s}”`
  if (expected.replace(/\/+$/, '') === actual.replace(/\/+$/, '')) {
    const slashed = actual.endsWith('/')
      ? 'the provider’s issuer ends with “/”'
      : 'yours ends with “/” and the provider’s does not'
    return { detail: 'trailing_slash', message: `Only a trailing slash differs: ${slashed}.` }
  }
  if (expected.trim() === actual.trim()) {
    return { detail: 'whitespace', message: 'Only surrounding whitespace differs.' }
  }
  if (expected.toLowerCase() === actual.toLowerCase()) {
    return {
      detail: 'case',
      message: `Only letter case differs (${quote(expected)} vs ${quote(actual)}); realm names and paths are case-sensitive.`,
    }
  }
  const a = parseAbsoluteUrl(expected)
  const b = parseAbsoluteUrl(actual)
  if (!a || !b) return { detail: 'different', message: `${quote(expected)} vs ${quote(actual)}.` }
  const samePath = a.pathname.replace(/\/+$/, '') === b.pathname.replace(/\/+$/, '')
  if (a.protocol !== b.protocol && a.host === b.host && samePath) {
    return {
      detail: 'scheme',
      message: `Only the scheme differs: you used ${a.protocol.slice(0, -1)}, the provider says ${b.protocol.slice(0, -1)}. Behind a TLS-terminating proxy, the provider must be told its public scheme (Keycloak: --proxy-headers xforwarded or --hostname).`,
    }
  }
  if (a.hostname !== b.hostname && a.port === b.port && a.protocol === b.protocol && samePath) {
    const loopback = isLoopbackHost(a.hostname) && isLoopbackHost(b.hostname)
    return {
      detail: 'host',
      message: `Only the host differs: you used ${a.hostname}, the provider says ${b.hostname}.${loopback ? ' Both point at this machine, but they are different strings; Keycloak derives the issuer from the host name it was called with (or --hostname).' : ' The provider may be configured with a fixed public host name.'}`,
    }
  }
  if (a.port !== b.port && a.hostname === b.hostname && a.protocol === b.protocol && samePath) {
    return {
      detail: 'port',
      message: `Only the port differs: you used ${a.port || 'the default port'}, the provider says ${b.port || 'the default port'}. A proxy or container port mapping is the usual cause.`,
    }
  }
  if (a.origin === b.origin) {
    return {
      detail: 'path',
      message: `The path differs: you used ${a.pathname}, the provider says ${b.pathname}.`,
    }
  }
  return { detail: 'different', message: `${quote(expected)} vs ${quote(actual)}.` }
}
