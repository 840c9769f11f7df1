/**
 * `npm run idp`: the demo realm on its own.
 * Env: IDP_PORT (default 8080), IDP_HOST (default localhost), IDP_APP_ORIGINS (comma-separated lab URLs),
 * IDP_EXTRA_REDIRECT_URIS (comma-separated),
 * IDP_DEVICE_CODE_TTL (seconds, default 600), IDP_DEVICE_POLL_INTERVAL (seconds, default 5).
 */
import {
  clients,
  clientUris,
  parseAppUrls,
  users,
  type RealmClient,
  type RealmUser,
} from './realm.ts'
import { NotLoopbackError, PortInUseError, startRealm, type RunningRealm } from './server.ts'

class UsageError extends Error {}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`IDP_PORT=${value} is not a port number (0-65535).`)
  }
  return port
}

/** A whole number of seconds, at least 1; undefined when the variable is unset. */
function parseSeconds(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const seconds = Number(value)
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new UsageError(`${name}=${value} is not a whole number of seconds (1 or more).`)
  }
  return seconds
}

function parseRedirectUris(value: string | undefined): string[] {
  const uris = (value ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean)
  for (const uri of uris) {
    const url = URL.parse(uri)
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hash) {
      throw new UsageError(
        `IDP_EXTRA_REDIRECT_URIS: ${JSON.stringify(uri)} is not an absolute http(s) URL without a fragment.`,
      )
    }
  }
  return uris
}

function describeUser(user: RealmUser): string {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ')
  const email = user.email
    ? `${user.email} (${user.emailVerified ? 'verified' : 'NOT verified'})`
    : 'no email'
  const roles = user.realmRoles.filter((role) => role === 'user' || role === 'admin')
  return `${name}, ${email}${roles.length > 0 ? `, roles: ${roles.join(' ')}` : ''}`
}

function describeClient(client: RealmClient): string[] {
  const kind =
    client.type === 'public'
      ? `public${client.pkceRequired ? ', PKCE S256 required' : ''}`
      : `confidential, secret ${client.secret ?? ''} (client_secret_basic or client_secret_post), PKCE optional`
  const grants = [
    ...(client.standardFlow ? [] : ['no code flow']),
    ...(client.serviceAccount ? ['client_credentials'] : []),
    ...(client.deviceAuthorizationGrant ? ['device grant'] : []),
  ]
  return [
    `  ${client.clientId.padEnd(23)} ${[kind, ...grants].join(', ')}`,
    `  ${''.padEnd(23)} default scopes:  ${client.defaultScopes.join(' ')}`,
    `  ${''.padEnd(23)} optional scopes: ${client.optionalScopes.join(' ')}`,
  ]
}

function banner(
  realm: RunningRealm,
  extraRedirectUris: readonly string[],
  appUrls: readonly string[],
): string {
  const uris = clientUris(extraRedirectUris, appUrls)
  const width = Math.max(...users.map((user) => user.username.length))
  return [
    'OIDC Lab demo realm — a Keycloak-shaped OpenID Provider. Demo only, not for production.',
    '',
    `  Issuer:    ${realm.issuer}`,
    `  Discovery: ${realm.issuer}/.well-known/openid-configuration`,
    '',
    'Users (username / password):',
    ...users.map(
      (user) =>
        `  ${user.username.padEnd(width)} / ${user.password.padEnd(width)}  ${describeUser(user)}`,
    ),
    '',
    'Clients:',
    ...clients.flatMap(describeClient),
    '',
    `Redirect URIs: ${uris.redirectUris.join(' ')}`,
    `Post-logout redirect URIs: ${uris.postLogoutRedirectUris.join(' ')}`,
    `CORS (web origins): ${uris.webOrigins.join(' ')}`,
    '',
  ].join('\n')
}

async function main(): Promise<void> {
  let realm: RunningRealm
  let extraRedirectUris: string[]
  let appUrls: string[]
  try {
    extraRedirectUris = parseRedirectUris(process.env.IDP_EXTRA_REDIRECT_URIS)
    try {
      appUrls = parseAppUrls(process.env.IDP_APP_ORIGINS)
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error))
    }
    realm = await startRealm({
      port: parsePort(process.env.IDP_PORT),
      host: process.env.IDP_HOST || 'localhost',
      extraRedirectUris,
      appUrls,
      deviceCodeTtl: parseSeconds('IDP_DEVICE_CODE_TTL', process.env.IDP_DEVICE_CODE_TTL),
      devicePollInterval: parseSeconds(
        'IDP_DEVICE_POLL_INTERVAL',
        process.env.IDP_DEVICE_POLL_INTERVAL,
      ),
    })
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof PortInUseError ||
      error instanceof NotLoopbackError
    ) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }

  console.log(banner(realm, extraRedirectUris, appUrls))
  // performance.now() counts from process start, so this includes loading tsx and oidc-provider
  console.log(`Ready in ${Math.round(performance.now())} ms. Press Ctrl+C to stop.`)

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1)
    stopping = true
    console.log(`\n${signal}: stopping the demo realm.`)
    realm.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

await main()
