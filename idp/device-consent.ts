/**
 * The consent Keycloak asks for in the device flow (`login-oauth-grant`): "Yes" grants the device
 * what the client-scope policy allowed, "No" ends the flow with `access_denied` for the device.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type Provider from 'oidc-provider'
import type { Grant, Interaction } from 'oidc-provider'
import { renderDeviceConsentPage } from './device-pages.ts'
import { send } from './http-utils.ts'
import { splitScope, isClientScopeName } from './keycloak-compat.ts'
import { clientScopes, findClient } from './realm.ts'

export interface ConsentDeps {
  provider: Provider
  grantScopes: (
    grantId: string | undefined,
    accountId: string,
    clientId: string,
    scope: string,
  ) => Promise<Grant>
  log: (line: string) => void
}

/** The scopes as Keycloak's consent screen lists them; `openid` is not shown. */
export function consentTexts(scope: unknown): string[] {
  return splitScope(scope).flatMap((name) => {
    const text = isClientScopeName(name) ? clientScopes[name].consentText : undefined
    return text ? [text] : []
  })
}

function stringParam(interaction: Interaction, name: string): string {
  const value = interaction.params[name]
  return typeof value === 'string' ? value : ''
}

export function renderConsent(res: ServerResponse, interaction: Interaction, action: string): void {
  const clientId = stringParam(interaction, 'client_id')
  const page = renderDeviceConsentPage({
    action,
    clientName: findClient(clientId)?.name ?? clientId,
    scopes: consentTexts(interaction.params.scope),
  })
  send(res, 200, page.html, page.headers)
}

/** Finishes the consent interaction with the user's answer from the posted form. */
export async function answerConsent(
  deps: ConsentDeps,
  req: IncomingMessage,
  res: ServerResponse,
  interaction: Interaction,
  form: URLSearchParams,
): Promise<void> {
  const clientId = stringParam(interaction, 'client_id')
  const accountId = interaction.session?.accountId ?? ''
  if (!form.has('accept')) {
    deps.log(`device: consent denied for ${clientId}`)
    return deps.provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The end user denied the authorization request',
    })
  }
  const grant = await deps.grantScopes(
    interaction.grantId,
    accountId,
    clientId,
    stringParam(interaction, 'scope'),
  )
  deps.log(`device: consent given for ${clientId}`)
  return deps.provider.interactionFinished(
    req,
    res,
    { consent: { grantId: grant.jti } },
    { mergeWithLastSubmission: true },
  )
}
