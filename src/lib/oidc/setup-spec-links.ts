/**
 * The spec links the first page cites (client, scopes and authorization request steps), apart from
 * the rest in spec-links.ts, which loads with the run steps. `SPEC` holds both.
 */
/** A labelled link to the spec section (or vendor page) that backs an explanation. */
export interface SpecLink {
  label: string
  href: string
}

export const RFC = (n: number, section: string): string =>
  `https://www.rfc-editor.org/rfc/rfc${n}#${section.startsWith('appendix') ? section : `section-${section}`}`
export const CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'
export const DISCOVERY = 'https://openid.net/specs/openid-connect-discovery-1_0.html'

export const SETUP_SPEC = {
  oauthAuthorizationRequest: { label: 'RFC 6749 §4.1.1', href: RFC(6749, '4.1.1') },
  oauthClientPassword: { label: 'RFC 6749 §2.3.1', href: RFC(6749, '2.3.1') },
  oauthClientTypes: { label: 'RFC 6749 §2.1', href: RFC(6749, '2.1') },
  oauthEndpointQuery: { label: 'RFC 6749 §3.1', href: RFC(6749, '3.1') },
  oauthRedirectUri: { label: 'RFC 6749 §3.1.2', href: RFC(6749, '3.1.2') },
  oauthScope: { label: 'RFC 6749 §3.3', href: RFC(6749, '3.3') },
  oauthCsrf: { label: 'RFC 6749 §10.12', href: RFC(6749, '10.12') },
  pkceChallenge: { label: 'RFC 7636 §4.2', href: RFC(7636, '4.2') },
  pkceAuthorization: { label: 'RFC 7636 §4.3', href: RFC(7636, '4.3') },
  coreAuthRequest: { label: 'OIDC Core §3.1.2.1', href: `${CORE}#AuthRequest` },
  coreNonce: { label: 'OIDC Core §15.5.2', href: `${CORE}#NonceNotes` },
  coreClaimsParameter: { label: 'OIDC Core §5.5', href: `${CORE}#ClaimsParameter` },
} as const satisfies Record<string, SpecLink>
