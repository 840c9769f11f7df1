/**
 * Keycloak's client-scope policy inside oidc-provider: every authorization request's scope is
 * rewritten to openid + default scopes + requested optional scopes, and whatever that allows is
 * granted without a consent screen ("Consent required: OFF").
 */
import type * as OidcProviderModule from 'oidc-provider'
import type Provider from 'oidc-provider'
import type { Client, Grant, KoaContextWithOIDC } from 'oidc-provider'
import { resolveClientScopes, splitScope } from './keycloak-compat.ts'
import { awaitsDeviceConsent } from './device-flow.ts'
import { invalidScopes } from './keycloak-errors.ts'
import { findClient, type RealmClient } from './realm.ts'
import { ACCOUNT_RESOURCE } from './token-formats.ts'

/** The granted scope, or the `invalid_scope` error Keycloak answers. */
export function resolveOrReject(
  oidc: typeof OidcProviderModule,
  client: RealmClient,
  requested: readonly string[],
): string[] {
  const resolution = resolveClientScopes(client, requested)
  if (!resolution.ok) throw invalidScopes(oidc, requested, resolution.invalid)
  return resolution.scope
}

/** Grants the scope to the client for the user (auto-consent) and returns the saved grant. */
export async function grantScopes(
  provider: Provider,
  grantId: string | undefined,
  accountId: string,
  clientId: string,
  scope: string,
): Promise<Grant> {
  const existing = grantId ? await provider.Grant.find(grantId) : undefined
  const grant =
    existing?.accountId === accountId && existing.clientId === clientId
      ? existing
      : new provider.Grant({ accountId, clientId })
  if (scope) {
    grant.addOIDCScope(scope)
    grant.addResourceScope(ACCOUNT_RESOURCE, scope)
  }
  await grant.save()
  return grant
}

/** oidc-provider's `loadExistingGrant`: whatever the client-scope policy allowed is granted. */
export async function loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { client, session, params } = ctx.oidc
  // no grant yet: oidc-provider then asks for consent, which the device flow always shows
  if (!client || !session?.accountId || awaitsDeviceConsent(ctx)) return undefined
  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId)
  const scope = typeof params?.scope === 'string' ? params.scope : ''
  return grantScopes(ctx.oidc.provider, grantId, session.accountId, client.clientId, scope)
}

/** The scope as the client sent it; oidc-provider has already dropped offline_access (unless prompt=consent). */
function rawRequestedScope(ctx: KoaContextWithOIDC): string[] {
  const raw: unknown = ctx.method === 'POST' ? ctx.oidc.body?.scope : ctx.query.scope
  return splitScope(raw)
}

/**
 * An `extraParams` validator, which runs for every authorization request whether or not its
 * parameter is sent: applies the policy to `scope` and keeps the request as sent in
 * `kc_requested_scope` for the login page.
 */
export function applyClientScopePolicy(oidc: typeof OidcProviderModule) {
  return (ctx: KoaContextWithOIDC, _value: string | undefined, client: Client): void => {
    const realmClient = findClient(client.clientId)
    const { params } = ctx.oidc
    if (!realmClient || !params) return
    const requested = rawRequestedScope(ctx)
    params.scope = resolveOrReject(oidc, realmClient, requested).join(' ') || undefined
    params.kc_requested_scope = requested.join(' ') || undefined
  }
}
