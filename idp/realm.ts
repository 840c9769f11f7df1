/**
 * The demo realm as plain data: client scopes, clients and users, shaped like a Keycloak realm
 * export so the lessons carry over to a real Keycloak.
 */

export const REALM_NAME = 'demo'
export const REALM_PATH = `/realms/${REALM_NAME}`

export const CLIENT_SCOPE_NAMES = [
  'openid',
  'profile',
  'email',
  'address',
  'phone',
  'offline_access',
  'roles',
  'api:read',
] as const

export type ClientScopeName = (typeof CLIENT_SCOPE_NAMES)[number]

export interface ClientScope {
  description: string
  /** Keycloak's "Consent screen text"; absent when the scope is not shown on consent screens. */
  consentText?: string
  /** Claims the scope's mappers add to ID tokens, access tokens and userinfo. */
  claims: readonly string[]
  /** Keycloak's "Include in token scope": `roles` adds claims but never shows up in `scope`. */
  includeInTokenScope: boolean
}

export const clientScopes: Record<ClientScopeName, ClientScope> = {
  openid: {
    description: 'OpenID Connect: issue an ID token, allow userinfo',
    claims: ['sub'],
    includeInTokenScope: true,
  },
  profile: {
    description: 'Name and username',
    consentText: 'User profile',
    claims: [
      'name',
      'family_name',
      'given_name',
      'middle_name',
      'nickname',
      'preferred_username',
      'profile',
      'picture',
      'website',
      'gender',
      'birthdate',
      'zoneinfo',
      'locale',
      'updated_at',
    ],
    includeInTokenScope: true,
  },
  email: {
    description: 'Email address and whether it is verified',
    consentText: 'Email address',
    claims: ['email', 'email_verified'],
    includeInTokenScope: true,
  },
  address: {
    description: 'Postal address',
    consentText: 'Address',
    claims: ['address'],
    includeInTokenScope: true,
  },
  phone: {
    description: 'Phone number',
    consentText: 'Phone number',
    claims: ['phone_number', 'phone_number_verified'],
    includeInTokenScope: true,
  },
  offline_access: {
    description: 'Offline token: a refresh token that survives logout',
    consentText: 'Offline Access',
    claims: [],
    includeInTokenScope: true,
  },
  roles: {
    description: 'Realm and client roles in the access token (realm_access, resource_access)',
    consentText: 'User roles',
    claims: [],
    includeInTokenScope: false,
  },
  'api:read': {
    description: 'Custom scope: read access to a demo API',
    consentText: 'api:read',
    claims: [],
    includeInTokenScope: true,
  },
}

export interface RealmClient {
  clientId: string
  name: string
  description: string
  type: 'public' | 'confidential'
  secret?: string
  pkceRequired: boolean
  /** Keycloak's "Standard flow": the authorization code flow (and redirect URIs). */
  standardFlow: boolean
  /** Keycloak's "Service accounts roles": enables client_credentials. */
  serviceAccount: boolean
  /** Keycloak's "OAuth 2.0 Device Authorization Grant". */
  deviceAuthorizationGrant: boolean
  /** Always applied, even when not requested. */
  defaultScopes: readonly ClientScopeName[]
  /** Applied only when requested. */
  optionalScopes: readonly ClientScopeName[]
}

const commonOptionalScopes = ['address', 'phone', 'offline_access', 'api:read'] as const

export const clients: readonly RealmClient[] = [
  {
    clientId: 'oidc-lab',
    name: 'OIDC Lab',
    description: 'The explorer SPA: email is an optional scope, request it to get it',
    type: 'public',
    pkceRequired: true,
    standardFlow: true,
    serviceAccount: false,
    deviceAuthorizationGrant: false,
    defaultScopes: ['profile', 'roles'],
    optionalScopes: ['email', ...commonOptionalScopes],
  },
  {
    clientId: 'oidc-lab-defaults',
    name: 'OIDC Lab (email by default)',
    description:
      'Like a fresh Keycloak client: email is a default scope, not requesting it changes nothing',
    type: 'public',
    pkceRequired: true,
    standardFlow: true,
    serviceAccount: false,
    deviceAuthorizationGrant: false,
    defaultScopes: ['profile', 'email', 'roles'],
    optionalScopes: commonOptionalScopes,
  },
  {
    clientId: 'oidc-lab-confidential',
    name: 'OIDC Lab (confidential)',
    description:
      'A server-side client with a secret; also has a service account and the device grant',
    type: 'confidential',
    secret: 'oidc-lab-secret',
    pkceRequired: false,
    standardFlow: true,
    serviceAccount: true,
    deviceAuthorizationGrant: true,
    defaultScopes: ['profile', 'email', 'roles'],
    optionalScopes: commonOptionalScopes,
  },
  {
    clientId: 'oidc-lab-device',
    name: 'OIDC Lab (device)',
    description:
      'A device without a browser (TV, CLI): the device authorization grant only, no redirect URIs',
    type: 'public',
    pkceRequired: false,
    standardFlow: false,
    serviceAccount: false,
    deviceAuthorizationGrant: true,
    defaultScopes: ['profile', 'email', 'roles'],
    optionalScopes: commonOptionalScopes,
  },
]

export function findClient(clientId: string): RealmClient | undefined {
  return clients.find((client) => client.clientId === clientId)
}

export const DEFAULT_APP_ORIGINS = [
  'http://localhost:5173',
  'http://localhost:4173',
  'http://127.0.0.1:5173',
  'http://127.0.0.1:4173',
] as const

/** The lab's own URLs (origin and the path it is served under): the dev server and `vite preview`. */
export const DEFAULT_APP_URLS = DEFAULT_APP_ORIGINS.map((origin) => `${origin}/`)

export interface ClientUris {
  redirectUris: string[]
  postLogoutRedirectUris: string[]
  /** Keycloak's Web Origins `+`: the origins of the redirect URIs, allowed for CORS. */
  webOrigins: string[]
}

/**
 * Every client shares the app's redirect URIs: `<app URL>callback` for the loopback defaults and
 * each of `appUrls` (IDP_APP_ORIGINS, a lab hosted elsewhere or under a sub-path); extras come from
 * IDP_EXTRA_REDIRECT_URIS. Post-logout URIs are the app URLs and each origin's `/`.
 */
export function clientUris(
  extraRedirectUris: readonly string[] = [],
  appUrls: readonly string[] = [],
): ClientUris {
  const apps = [...DEFAULT_APP_URLS, ...appUrls]
  const redirectUris = [...apps.map((url) => `${url}callback`), ...extraRedirectUris]
  const webOrigins = [...new Set(redirectUris.map((uri) => new URL(uri).origin))]
  return {
    redirectUris: [...new Set(redirectUris)],
    postLogoutRedirectUris: [...new Set([...apps, ...webOrigins.map((origin) => `${origin}/`)])],
    webOrigins,
  }
}

/**
 * IDP_APP_ORIGINS: comma-separated URLs where the lab is served, origin and optional sub-path
 * (`https://lab.example.com`, `http://localhost:4174/oidc-lab/`), each normalised to end in `/`.
 * Throws a message naming the bad entry.
 */
export function parseAppUrls(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return entries.map((entry) => {
    const url = URL.parse(entry)
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
      throw new Error(
        `IDP_APP_ORIGINS: ${JSON.stringify(entry)} is not an absolute http(s) URL without a query or fragment (e.g. https://lab.example.com or http://localhost:4174/oidc-lab/).`,
      )
    }
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`
    return `${url.origin}${path}`
  })
}

export interface PostalAddress {
  formatted: string
  street_address: string
  locality: string
  region?: string
  postal_code: string
  country: string
}

export interface RealmUser {
  /** Stable, so tokens from different runs can be compared. */
  id: string
  username: string
  password: string
  firstName?: string
  lastName?: string
  email?: string
  emailVerified: boolean
  address?: PostalAddress
  phoneNumber?: string
  phoneNumberVerified?: boolean
  locale?: string
  /** Effective realm roles: `default-roles-demo` is a composite of offline_access and uma_authorization. */
  realmRoles: readonly string[]
  /** Set for the service-account user behind a client's client_credentials grant. */
  serviceAccountClientId?: string
}

const defaultRealmRoles = ['default-roles-demo', 'offline_access', 'uma_authorization']

/** Keycloak gives every user these `account` client roles; they are why `aud` is `account`. */
export const ACCOUNT_CLIENT_ROLES = ['manage-account', 'manage-account-links', 'view-profile']

export const users: readonly RealmUser[] = [
  {
    id: '4f8a1c2e-6b3d-4e5f-9a7b-1c2d3e4f5a61',
    username: 'alice',
    password: 'alice',
    firstName: 'Alice',
    lastName: 'Liddell',
    email: 'alice@example.com',
    emailVerified: true,
    address: {
      formatted: '1 Rabbit Hole Lane\nOxford OX1 1DP\nUnited Kingdom',
      street_address: '1 Rabbit Hole Lane',
      locality: 'Oxford',
      region: 'Oxfordshire',
      postal_code: 'OX1 1DP',
      country: 'GB',
    },
    phoneNumber: '+44 1865 000001',
    phoneNumberVerified: true,
    locale: 'en',
    realmRoles: [...defaultRealmRoles, 'user', 'admin'],
  },
  {
    id: '7b2e9d4c-1a8f-4c3b-8e6d-2f1a0b9c8d72',
    username: 'bob',
    password: 'bob',
    firstName: 'Bob',
    lastName: 'Baker',
    email: 'bob@example.com',
    emailVerified: false,
    realmRoles: [...defaultRealmRoles, 'user'],
  },
  {
    id: 'c3d4e5f6-0718-4293-a4b5-c6d7e8f90a83',
    username: 'carol',
    password: 'carol',
    firstName: 'Carol',
    lastName: 'Carter',
    emailVerified: false,
    realmRoles: [...defaultRealmRoles],
  },
]

export const serviceAccountUsers: readonly RealmUser[] = [
  {
    id: 'e9f8a7b6-c5d4-4e3f-b2a1-0f9e8d7c6b94',
    username: 'service-account-oidc-lab-confidential',
    password: '',
    emailVerified: false,
    realmRoles: [...defaultRealmRoles],
    serviceAccountClientId: 'oidc-lab-confidential',
  },
]

export function findUserById(id: string): RealmUser | undefined {
  return [...users, ...serviceAccountUsers].find((user) => user.id === id)
}

/** Keycloak's login accepts the username or the email, case-insensitively. */
export function findUserByLogin(login: string): RealmUser | undefined {
  const wanted = login.trim().toLowerCase()
  if (!wanted) return undefined
  return users.find(
    (user) => user.username.toLowerCase() === wanted || user.email?.toLowerCase() === wanted,
  )
}

export function findServiceAccount(clientId: string): RealmUser | undefined {
  return serviceAccountUsers.find((user) => user.serviceAccountClientId === clientId)
}
