/**
 * The realm's own login interaction, at Keycloak's `/login-actions/authenticate` path: a real
 * username/password check against the realm's users, and consent granted without asking
 * (Keycloak's "Consent required: OFF") except in the device flow, where Keycloak always asks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type Provider from 'oidc-provider'
import type { Grant, Interaction } from 'oidc-provider'
import { answerConsent, renderConsent } from './device-consent.ts'
import { BodyTooLargeError, readFormBody, send } from './http-utils.ts'
import { INVALID_CREDENTIALS, renderLoginPage } from './login-page.ts'
import { findClient, findUserByLogin, REALM_PATH } from './realm.ts'
import { renderErrorPage } from './realm-pages.ts'
import type { RenderedPage } from './html-layout.ts'

export const LOGIN_ACTIONS_PATH = `${REALM_PATH}/login-actions/authenticate`

export function loginActionUrl(uid: string): string {
  return `${LOGIN_ACTIONS_PATH}/${uid}`
}

export interface LoginActionsDeps {
  provider: Provider
  /** Grants every requested scope; shared with the provider's `loadExistingGrant`. */
  grantScopes: (
    grantId: string | undefined,
    accountId: string,
    clientId: string,
    scope: string,
  ) => Promise<Grant>
  log: (line: string) => void
}

function sendPage(res: ServerResponse, status: number, page: RenderedPage): void {
  send(res, status, page.html, page.headers)
}

function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name]
  return typeof value === 'string' ? value : undefined
}

function loginPage(interaction: Interaction, extra: { username?: string; error?: string }) {
  const clientId = stringParam(interaction.params, 'client_id') ?? ''
  return renderLoginPage({
    action: loginActionUrl(interaction.uid),
    clientId,
    clientName: findClient(clientId)?.name ?? clientId,
    requestedScope: stringParam(interaction.params, 'kc_requested_scope'),
    grantedScope: stringParam(interaction.params, 'scope'),
    username: extra.username ?? stringParam(interaction.params, 'login_hint'),
    error: extra.error,
  })
}

/** The posted form, or undefined once a 413 page has been sent. */
async function readForm(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<URLSearchParams | undefined> {
  try {
    return await readFormBody(req)
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendPage(res, 413, renderErrorPage('Request too large.'))
      return undefined
    }
    throw error
  }
}

/**
 * The consent prompt: granted at once ("Consent required: OFF"), except in the device flow, where
 * Keycloak always asks.
 */
async function handleConsent(
  deps: LoginActionsDeps,
  req: IncomingMessage,
  res: ServerResponse,
  interaction: Interaction,
): Promise<void> {
  const accountId = interaction.session?.accountId
  if (!accountId) return sendPage(res, 400, renderErrorPage('No user is logged in.'))
  if (interaction.deviceCode) {
    if (req.method === 'GET')
      return renderConsent(res, interaction, loginActionUrl(interaction.uid))
    const form = await readForm(req, res)
    if (!form) return undefined
    return answerConsent(deps, req, res, interaction, form)
  }
  const grant = await deps.grantScopes(
    interaction.grantId,
    accountId,
    stringParam(interaction.params, 'client_id') ?? '',
    stringParam(interaction.params, 'scope') ?? '',
  )
  return deps.provider.interactionFinished(
    req,
    res,
    { consent: { grantId: grant.jti } },
    { mergeWithLastSubmission: true },
  )
}

export function createLoginActions(deps: LoginActionsDeps) {
  const { provider, log } = deps

  return async function handleLoginAction(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    let interaction: Interaction
    try {
      interaction = await provider.interactionDetails(req, res)
    } catch {
      // Keycloak's wording when the login session cookie is gone or expired
      return sendPage(
        res,
        400,
        renderErrorPage(
          'Your login attempt timed out. Login will start from the beginning.',
          'Start again from the application.',
        ),
      )
    }
    const uid = new URL(req.url ?? '/', 'http://realm').pathname.split('/').pop()
    if (uid !== interaction.uid) {
      return sendPage(res, 400, renderErrorPage('Invalid login action.'))
    }

    const clientId = stringParam(interaction.params, 'client_id') ?? ''

    if (interaction.prompt.name === 'consent') return handleConsent(deps, req, res, interaction)

    if (interaction.prompt.name !== 'login') {
      return sendPage(res, 400, renderErrorPage(`Unsupported prompt: ${interaction.prompt.name}`))
    }

    if (req.method === 'GET') return sendPage(res, 200, loginPage(interaction, {}))
    if (req.method !== 'POST') return sendPage(res, 405, renderErrorPage('Method not allowed.'))

    const form = await readForm(req, res)
    if (!form) return undefined
    const username = form.get('username') ?? ''
    const user = findUserByLogin(username)
    if (!user || form.get('password') !== user.password) {
      log(`login: failed for ${JSON.stringify(username)} (client ${clientId})`)
      return sendPage(res, 200, loginPage(interaction, { username, error: INVALID_CREDENTIALS }))
    }

    log(`login: ${user.username} signed in (client ${clientId})`)
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.id, acr: '1', amr: ['pwd'] } },
      { mergeWithLastSubmission: false },
    )
  }
}
