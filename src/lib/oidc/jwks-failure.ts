import type { JwksFailure } from '@/lib/jwt/verify-signature'
import type { OidcError } from './types'

export type { JwksFailure }

/** What the JWKS fetch left behind: its URL, the browser's network error, the processing error. */
export interface JwksFetchOutcome {
  url?: string
  /** Set when no HTTP answer was readable (down, CORS refused, timeout). */
  networkError?: string
  /** The processing error when the JWKS answered but was not usable. */
  error?: OidcError
}

/**
 * One specific sentence on why a JWKS is missing: no `jwks_uri`, unreachable or refused by CORS,
 * HTTP error (404 …), not JSON (HTML, truncated) or without a `keys` array. Undefined when there is
 * nothing to report (the fetch is pending or succeeded). It does not fetch anything.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export function describeJwksFailure(outcome: JwksFetchOutcome): JwksFailure | undefined {
  const { url, networkError, error } = outcome
  const at = url ? ` at ${url}` : ''
  if (!url) {
    return {
      code: 'no_jwks_uri',
      message:
        'not verified: the discovery document has no jwks_uri, so there are no keys to check the signature with. Likely cause: the provider does not publish its keys (or signs with HS* only). Fix: add jwks_uri to the provider’s metadata, or verify with the client secret for HS* tokens.',
    }
  }
  if (networkError && !error) {
    const timeout = /timeout|timed out|aborted/i.test(networkError)
    return {
      code: 'jwks_unreachable',
      message: timeout
        ? `not verified: the JWKS${at} did not answer in time (${networkError}). Likely cause: the key endpoint is down or unreachable from this browser. Fix: open ${url} in a new tab; check host, port and network.`
        : `not verified: the JWKS${at} could not be read (${networkError}). Likely cause: the key endpoint does not allow this page’s origin (CORS) or is unreachable. Fix: open ${url} in a new tab; if it answers there, allow this origin for the JWKS endpoint (Keycloak: the client’s Web origins).`,
    }
  }
  if (!error) return undefined
  switch (error.code) {
    case 'jwks_http_error':
      return {
        code: 'jwks_http_error',
        message: `not verified: the JWKS request${at} failed with HTTP ${error.status ?? '?'}. Likely cause: ${error.status === 404 ? 'jwks_uri in the discovery document points at a path that does not exist (a wrong realm or a proxy rewriting paths)' : (error.status ?? 0) >= 500 ? 'the provider failed while serving its keys' : 'the key endpoint refuses this request'}. Fix: open ${url} in a new tab and correct jwks_uri or the provider.`,
      }
    case 'jwks_not_json':
      return {
        code: 'jwks_not_json',
        message: `not verified: ${error.message} Likely cause: ${error.detail === 'html' ? 'a proxy, login page or web app answered instead of the provider' : error.detail === 'truncated_json' ? 'the answer was cut off on the way' : 'another service answered at jwks_uri'}. Fix: open ${url} in a new tab and correct jwks_uri or the proxy.`,
      }
    default:
      return {
        code: 'jwks_invalid',
        message: `not verified: the JWKS${at} is not a key set (${error.message}). Likely cause: jwks_uri points at another JSON document. Fix: point jwks_uri at the provider’s key set ({"keys": [...]}).`,
      }
  }
}
