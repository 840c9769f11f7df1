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
      return diagnosis('discovery_failed', {
        ...base,
        title: 'The discovery URL returned a page, not JSON',
        cause:
          'Something other than the provider answered: a login page of a proxy or SSO gateway, or a web app answering every path.',
        fix: 'Open the discovery URL in a new tab to see who answers, then correct the host, port or path.',
      })
    case 'discovery_invalid':
      return diagnosis('discovery_failed', {
        ...base,
        title: 'The discovery document is incomplete',
        cause: 'The provider publishes metadata the authorization code flow cannot use.',
        fix: 'Fix the provider’s metadata; the lab needs issuer, authorization_endpoint and token_endpoint as absolute URLs.',
      })
    case 'issuer_mismatch':
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
