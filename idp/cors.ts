/**
 * CORS for the endpoints oidc-provider guards with its client-based policy (token, introspection,
 * revocation): Keycloak's Web Origins `+`, i.e. the origins of the redirect URIs. Discovery and JWKS
 * are open to every origin; userinfo has its own rule in `access-token-endpoints.ts`.
 */
import type { Configuration } from 'oidc-provider'

export function webOriginsPolicy(
  webOrigins: readonly string[],
): NonNullable<Configuration['clientBasedCORS']> {
  return (_ctx, origin) => webOrigins.includes(origin)
}
