import { env } from '@/config/env'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import { buildKeycloakIssuer } from '@/lib/oidc/issuer'

/** The issuer the current setup points at; `undefined` while the Keycloak fields are incomplete. */
export function resolveIssuer(config: LabConfig): string | undefined {
  switch (config.preset) {
    case 'demo':
      return env.demoIssuer
    case 'keycloak':
      if (!config.keycloak.baseUrl.trim() || !config.keycloak.realm.trim()) return undefined
      return buildKeycloakIssuer(config.keycloak)
    case 'custom':
      // kept as typed: an issuer may end in `/` (Auth0's do) and is compared exactly (OIDC Discovery §4.3)
      return config.issuer.trim() || undefined
  }
}
