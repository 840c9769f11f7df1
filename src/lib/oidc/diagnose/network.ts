import { parseAbsoluteUrl } from '../url'
import { diagnosis, tick, type Diagnosis } from './shared'

/** What the lab knows when a request got no readable answer. */
export interface NetworkContext {
  /** The app's origin, e.g. `http://localhost:5173`. */
  origin?: string
  /** The URL that was requested. */
  url?: string
  /**
   * Keycloak: the access token's `allowed-origins` claim, which Keycloak answers userinfo CORS from.
   * With `origin`, a userinfo failure whose origin is not listed is named as a CORS refusal.
   */
  accessTokenAllowedOrigins?: readonly string[]
}

/**
 * Explains a request that got no readable HTTP answer (`TypeError: Failed to fetch`, a timeout):
 * CORS refusal and unreachable server look the same to the page, so both are named, with mixed
 * content and timeouts recognised as facts. `step` tunes the advice (discovery documents are
 * usually CORS-open; token and userinfo need the app origin in Keycloak's Web origins). It does not
 * probe the network.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS
 */
export function diagnoseNetworkError(
  step: 'discovery' | 'jwks' | 'token' | 'userinfo',
  networkError: string,
  context: NetworkContext = {},
): Diagnosis {
  const known = [`The browser reported “${networkError}” and no HTTP status was readable.`]
  const guessed: string[] = []
  const origin = context.origin
  const target = context.url ? parseAbsoluteUrl(context.url) : undefined
  const page = origin ? parseAbsoluteUrl(origin) : undefined
  const timeout = /timeout|timed out|aborted/i.test(networkError)
  const what = context.url ? tick(context.url) : `the ${step} endpoint`

  if (page?.protocol === 'https:' && target?.protocol === 'http:') {
    known.push(
      `This page is served over https and ${what} is plain http: browsers block such “mixed content” requests before sending them.`,
    )
    return diagnosis('cors_or_network', {
      known,
      cause: 'Mixed content: an https page may not call an http URL.',
      fix: 'Serve the provider over https, or open the lab over http on localhost.',
    })
  }
  if (timeout) {
    known.push('The request was cut off by the time limit before any answer arrived.')
    guessed.push(
      'Most likely the server is unreachable from this browser (firewall, VPN, wrong host or port) or very slow; a CORS refusal would have failed immediately.',
    )
    return diagnosis('cors_or_network', {
      known,
      guessed,
      title: 'No answer in time',
      cause: 'The server did not answer within the time limit.',
      fix: `Open ${what} in a new tab to see whether it answers at all, then check host, port and network.`,
    })
  }

  const keycloakOrigins =
    origin && context.accessTokenAllowedOrigins && step === 'userinfo'
      ? context.accessTokenAllowedOrigins
      : undefined
  if (
    keycloakOrigins &&
    !keycloakOrigins.includes(origin ?? '') &&
    !keycloakOrigins.includes('*')
  ) {
    known.push(
      `The access token’s allowed-origins claim is ${keycloakOrigins.length ? tick(keycloakOrigins.join(' ')) : 'empty'} and does not include ${tick(origin ?? '')}; Keycloak answers userinfo CORS from that claim.`,
    )
    return diagnosis('cors_or_network', {
      known,
      guessed: [
        'This is almost certainly a CORS refusal: the token itself says which origins Keycloak will allow.',
      ],
      cause: `The client’s Web origins do not include ${tick(origin ?? '')}.`,
      fix: `In Keycloak, open Clients → your client → Settings → Web origins and add ${tick(origin ?? '')} (or ${tick('+')} to allow the origins of the valid redirect URIs), then run the flow again for a new token.`,
    })
  }

  if (step === 'discovery' || step === 'jwks') {
    guessed.push(
      'Discovery documents and JWKS are usually served to any origin (Keycloak does), so an unreachable server is more likely: wrong host or port, the server not running, or a TLS certificate the browser does not trust.',
      'If a proxy sits in front of the provider, it may strip the CORS headers.',
    )
    return diagnosis('cors_or_network', {
      known,
      guessed,
      fix: `Open ${what} in a new tab: if it does not load (or shows a certificate warning), fix the issuer URL, start the server, or trust the certificate; if it loads, the CORS headers are missing on this path.`,
    })
  }
  const originText = origin ? tick(origin) : 'this app’s origin'
  guessed.push(
    `Either the provider did not allow ${originText} (CORS), or ${what} could not be reached (server down, wrong host or port, untrusted TLS certificate).`,
  )
  if (step === 'token') {
    guessed.push(
      'Discovery worked from this page, so the provider is probably reachable and CORS on the token endpoint is the more likely cause.',
    )
  }
  return diagnosis('cors_or_network', {
    known,
    guessed,
    cause: `The ${step} endpoint did not allow ${originText}, or it was unreachable.`,
    fix: `In Keycloak, open Clients → your client → Settings → Web origins and add ${originText} (or ${tick('+')} to allow the origins of the valid redirect URIs). If ${what} does not load in a new tab either, fix the URL or start the server first.`,
  })
}
