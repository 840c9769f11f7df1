import {
  bodyShapeDetail,
  describeNonJsonBody,
  isJsonObject,
  isSuccessStatus,
  oidcError,
  providerErrorFromJson,
  readBody,
} from './errors'
import type { HttpRequestSpec, HttpResponseRecord } from '@/lib/wire/http-types'
import { describeIssuerDifference, discoveryUrlFor } from './issuer'
import { err, ok, type Result } from '@/lib/result'
import type { DiscoveryDocument, JsonWebKeySet, Jwk, OidcError } from './types'
import { parseAbsoluteUrl } from './url'

/**
 * The GET request for an issuer's discovery document (shown before sending). It does not validate
 * the issuer; see `validateIssuerInput`.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationRequest
 */
export function buildDiscoveryRequest(issuer: string): HttpRequestSpec {
  return { method: 'GET', url: discoveryUrlFor(issuer), headers: { Accept: 'application/json' } }
}

/**
 * The GET request for the provider's JSON Web Key Set. It does not check that `jwksUri` came from a
 * validated discovery document.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export function buildJwksRequest(jwksUri: string): HttpRequestSpec {
  return {
    method: 'GET',
    url: jwksUri,
    headers: { Accept: 'application/jwk-set+json, application/json' },
  }
}

const REQUIRED_ENDPOINTS = ['authorization_endpoint', 'token_endpoint'] as const
const OPTIONAL_URLS = [
  'userinfo_endpoint',
  'jwks_uri',
  'end_session_endpoint',
  'revocation_endpoint',
  'introspection_endpoint',
] as const

/**
 * The alternative Keycloak issuer when a 404 suggests the `/auth` prefix is wrong either way.
 * @see https://www.keycloak.org/migration/migrating-to-quarkus
 */
export function keycloakPathAlternative(
  issuer: string,
): { issuer: string; kind: 'add_auth' | 'remove_auth' } | undefined {
  const url = parseAbsoluteUrl(issuer.trim())
  if (!url) return undefined
  const path = url.pathname.replace(/\/+$/, '')
  if (/\/auth\/realms\/[^/]+$/.test(path)) {
    return {
      issuer: `${url.origin}${path.replace(/\/auth(\/realms\/[^/]+)$/, '$1')}`,
      kind: 'remove_auth',
    }
  }
  if (/\/realms\/[^/]+$/.test(path)) {
    return {
      issuer: `${url.origin}${path.replace(/(\/realms\/[^/]+)$/, '/auth$1')}`,
      kind: 'add_auth',
    }
  }
  return undefined
}

/**
 * Reads a discovery response: 404 → `discovery_not_found` (with a Keycloak `/auth` path hint and
 * `suggestion` when the URL looks like a realm), other non-2xx → `discovery_http_error`, HTML or
 * other non-JSON → `discovery_not_json` (showing the first bytes), missing or non-URL required
 * endpoints → `discovery_invalid`, and an `issuer` different from the one used →
 * `issuer_mismatch` (saying whether only a trailing slash, the scheme, the host or the port differs).
 * It does not fetch anything, check optional metadata beyond URL syntax (see
 * {@link discoveryWarnings}) or verify any signature.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 */
export function processDiscoveryResponse(
  expectedIssuer: string,
  response: HttpResponseRecord,
): Result<DiscoveryDocument, OidcError> {
  const url = response.url ?? discoveryUrlFor(expectedIssuer)
  const shape = readBody(response.body)
  const provider = shape.kind === 'json' ? providerErrorFromJson(shape.value) : undefined
  const said = provider
    ? ` The server said: “${provider.error}${provider.error_description ? `: ${provider.error_description}` : ''}”.`
    : ''

  if (response.status === 404) {
    const alternative = keycloakPathAlternative(expectedIssuer)
    const hint =
      alternative?.kind === 'add_auth'
        ? `If this is Keycloak 16 or older (or one started with --http-relative-path=/auth), realms live under /auth: try ${alternative.issuer}.`
        : alternative?.kind === 'remove_auth'
          ? `Keycloak 17 and later serve realms without the /auth prefix: try ${alternative.issuer}.`
          : undefined
    return err(
      oidcError(
        'discovery_not_found',
        `No discovery document at ${url} (404). The realm name or the path is wrong; realm names are case-sensitive.${said}`,
        {
          status: 404,
          body: response.body,
          ...(provider ? { provider } : {}),
          ...(hint ? { hint } : {}),
          ...(alternative ? { suggestion: alternative.issuer } : {}),
        },
      ),
    )
  }
  if (!isSuccessStatus(response.status)) {
    return err(
      oidcError(
        'discovery_http_error',
        `The discovery request to ${url} failed with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.${said}`,
        {
          status: response.status,
          body: response.body,
          detail: 'unexpected_status',
          ...(provider ? { provider } : {}),
        },
      ),
    )
  }
  if (shape.kind !== 'json') {
    const what = describeNonJsonBody(response, shape)
    const html = shape.kind === 'html'
    return err(
      oidcError('discovery_not_json', `Expected the JSON discovery document but got ${what}.`, {
        status: response.status,
        body: response.body,
        detail: bodyShapeDetail(shape) ?? 'not_json',
        hint: html
          ? 'An HTML page here is usually a login page of a proxy or SSO gateway in front of the provider, or a single-page app answering every path with its index.html (check the host and port).'
          : shape.kind === 'text' && shape.brokenJson?.truncated
            ? 'The document was cut off on the way: a proxy or gateway with a small response size limit or a dropped connection. Reload; if it stays cut off, fetch the URL directly (curl) to compare.'
            : shape.kind === 'text' && shape.brokenJson
              ? 'The provider (or something rewriting its answers) sends invalid JSON: check its configuration or any proxy that edits responses.'
              : 'Check that the URL points at the provider and not at another service on the same host.',
      }),
    )
  }
  if (!isJsonObject(shape.value)) {
    return err(
      oidcError(
        'discovery_invalid',
        shape.value === null
          ? 'The discovery URL answered with the JSON literal null, not a document: the provider (or a proxy) has no metadata to give for this issuer.'
          : 'The discovery document must be a JSON object.',
        {
          status: response.status,
          body: response.body,
          detail: shape.value === null ? 'null_body' : 'not_an_object',
        },
      ),
    )
  }

  const doc = shape.value
  const missing = ['issuer', ...REQUIRED_ENDPOINTS].filter(
    (name) => typeof doc[name] !== 'string' || !doc[name],
  )
  if (missing.length > 0) {
    return err(
      oidcError(
        'discovery_invalid',
        `The discovery document lacks ${missing.map((m) => `“${m}”`).join(', ')}; the authorization code flow cannot run without ${missing.length === 1 ? 'it' : 'them'}.`,
        { status: response.status, body: response.body, detail: 'missing_fields' },
      ),
    )
  }
  const badUrls = [...REQUIRED_ENDPOINTS, ...OPTIONAL_URLS].filter((name) => {
    const value = doc[name]
    if (value === undefined) return false
    const parsed = typeof value === 'string' ? parseAbsoluteUrl(value) : undefined
    return !parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
  })
  if (badUrls.length > 0) {
    return err(
      oidcError(
        'discovery_invalid',
        `${badUrls.map((m) => `“${m}”`).join(', ')} ${badUrls.length === 1 ? 'is' : 'are'} not an absolute http(s) URL.`,
        { status: response.status, body: response.body, detail: 'invalid_url' },
      ),
    )
  }

  const document = doc as DiscoveryDocument
  const difference = describeIssuerDifference(expectedIssuer, document.issuer)
  if (difference) {
    return err(
      oidcError(
        'issuer_mismatch',
        `The document says issuer “${document.issuer}” but the lab used “${expectedIssuer}”. ${difference.message}`,
        {
          status: response.status,
          body: response.body,
          detail: difference.detail,
          suggestion: document.issuer,
          hint: 'Tokens carry the provider’s issuer in “iss” and are checked against it character for character: use exactly the issuer the document states.',
        },
      ),
    )
  }
  return ok(document)
}

/** Something worth knowing about a valid discovery document before starting the flow. */
export interface DiscoveryWarning {
  code:
    | 'no_userinfo_endpoint'
    | 'no_jwks_uri'
    | 'code_not_supported'
    | 's256_not_advertised'
    | 'endpoint_other_origin'
    | 'endpoint_insecure'
    | 'openid_not_advertised'
  message: string
}

/**
 * Lists noteworthy gaps in a valid discovery document: no userinfo or JWKS endpoint, `code` or
 * `S256` not advertised, endpoints on another origin than the issuer (usually a Keycloak hostname
 * setting) or on plain http behind an https issuer. It does not contact any endpoint.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export function discoveryWarnings(doc: DiscoveryDocument): DiscoveryWarning[] {
  const warnings: DiscoveryWarning[] = []
  if (!doc.userinfo_endpoint) {
    warnings.push({
      code: 'no_userinfo_endpoint',
      message: 'No userinfo_endpoint: the userinfo step cannot run.',
    })
  }
  if (!doc.jwks_uri) {
    warnings.push({
      code: 'no_jwks_uri',
      message: 'No jwks_uri: ID token signatures cannot be verified.',
    })
  }
  if (doc.response_types_supported && !doc.response_types_supported.includes('code')) {
    warnings.push({
      code: 'code_not_supported',
      message:
        'response_types_supported does not list “code”: the authorization code flow may be refused.',
    })
  }
  if (
    doc.code_challenge_methods_supported &&
    !doc.code_challenge_methods_supported.includes('S256')
  ) {
    warnings.push({
      code: 's256_not_advertised',
      message:
        'code_challenge_methods_supported does not list S256: PKCE may be ignored or refused.',
    })
  } else if (!doc.code_challenge_methods_supported) {
    warnings.push({
      code: 's256_not_advertised',
      message:
        'The provider does not advertise code_challenge_methods_supported; it may still accept PKCE (S256).',
    })
  }
  if (doc.scopes_supported && !doc.scopes_supported.includes('openid')) {
    warnings.push({
      code: 'openid_not_advertised',
      message: 'scopes_supported does not list “openid”; OpenID Connect requires it.',
    })
  }
  const issuer = parseAbsoluteUrl(doc.issuer)
  const endpoints = [...REQUIRED_ENDPOINTS, ...OPTIONAL_URLS]
  for (const name of endpoints) {
    const value = doc[name]
    const url = typeof value === 'string' ? parseAbsoluteUrl(value) : undefined
    if (!url || !issuer) continue
    if (url.protocol === 'http:' && issuer.protocol === 'https:') {
      warnings.push({
        code: 'endpoint_insecure',
        message: `${name} uses plain http while the issuer uses https (a proxy not forwarding the scheme?).`,
      })
    } else if (url.origin !== issuer.origin) {
      warnings.push({
        code: 'endpoint_other_origin',
        message: `${name} is on ${url.origin}, not the issuer's ${issuer.origin}. That can be intended (a separate backchannel host), or a hostname misconfiguration; the browser must reach it and it must allow this app's origin (CORS).`,
      })
    }
  }
  return warnings
}

/**
 * Reads a JWKS response: non-2xx → `jwks_http_error`, non-JSON → `jwks_not_json`, no `keys` array →
 * `jwks_invalid`. Keys without a string `kty` are dropped. It does not validate key material or
 * check that any key fits a token.
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export function processJwksResponse(
  response: HttpResponseRecord,
): Result<JsonWebKeySet, OidcError> {
  if (!isSuccessStatus(response.status)) {
    return err(
      oidcError('jwks_http_error', `The JWKS request failed with HTTP ${response.status}.`, {
        status: response.status,
        body: response.body,
        detail: 'unexpected_status',
      }),
    )
  }
  const shape = readBody(response.body)
  if (shape.kind !== 'json') {
    return err(
      oidcError(
        'jwks_not_json',
        `Expected a JSON Web Key Set but got ${describeNonJsonBody(response, shape)}.`,
        {
          status: response.status,
          body: response.body,
          detail: bodyShapeDetail(shape) ?? 'not_json',
        },
      ),
    )
  }
  if (!isJsonObject(shape.value) || !Array.isArray(shape.value.keys)) {
    return err(
      oidcError('jwks_invalid', 'The JWKS has no “keys” array.', {
        status: response.status,
        body: response.body,
        detail: 'missing_keys',
      }),
    )
  }
  const keys = shape.value.keys.filter(
    (key): key is Jwk => isJsonObject(key) && typeof key.kty === 'string',
  )
  return ok({ keys })
}
