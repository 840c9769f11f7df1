import type { ClaimEntry, ClaimInfo } from './claim-types'
import { HEADER_PARAMETERS } from './header-parameters'

const RFC7519 = 'https://www.rfc-editor.org/rfc/rfc7519'
const RFC7515 = 'https://www.rfc-editor.org/rfc/rfc7515'
const RFC8693 = 'https://www.rfc-editor.org/rfc/rfc8693'
const RFC9068 = 'https://www.rfc-editor.org/rfc/rfc9068'
const OIDC = 'https://openid.net/specs/openid-connect-core-1_0.html'
const KEYCLOAK = 'https://www.keycloak.org/docs/latest/server_admin/index.html'

const STANDARD_CLAIMS = `${OIDC}#StandardClaims`

/**
 * JWT claims the lab explains: registered (RFC 7519), OIDC Core ID token and standard claims,
 * RFC 9068 / RFC 8693 access token claims, and Keycloak's own claims. Keyed by claim name.
 *
 * @see https://www.iana.org/assignments/jwt/jwt.xhtml
 */
export const CLAIMS: Readonly<Record<string, ClaimEntry>> = {
  iss: {
    description:
      'The issuer: the URL of the provider that created the token; it must equal the discovery document’s issuer exactly.',
    source: 'RFC 7519',
    specLink: `${RFC7519}#section-4.1.1`,
    kind: 'url',
  },
  sub: {
    description:
      'The subject: a stable identifier of the user, unique within this issuer; identify users by iss + sub, never by email.',
    source: 'RFC 7519',
    specLink: `${RFC7519}#section-4.1.2`,
    kind: 'string',
  },
  aud: {
    description:
      'The audience: who the token is meant for; in an ID token it contains the client_id, in an access token the API.',
    source: 'RFC 7519',
    specLink: `${RFC7519}#section-4.1.3`,
    kind: 'string_or_array',
  },
  exp: {
    description: 'The expiry time: the token must not be accepted at or after this moment.',
    source: 'RFC 7519',
    specLink: `${RFC7519}#section-4.1.4`,
    kind: 'time',
  },
  nbf: {
    description: 'Not before: the token must not be accepted before this moment.',
    source: 'RFC 7519',
    specLink: `${RFC7519}#section-4.1.5`,
    kind: 'time',
  },
  iat: {
    description: 'Issued at: when the provider created the token.',
    source: 'RFC 7519',
    specLink: `${RFC7519}#section-4.1.6`,
    kind: 'time',
  },
  jti: {
    description:
      'The JWT ID: a unique identifier of this token, different in every run, used to detect replays.',
    source: 'RFC 7519',
    specLink: `${RFC7519}#section-4.1.7`,
    kind: 'string',
  },
  auth_time: {
    description:
      'When the user actually authenticated (typed a password…), which can be long before the token was issued.',
    source: 'OIDC Core',
    specLink: `${OIDC}#IDToken`,
    kind: 'time',
  },
  nonce: {
    description:
      'The random value the client sent in the authorization request, echoed back so the client can tie this ID token to its own request.',
    source: 'OIDC Core',
    specLink: `${OIDC}#IDToken`,
    kind: 'string',
  },
  acr: {
    description:
      'Authentication context class reference: how strong the login was (Keycloak uses "1" for a password login, "0" for a remembered session).',
    source: 'OIDC Core',
    specLink: `${OIDC}#IDToken`,
    scope: 'acr',
    kind: 'string',
  },
  amr: {
    description:
      'Authentication methods references: the methods used to log in, such as "pwd" or "otp".',
    source: 'OIDC Core',
    specLink: `${OIDC}#IDToken`,
    kind: 'string_array',
  },
  azp: {
    description:
      'Authorized party: the client_id the token was issued to; Keycloak puts it in every token.',
    source: 'OIDC Core',
    specLink: `${OIDC}#IDToken`,
    kind: 'string',
  },
  at_hash: {
    description:
      'Access token hash: the left half of the hash of the access token, binding the access token to this ID token.',
    source: 'OIDC Core',
    specLink: `${OIDC}#CodeIDToken`,
    kind: 'hash',
  },
  c_hash: {
    description:
      'Code hash: the left half of the hash of the authorization code, used in the hybrid flow.',
    source: 'OIDC Core',
    specLink: `${OIDC}#HybridIDToken`,
    kind: 'hash',
  },
  sid: {
    description:
      'Session ID: identifies the user’s login session at the provider, used for front- and back-channel logout.',
    source: 'OIDC Front-Channel Logout',
    specLink: 'https://openid.net/specs/openid-connect-frontchannel-1_0.html#ClaimsContents',
    kind: 'string',
  },
  events: {
    description:
      'Marks a logout token: the provider tells the client that a session ended (back-channel logout).',
    source: 'OIDC Back-Channel Logout',
    specLink: 'https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken',
    kind: 'object',
  },
  name: {
    description: 'The user’s full name, for display.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'string',
  },
  given_name: {
    description: 'The user’s given (first) name.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'string',
  },
  family_name: {
    description: 'The user’s family name (surname).',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'string',
  },
  middle_name: {
    description: 'The user’s middle name.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'string',
  },
  nickname: {
    description: 'A casual name the user goes by.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'string',
  },
  preferred_username: {
    description:
      'The username the user prefers (Keycloak’s login name); it can change and is not unique, so never use it as a key.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'string',
  },
  profile: {
    description: 'The URL of the user’s profile page.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'url',
  },
  picture: {
    description: 'The URL of the user’s profile picture.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'url',
  },
  website: {
    description: 'The URL of the user’s web page or blog.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'url',
  },
  gender: {
    description: 'The user’s gender, as the user stated it.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'string',
  },
  birthdate: {
    description: 'The user’s birthday as YYYY-MM-DD (or just YYYY).',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'string',
  },
  zoneinfo: {
    description: 'The user’s time zone, such as "Europe/Paris".',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'string',
  },
  locale: {
    description: 'The user’s language and region, such as "fr-CA".',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'string',
  },
  updated_at: {
    description: 'When the user’s profile information was last changed.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'profile',
    kind: 'time',
  },
  email: {
    description:
      'The user’s email address; it is not unique and can change, so never use it to identify the user.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'email',
    kind: 'email',
  },
  email_verified: {
    description: 'Whether the provider verified that the user controls this email address.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'email',
    kind: 'boolean',
  },
  phone_number: {
    description: 'The user’s phone number, preferably in E.164 format such as "+1 (425) 555-1212".',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'phone',
    kind: 'string',
  },
  phone_number_verified: {
    description: 'Whether the provider verified that the user controls this phone number.',
    source: 'OIDC Core',
    specLink: STANDARD_CLAIMS,
    scope: 'phone',
    kind: 'boolean',
  },
  address: {
    description:
      'The user’s postal address, as an object (formatted, street_address, locality, region, postal_code, country).',
    source: 'OIDC Core',
    specLink: `${OIDC}#AddressClaim`,
    scope: 'address',
    kind: 'object',
  },
  scope: {
    description:
      'The scopes this access token grants, space-separated; Keycloak also lists openid here.',
    source: 'RFC 9068',
    specLink: `${RFC9068}#section-2.2.3`,
    kind: 'string',
  },
  client_id: {
    description: 'The client the access token was issued to.',
    source: 'RFC 9068',
    specLink: `${RFC9068}#section-2.2`,
    kind: 'string',
  },
  roles: {
    description: 'Roles of the user for the resource server, in an RFC 9068 access token.',
    source: 'RFC 9068',
    specLink: `${RFC9068}#section-2.2.3.1`,
    kind: 'string_array',
  },
  groups: {
    description: 'Groups the user belongs to, in an RFC 9068 access token.',
    source: 'RFC 9068',
    specLink: `${RFC9068}#section-2.2.3.1`,
    kind: 'string_array',
  },
  entitlements: {
    description: 'Individual entitlements of the user, in an RFC 9068 access token.',
    source: 'RFC 9068',
    specLink: `${RFC9068}#section-2.2.3.1`,
    kind: 'string_array',
  },
  act: {
    description: 'Actor: who acts on behalf of the subject after a token exchange (delegation).',
    source: 'RFC 8693',
    specLink: `${RFC8693}#section-4.1`,
    kind: 'object',
  },
  may_act: {
    description: 'Who is allowed to act on behalf of the subject in a token exchange.',
    source: 'RFC 8693',
    specLink: `${RFC8693}#section-4.4`,
    kind: 'object',
  },
  cnf: {
    description:
      'Confirmation: the key the token is bound to (DPoP or mTLS), so a stolen token is useless without that key.',
    source: 'RFC 7800',
    specLink: 'https://www.rfc-editor.org/rfc/rfc7800#section-3.1',
    kind: 'object',
  },
  typ: {
    description:
      'Keycloak’s token type inside the payload: "ID" for an ID token, "Bearer" for an access token, "Refresh" for a refresh token.',
    source: 'Keycloak',
    specLink: `${KEYCLOAK}#_oidc`,
    kind: 'string',
  },
  session_state: {
    description:
      'Keycloak’s identifier of the user’s login session (older name for sid, used by session management).',
    source: 'Keycloak',
    specLink: 'https://openid.net/specs/openid-connect-session-1_0.html#CreatingUpdatingSessions',
    kind: 'string',
  },
  realm_access: {
    description:
      'Keycloak realm roles of the user, as { roles: [...] }; only present when the roles scope applies.',
    source: 'Keycloak',
    specLink: `${KEYCLOAK}#_client_scopes`,
    scope: 'roles',
    kind: 'object',
  },
  resource_access: {
    description:
      'Keycloak client roles of the user, per client: { "<client_id>": { roles: [...] } }.',
    source: 'Keycloak',
    specLink: `${KEYCLOAK}#_client_scopes`,
    scope: 'roles',
    kind: 'object',
  },
  'allowed-origins': {
    description:
      'Keycloak: the browser origins (client Web Origins) allowed to call APIs with this token via CORS.',
    source: 'Keycloak',
    specLink: `${KEYCLOAK}#_client_scopes`,
    scope: 'web-origins',
    kind: 'string_array',
  },
}

/**
 * Explains a claim (or, with `where: 'header'`, a header parameter), falling back to a generic
 * description for a custom claim. This only describes the name; it does not look at the value.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4
 */
export function describeClaim(name: string, where: 'payload' | 'header' = 'payload'): ClaimInfo {
  const table = where === 'header' ? HEADER_PARAMETERS : CLAIMS
  const entry = Object.hasOwn(table, name) ? table[name] : undefined
  if (entry) return { name, known: true, ...entry }
  if (where === 'header') {
    return {
      name,
      known: false,
      description:
        'Not a registered header parameter: specific to this provider or library; a verifier ignores it unless listed in crit.',
      source: 'custom',
      specLink: `${RFC7515}#section-4.2`,
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(name)) {
    return {
      name,
      known: false,
      description:
        'A collision-resistant (namespaced) public claim: its meaning is defined by whoever owns this name, not by a spec.',
      source: 'custom',
      specLink: `${RFC7519}#section-4.2`,
    }
  }
  return {
    name,
    known: false,
    description:
      'Not a registered or well-known claim: a custom claim of this provider (e.g. a Keycloak mapper); its meaning is provider-specific.',
    source: 'custom',
    specLink: `${RFC7519}#section-4.3`,
  }
}
