import { SPEC, type SpecLink } from '../spec-links'
import type { ClientAuthMethod, GrantType } from '../types'
import { tick } from './shared'

/** What the lab knows about the token request beyond the exchange itself. */
export interface TokenErrorContext {
  clientAuthMethod: ClientAuthMethod
  /** The lab's setting: a public client sends no secret. */
  isPublicClient?: boolean
  /** Seconds between the callback arriving and the token request. */
  codeAgeSeconds?: number
  /** The lab already sent this code once. */
  codeAlreadyExchanged?: boolean
  /** Whether a code_verifier was sent. */
  usedPkce?: boolean
  /** The app's origin, for CORS advice. */
  origin?: string
  tokenEndpoint?: string
  /** The grant sent; defaults to the request's `grant_type`, else `authorization_code`. */
  grantType?: GrantType
  /** Discovery's `token_endpoint_auth_methods_supported`, when the provider lists it. */
  authMethodsSupported?: readonly string[]
}

/**
 * Keycloak's default "Client login timeout" (code lifetime), also oidc-provider's code TTL.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export const TYPICAL_CODE_LIFETIME_SECONDS = 60

/** The sentences and links a token diagnosis needs that depend on the grant. */
export interface GrantFacts {
  /** "The lab sent grant_type=`…`." */
  sent: string
  /** What `unauthorized_client` means for this grant. */
  unauthorizedCause: string
  /** The capability to enable at the provider for this grant. */
  enableFix: string
  /** What `invalid_scope` means for this grant. */
  invalidScopeCause: string
  /** What asked for the scopes the token carries ("The authorization request"…). */
  scopeRequest: string
  /** How to get an access token that carries `openid` with this grant. */
  openidFix: string
  specLinks: SpecLink[]
}

const RERUN_WITH_OPENID = `Tick ${tick('openid')} and run the flow again; only a new access token carries it (a refresh cannot add scopes).`

const STANDARD_FLOW_FIX =
  'Enable the standard flow for the client (Keycloak: Clients → your client → Capability config → Standard flow).'

/**
 * Grant-specific wording for the token diagnoses: which capability the provider must enable for
 * the grant (Keycloak's Capability config switches) and where its scope was requested. It only
 * words; it does not check what the provider supports.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function grantFacts(grant: GrantType): GrantFacts {
  const sent = `The lab sent grant_type=${tick(grant)}.`
  switch (grant) {
    case 'authorization_code':
      return {
        sent,
        unauthorizedCause: 'The client may not use the authorization code grant.',
        enableFix: STANDARD_FLOW_FIX,
        invalidScopeCause: 'The token request carried a scope the client may not use.',
        scopeRequest: 'The authorization request',
        openidFix: RERUN_WITH_OPENID,
        specLinks: [SPEC.oauthTokenRequest],
      }
    case 'refresh_token':
      return {
        sent,
        unauthorizedCause: 'The client may not use refresh tokens.',
        enableFix:
          'Allow refresh tokens for the client (Keycloak: Advanced → “Use refresh tokens”).',
        invalidScopeCause:
          'A refresh may only ask for the same or fewer scopes than originally granted.',
        scopeRequest: 'The original authorization request',
        openidFix: RERUN_WITH_OPENID,
        specLinks: [SPEC.oauthRefresh],
      }
    case 'client_credentials':
      return {
        sent,
        unauthorizedCause:
          'The client may not use the client credentials grant: it has no service account at the provider.',
        enableFix:
          'Enable Service accounts for the client (Keycloak: Clients → your client → Capability config → Service accounts roles; the client must be confidential).',
        invalidScopeCause:
          'The token request asked for a scope this client may not get (Keycloak: only its default and optional client scopes).',
        scopeRequest: 'The token request',
        openidFix: `Add ${tick('openid')} to the token request’s ${tick('scope')} and request a new token; only a new access token carries it.`,
        specLinks: [SPEC.oauthClientCredentials, SPEC.keycloakOidcClients],
      }
    case 'urn:ietf:params:oauth:grant-type:device_code':
      return {
        sent,
        unauthorizedCause: 'The client may not use the device authorization grant.',
        enableFix:
          'Enable OAuth 2.0 Device Authorization Grant for the client (Keycloak: Clients → your client → Capability config → OAuth 2.0 Device Authorization Grant).',
        invalidScopeCause:
          'The device authorization request asked for a scope the client may not use.',
        scopeRequest: 'The device authorization request',
        openidFix: `Add ${tick('openid')} to the device authorization request’s ${tick('scope')} and start the device flow again; only a new access token carries it.`,
        specLinks: [SPEC.deviceTokenRequest, SPEC.keycloakOidcClients],
      }
  }
}
