/**
 * Starts the demo realm: a Keycloak-shaped OpenID Provider on loopback, with Keycloak's paths
 * under `/realms/demo`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type * as OidcProviderModule from 'oidc-provider'
import { send, sendJson } from './http-utils.ts'
import { createLoginActions, LOGIN_ACTIONS_PATH } from './login-actions.ts'
import { closeServers, hostWithPort, listenOnLoopback, loopbackAddresses } from './loopback.ts'
import { clientUris, REALM_NAME, REALM_PATH } from './realm.ts'
import { dropNonceWithoutOpenid } from './keycloak-compat.ts'
import { DEVICE_DEFAULTS } from './device-flow.ts'
import { AUTHORIZATION_ROUTE, createRealmProvider } from './realm-provider.ts'
import { renderHomePage } from './realm-pages.ts'
import { generateSigningKey } from './signing-key.ts'

export { PortInUseError, NotLoopbackError } from './loopback.ts'

export interface RealmOptions {
  /** Defaults to 8080; 0 picks a free port (the issuer then carries the actual one). */
  port?: number
  /** A loopback host name or address; defaults to `localhost`, which binds 127.0.0.1 and ::1. */
  host?: string
  /** No log lines at all (tests). */
  quiet?: boolean
  /** Extra redirect URIs for every client; their origins are allowed for CORS. */
  extraRedirectUris?: readonly string[]
  /** Where the lab is served besides the loopback defaults (IDP_APP_ORIGINS), each ending in `/`. */
  appUrls?: readonly string[]
  /** Where log lines go; defaults to stdout unless `quiet`. */
  log?: (line: string) => void
  /** Seconds a device code lives; defaults to Keycloak's 600. */
  deviceCodeTtl?: number
  /** Seconds between two device polls, or `slow_down`; defaults to Keycloak's 5. */
  devicePollInterval?: number
}

export interface RunningRealm {
  issuer: string
  origin: string
  close(): Promise<void>
}

let oidcProviderModule: Promise<typeof OidcProviderModule> | undefined

/**
 * oidc-provider 9.13 prints "Unsupported runtime" on Node 20 at import time although it works there;
 * that one line is dropped, every other warning passes.
 */
function loadOidcProvider(): Promise<typeof OidcProviderModule> {
  oidcProviderModule ??= (async () => {
    const warn = console.warn
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('Unsupported runtime')) return
      warn(...args)
    }
    try {
      return await import('oidc-provider')
    } finally {
      console.warn = warn
    }
  })()
  return oidcProviderModule
}

function realmDescription(issuer: string, publicKeyBase64: string) {
  const origin = new URL(issuer).origin
  return {
    realm: REALM_NAME,
    public_key: publicKeyBase64,
    'token-service': `${issuer}/protocol/openid-connect`,
    'account-service': `${issuer}/account`,
    'tokens-not-before': 0,
    'openid-configuration': `${issuer}/.well-known/openid-configuration`,
    note: `Demo realm — not for production. Users and clients are listed at ${origin}/`,
  }
}

export async function startRealm(options: RealmOptions = {}): Promise<RunningRealm> {
  const host = options.host ?? 'localhost'
  const log =
    options.log ??
    (options.quiet
      ? () => undefined
      : (line: string) => {
          console.log(`[demo realm] ${line}`)
        })
  const uris = clientUris(options.extraRedirectUris, options.appUrls)

  const [addresses, oidc, signingKey] = await Promise.all([
    loopbackAddresses(host),
    loadOidcProvider(),
    generateSigningKey(),
  ])

  // the issuer needs the bound port, so requests are routed once the provider exists
  const app: { handle?: (req: IncomingMessage, res: ServerResponse) => Promise<void> } = {}
  const { port, servers } = await listenOnLoopback(addresses, options.port ?? 8080, (req, res) => {
    if (!app.handle) return send(res, 503, 'starting\n', { 'content-type': 'text/plain' })
    app.handle(req, res).catch((error: unknown) => {
      log(
        `server error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' })
      else res.end()
    })
  })

  const origin = `http://${hostWithPort(host, port)}`
  const issuer = `${origin}${REALM_PATH}`
  const device = {
    codeTtl: options.deviceCodeTtl ?? DEVICE_DEFAULTS.codeTtl,
    pollInterval: options.devicePollInterval ?? DEVICE_DEFAULTS.pollInterval,
  }
  const realm = createRealmProvider({ oidc, issuer, signingKey, uris, log, device })
  const providerCallback = realm.provider.callback()
  const loginActions = createLoginActions({
    provider: realm.provider,
    grantScopes: realm.grantScopes,
    log,
  })

  app.handle = async (req, res) => {
    const url = req.url ?? '/'
    const path = url.split('?', 1)[0] ?? '/'
    if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      const page = renderHomePage(issuer, uris)
      return send(res, 200, page.html, page.headers)
    }
    if (path === REALM_PATH || path === `${REALM_PATH}/`) {
      return sendJson(res, 200, realmDescription(issuer, signingKey.publicKeyBase64))
    }
    if (path.startsWith(`${LOGIN_ACTIONS_PATH}/`)) return loginActions(req, res)
    if (path.startsWith(`${REALM_PATH}/`)) {
      const target =
        req.method === 'GET' && path === `${REALM_PATH}${AUTHORIZATION_ROUTE}`
          ? dropNonceWithoutOpenid(url)
          : url
      // oidc-provider derives its mount path from originalUrl minus url (the express convention)
      Object.assign(req, { originalUrl: target })
      req.url = target.slice(REALM_PATH.length)
      return providerCallback(req, res)
    }
    // readable from any page (no credentials involved), so a browser tool can tell a wrong path from CORS
    res.setHeader('access-control-allow-origin', '*')
    return sendJson(res, 404, {
      error: 'not_found',
      error_description: `Nothing here. The realm lives at ${issuer}`,
    })
  }

  const sweeper = setInterval(() => {
    realm.store.sweep()
    realm.registry.sweep()
    realm.refreshTokens.sweep()
  }, 60_000)
  sweeper.unref()

  let closing: Promise<void> | undefined
  return {
    issuer,
    origin,
    close() {
      closing ??= (async () => {
        clearInterval(sweeper)
        await closeServers(servers)
      })()
      return closing
    },
  }
}
