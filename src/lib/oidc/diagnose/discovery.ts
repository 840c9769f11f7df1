import type { HttpExchange } from '@/lib/wire/http-types'
import { DIAGNOSIS_TEXT } from '../diagnosis-text'
import { keycloakPathAlternative } from '../discovery'
import { SPEC } from '../spec-links'
import type { OidcError } from '../types'
import { diagnoseNetworkError } from './network'
import {
  diagnosis,
  tick,
  type Diagnosis,
  type DiagnosisAction,
  type DiagnosisParts,
} from './shared'

/** What the lab knows about the discovery attempt besides the error. */
export interface DiscoveryErrorContext {
  origin?: string
}

/**
 * Maps a discovery (or issuer input) error to a diagnosis with code `discovery_failed` and the
 * error code as `detail`, or `cors_or_network` when there was no HTTP answer. Accepts the recorded
 * exchange too, so a network failure (no `OidcError`) is diagnosed. It does not retry or probe.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
export function diagnoseDiscoveryError(
  error: OidcError | undefined,
  exchange?: Pick<HttpExchange, 'networkError' | 'response'> & { request?: { url: string } },
  context: DiscoveryErrorContext = {},
): Diagnosis {
  const url = exchange?.request?.url
  if (exchange?.networkError && !exchange.response) {
    return diagnoseNetworkError('discovery', exchange.networkError, {
      ...context,
      ...(url ? { url } : {}),
    })
  }
  if (!error) {
    return diagnosis('discovery_failed', { known: url ? [`GET ${url}`] : [] })
  }
  const known = [error.message]
  if (url) known.unshift(`GET ${url}${error.status !== undefined ? ` → HTTP ${error.status}` : ''}`)
  const guessed = error.hint ? [error.hint] : []
  const base: DiagnosisParts = {
    known,
    guessed,
    detail: error.code,
    ...(error.provider ? { providerError: error.provider } : {}),
  }
  switch (error.code) {
    case 'discovery_not_found': {
      const alt = error.suggestion ? keycloakPathAlternative(error.suggestion) : undefined
      const action: DiagnosisAction | undefined = error.suggestion
        ? alt?.kind === 'remove_auth'
          ? { kind: 'use_legacy_path', issuer: error.suggestion }
          : { kind: 'remove_legacy_path', issuer: error.suggestion }
        : undefined
      return diagnosis('discovery_failed', {
        ...base,
        title: 'No discovery document at this issuer (404)',
        cause:
          'The realm name or the path is wrong (realm names are case-sensitive), or the Keycloak version uses a different path.',
        fix: error.suggestion
          ? `Check the realm name, or try ${tick(error.suggestion)}.`
          : 'Check the issuer URL and the realm name.',
        specLinks: error.suggestion ? [SPEC.keycloakMigration17] : [],
        ...(action ? { action } : {}),
      })
    }
    case 'discovery_not_json':
      if (error.detail === 'truncated_json' || error.detail === 'malformed_json') {
        const cut = error.detail === 'truncated_json'
        return diagnosis('discovery_failed', {
          ...base,
          title: cut
            ? 'The discovery document was cut off (truncated JSON)'
            : 'The discovery document is malformed JSON',
          cause: cut
            ? 'The answer ends before the JSON closes: a proxy or gateway size limit, or a dropped connection.'
            : 'The provider, or a proxy rewriting its answers, sends invalid JSON.',
          fix: cut
            ? 'Reload; if it stays cut off, fetch the discovery URL with curl to see the whole answer, and raise the proxy’s buffer or size limit.'
            : 'Open the discovery URL in a new tab and validate it; fix the provider’s metadata or the proxy.',
        })
      }
      if (error.detail === 'empty_body') {
        return diagnosis('discovery_failed', {
          ...base,
          title: 'The discovery URL answered with an empty body',
          cause:
            'Something answered 2xx without content: a health-check endpoint, a proxy, or a provider that is still starting.',
          fix: 'Open the discovery URL in a new tab; check the host, port and path.',
        })
      }
      if (error.detail === 'not_json') {
        return diagnosis('discovery_failed', {
          ...base,
          title: 'The discovery URL returned plain text, not JSON',
          cause: 'Another service answered on this host and port, or a proxy replaced the answer.',
          fix: 'Open the discovery URL in a new tab to see who answers, then correct the host, port or path.',
        })
      }
      return diagnosis('discovery_failed', {
        ...base,
        title: 'The discovery URL returned a page, not JSON',
        cause:
          'Something other than the provider answered: a login page of a proxy or SSO gateway, or a web app answering every path.',
        fix: 'Open the discovery URL in a new tab to see who answers, then correct the host, port or path.',
      })
    case 'discovery_invalid':
      if (error.detail === 'null_body') {
        return diagnosis('discovery_failed', {
          ...base,
          title: 'The discovery URL answered null',
          cause:
            'The body is the JSON literal null: valid JSON, but no document. Some gateways and mock servers answer null for an unknown path.',
          fix: 'Check the issuer (realm name, path); open the discovery URL in a new tab.',
        })
      }
      return diagnosis('discovery_failed', {
        ...base,
        title: 'The discovery document is incomplete',
        cause: 'The provider publishes metadata the authorization code flow cannot use.',
        fix: 'Fix the provider’s metadata; the lab needs issuer, authorization_endpoint and token_endpoint as absolute URLs.',
      })
    case 'issuer_mismatch': {
      const otherHost = hostChange(url, error.suggestion)
      if (otherHost && error.suggestion) {
        return diagnosis('discovery_failed', {
          ...base,
          known: [
            ...known,
            `The issuer was typed on host ${tick(otherHost.typed)}; the document names host ${tick(otherHost.stated)}.`,
          ],
          title: 'The provider states an issuer on another host',
          cause: `The document served by ${otherHost.typed} names an issuer on ${otherHost.stated}. That can be a provider configured with a public host name (Keycloak --hostname) or a proxy, but also a server you do not control claiming someone else’s identity: tokens accepted for that issuer would be trusted as if ${otherHost.stated} issued them.`,
          fix: `Only if you know that ${tick(otherHost.stated)} is the same provider, type ${tick(error.suggestion)} as the issuer yourself (the lab then fetches discovery from that host); otherwise fix the provider’s host name setting.`,
          specLinks: [SPEC.keycloakHostname],
          action: { kind: 'use_issuer', issuer: error.suggestion, otherHost },
        })
      }
      return diagnosis('discovery_failed', {
        ...base,
        title: 'The provider reports a different issuer',
        cause:
          'The issuer the lab used is not character-for-character the one the provider states; tokens would fail the iss check.',
        fix: error.suggestion
          ? `Use ${tick(error.suggestion)} as the issuer.`
          : DIAGNOSIS_TEXT.discovery_failed.fix,
        specLinks: [SPEC.keycloakHostname],
        ...(error.suggestion ? { action: { kind: 'use_issuer', issuer: error.suggestion } } : {}),
      })
    }
    case 'discovery_http_error': {
      const status = error.status ?? 0
      const cause =
        status === 401 || status === 403
          ? 'Something in front of the provider requires authentication for this URL (a proxy or gateway), or the path is wrong.'
          : status >= 500
            ? 'The provider (or a gateway in front of it) failed.'
            : 'The URL does not point at a discovery document.'
      return diagnosis('discovery_failed', {
        ...base,
        title: `Discovery failed with HTTP ${status}`,
        cause,
      })
    }
    default:
      return diagnosis('discovery_failed', {
        ...base,
        title: 'The issuer is not usable',
        cause: error.message,
        fix: error.suggestion
          ? `Use ${tick(error.suggestion)}.`
          : DIAGNOSIS_TEXT.discovery_failed.fix,
        ...(error.suggestion ? { action: { kind: 'use_issuer', issuer: error.suggestion } } : {}),
      })
  }
}

/** The hosts (host:port) of the URL used and the issuer stated, when they differ. */
function hostChange(
  usedUrl: string | undefined,
  stated: string | undefined,
): { typed: string; stated: string } | undefined {
  if (!usedUrl || !stated) return undefined
  try {
    const a = new URL(usedUrl).host
    const b = new URL(stated).host
    return a.toLowerCase() === b.toLowerCase() ? undefined : { typed: a, stated: b }
  } catch {
    return undefined
  }
}
