import type { ClientAuthMethod } from '@/lib/oidc/types'

export type ProviderPreset = 'demo' | 'keycloak' | 'custom'

/** The grants the lab can run (the `grant` deep link). */
export const GRANTS = ['authorization_code', 'client_credentials', 'device_code'] as const
export type LabGrant = (typeof GRANTS)[number]

export interface KeycloakSettings {
  baseUrl: string
  realm: string
  /** Keycloak ≤ 16 (and the legacy WildFly distribution) serve realms under `/auth`. */
  legacyAuthPath: boolean
}

export interface AuthorizationExtras {
  prompt: string
  login_hint: string
  max_age: string
  acr_values: string
  ui_locales: string
}

/** Everything the user configures. Secrets live here only in memory and sessionStorage. */
export interface LabConfig {
  preset: ProviderPreset
  /** The issuer for `custom`; for `demo` and `keycloak` it is derived. */
  issuer: string
  keycloak: KeycloakSettings
  clientId: string
  clientType: 'public' | 'confidential'
  authMethod: Exclude<ClientAuthMethod, 'none'>
  clientSecret: string
  rememberSecret: boolean
  usePkce: boolean
  /** `auto` sends a nonce only with `openid` (some providers reject a nonce without it, others demand one). */
  nonceMode: 'auto' | 'always' | 'never'
  scopes: string[]
  extras: AuthorizationExtras
  grant: LabGrant
  /** `scope` sent in the token request itself: client credentials, or a second one in the code exchange. */
  tokenRequestScope: string
}

export const DEFAULT_SCOPES = ['openid', 'profile', 'email']

export const EMPTY_EXTRAS: AuthorizationExtras = {
  prompt: '',
  login_hint: '',
  max_age: '',
  acr_values: '',
  ui_locales: '',
}

export function defaultConfig(demoIssuer: string): LabConfig {
  return {
    preset: 'demo',
    issuer: demoIssuer,
    keycloak: { baseUrl: 'http://localhost:8080', realm: 'master', legacyAuthPath: false },
    clientId: 'oidc-lab',
    clientType: 'public',
    authMethod: 'client_secret_basic',
    clientSecret: '',
    rememberSecret: false,
    usePkce: true,
    nonceMode: 'auto',
    scopes: [...DEFAULT_SCOPES],
    extras: { ...EMPTY_EXTRAS },
    grant: 'authorization_code',
    tokenRequestScope: '',
  }
}
