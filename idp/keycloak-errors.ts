/**
 * Keycloak's wording for the errors the realm raises through oidc-provider, and its error page.
 */
import type * as OidcProviderModule from 'oidc-provider'
import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider'
import { renderErrorPage } from './realm-pages.ts'
import { setPage } from './html-layout.ts'

/** Keycloak: `invalid_scope` with "Invalid scopes: <the requested scope>". */
export function invalidScopes(
  oidc: typeof OidcProviderModule,
  requested: readonly string[],
  invalid: readonly string[],
): Error {
  return new oidc.errors.InvalidScope(`Invalid scopes: ${requested.join(' ')}`, invalid.join(' '))
}

/** Errors shown to the browser (bad authorization requests, logout errors) as Keycloak's page. */
export function renderRealmError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  setPage(ctx, renderErrorPage(out.error_description ?? out.error, out.error))
}
