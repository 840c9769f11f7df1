/**
 * The OAuth 2.0 Device Authorization Grant (RFC 8628) on oidc-provider's `deviceFlow`, with
 * Keycloak's paths, pages, polling interval and error descriptions.
 *
 * Keycloak's order is copied: user code, then login, then consent (always asked for a device),
 * then a final page. oidc-provider asks for its confirmation before the login, so the realm's code
 * form confirms at once and the consent comes from `device-consent.ts`.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type * as OidcProviderModule from 'oidc-provider'
import type Provider from 'oidc-provider'
import type { Configuration, DeviceCode, KoaContextWithOIDC } from 'oidc-provider'
import {
  DEVICE_MESSAGES,
  renderDeviceCodePage,
  renderDeviceOutcomePage,
  type DeviceOutcome,
} from './device-pages.ts'
import { setPage } from './html-layout.ts'
import { TtlMap } from './map-adapter.ts'
import { DEVICE_CODE_GRANT } from './provider-clients.ts'
import { routedOidc } from './token-response.ts'

export const DEVICE_AUTHORIZATION_ROUTE = '/protocol/openid-connect/auth/device'
export const DEVICE_VERIFICATION_ROUTE = '/device'
const TOKEN_ROUTE = '/protocol/openid-connect/token'

/** Keycloak's defaults: "OAuth 2.0 Device Code Lifespan" 600 s, "Polling Interval" 5 s. */
export const DEVICE_DEFAULTS = { codeTtl: 600, pollInterval: 5 } as const

/** Keycloak keeps a device code this long past its expiry, "to inform expired_token". */
export function deviceCodeGrace(pollInterval: number): number {
  return pollInterval + 10
}

function xsrfOf(ctx: KoaContextWithOIDC): string {
  const secret = ctx.oidc.session?.state?.secret
  return typeof secret === 'string' ? secret : ''
}

function codePage(ctx: KoaContextWithOIDC, userCode?: string, error?: string) {
  return renderDeviceCodePage({
    action: ctx.oidc.urlFor('code_verification'),
    xsrf: xsrfOf(ctx),
    userCode,
    error,
  })
}

/** oidc-provider re-renders the code page for its user-code errors, and for every other failure. */
function outcomeOfError(err: Error): DeviceOutcome | 'invalidCode' | 'expiredCode' {
  switch (err.name) {
    case 'AbortedError':
      return 'consentDenied'
    case 'ExpiredError':
      return 'expiredCode'
    case 'NotFoundError':
    case 'NoCodeError':
    case 'AlreadyUsedError':
      return 'invalidCode'
    default:
      return 'failed'
  }
}

type DeviceFlowFeature = NonNullable<NonNullable<Configuration['features']>['deviceFlow']>

export const deviceFlow: DeviceFlowFeature = {
  enabled: true,
  // Keycloak's user codes are eight letters too, shown as XXXX-XXXX
  charset: 'base-20',
  mask: '****-****',
  userCodeInputSource: (ctx, _form, _out, err) => {
    if (!err) return setPage(ctx, codePage(ctx))
    const outcome = outcomeOfError(err)
    if (outcome === 'invalidCode' || outcome === 'expiredCode') {
      const userCode = 'userCode' in err ? String(err.userCode) : undefined
      return setPage(ctx, codePage(ctx, userCode, DEVICE_MESSAGES[outcome]))
    }
    setPage(ctx, renderDeviceOutcomePage(outcome))
  },
  // reached from verification_uri_complete only: the code form, filled in, one Submit away
  userCodeConfirmSource: (ctx, _form, _client, _deviceInfo, userCode) => {
    setPage(ctx, codePage(ctx, userCode))
  },
  successSource: (ctx) => {
    setPage(ctx, renderDeviceOutcomePage('complete'))
  },
}

/** Keycloak always asks for consent in the device flow, whatever the client's "Consent required". */
export function awaitsDeviceConsent(ctx: KoaContextWithOIDC): boolean {
  const deviceRoute = ctx.oidc.route === 'code_verification' || ctx.oidc.route === 'device_resume'
  return deviceRoute && !ctx.oidc.result?.consent
}

const pollingRequests = new AsyncLocalStorage<true>()

/**
 * RFC 8628 `slow_down`, which oidc-provider does not implement, the way Keycloak does it: a poll
 * within `interval` seconds of the last accepted one is refused, before the code's state is told
 * (`DeviceGrantType.isPollingAllowed`). The check sits in `DeviceCode.find`, the first thing the
 * device_code grant does, and only for calls made while the token endpoint answers.
 */
export function limitPollingRate(
  provider: Provider,
  oidc: typeof OidcProviderModule,
  pollInterval: number,
) {
  const lastPolls = new TtlMap<string, true>()
  const { DeviceCode } = provider
  const find = DeviceCode.find.bind(DeviceCode) as (
    jti: string,
    options?: { ignoreExpiration?: boolean },
  ) => Promise<DeviceCode | undefined>
  const findAndLimit = async (
    jti: string,
    options?: { ignoreExpiration?: boolean },
  ): Promise<DeviceCode | undefined> => {
    const code = await find(jti, options)
    if (!code || !pollingRequests.getStore() || code.isExpired) return code
    lastPolls.sweep()
    if (lastPolls.get(code.jti)) throw new oidc.errors.SlowDown('Slow down')
    lastPolls.set(code.jti, true, pollInterval)
    return code
  }
  Object.assign(DeviceCode, { find: findAndLimit })

  return (ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<unknown> =>
    ctx.method === 'POST' && ctx.path === TOKEN_ROUTE ? pollingRequests.run(true, next) : next()
}

/** `DeviceGrantType`'s descriptions. */
const DEVICE_TOKEN_ERRORS: Record<string, string> = {
  authorization_pending: 'The authorization request is still pending',
  slow_down: 'Slow down',
  expired_token: 'Device code is expired',
  access_denied: 'The end user denied the authorization request',
  invalid_grant: 'Device code not valid',
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isError(body: unknown): body is { error: string } {
  return (
    typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
  )
}

/** `DeviceEndpoint.checkClient`'s answer to a client without the device grant. */
const DEVICE_GRANT_DISABLED = {
  error: 'unauthorized_client',
  error_description:
    'Client is not allowed to initiate OAuth 2.0 Device Authorization Grant. The flow is disabled for the client.',
}

function isGrantTypeRefusal(body: unknown): boolean {
  return (
    isRecord(body) &&
    body.error === 'invalid_request' &&
    body.error_description === `${DEVICE_CODE_GRANT} is not allowed for this client`
  )
}

/**
 * Keycloak's answers around oidc-provider's: `interval` in the device authorization response,
 * `unauthorized_client` for a client without the grant, and the descriptions of the polling errors.
 */
export function keycloakDeviceAnswers(pollInterval: number) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> => {
    await next()
    const oidc = routedOidc(ctx)
    if (oidc?.route === 'device_authorization') {
      if (ctx.status === 200 && isRecord(ctx.body))
        ctx.body = { ...ctx.body, interval: pollInterval }
      if (ctx.status === 400 && isGrantTypeRefusal(ctx.body)) ctx.body = DEVICE_GRANT_DISABLED
      return
    }
    if (oidc?.route !== 'token' || oidc.params?.grant_type !== DEVICE_CODE_GRANT) return
    if (ctx.status !== 400 || !isError(ctx.body)) return
    const description = DEVICE_TOKEN_ERRORS[ctx.body.error]
    if (description) ctx.body = { ...ctx.body, error_description: description }
  }
}
