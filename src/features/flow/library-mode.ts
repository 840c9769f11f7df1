import { Log, OidcClient, WebStorageStateStore, type SigninResponse } from 'oidc-client-ts'
import type { LabConfig } from '@/lib/lab-config/lab-config'

export interface LibraryLogLine {
  level: 'debug' | 'info' | 'warn' | 'error'
  text: string
}

export interface LibraryOutcome {
  response?: SigninResponse
  /** What `processSigninResponse` threw: the one sentence an app using the library would get. */
  error?: { name: string; message: string; error?: string; error_description?: string }
  log: LibraryLogLine[]
}

/** oidc-client-ts configured exactly like the guided flow, so users see what their app's library gets. */
export function createLibraryClient(
  config: LabConfig,
  issuer: string,
  redirectUri: string,
): OidcClient {
  const extras = Object.fromEntries(Object.entries(config.extras).filter(([, v]) => v !== ''))
  return new OidcClient({
    authority: issuer,
    client_id: config.clientId,
    client_secret: config.clientType === 'confidential' ? config.clientSecret : undefined,
    // a public client sends only client_id in the body: oidc-client-ts does that under client_secret_post
    client_authentication:
      config.clientType === 'public' ? 'client_secret_post' : config.authMethod,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: config.scopes.join(' '),
    loadUserInfo: true,
    disablePKCE: config.clientType === 'confidential' && !config.usePkce,
    extraQueryParams: extras,
    stateStore: new WebStorageStateStore({
      store: window.sessionStorage,
      prefix: 'oidc-lab:library:',
    }),
  })
}

/** Routes the library's own log lines into a list, so its internal steps become visible. */
function captureLog(): { lines: LibraryLogLine[]; stop: () => void } {
  const lines: LibraryLogLine[] = []
  const push =
    (level: LibraryLogLine['level']) =>
    (...args: unknown[]) =>
      lines.push({
        level,
        text: args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '),
      })
  Log.setLevel(Log.DEBUG)
  Log.setLogger({
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
  })
  return { lines, stop: () => Log.setLevel(Log.NONE) }
}

export async function startLibrarySignin(client: OidcClient): Promise<string> {
  const request = await client.createSigninRequest({})
  return request.url
}

/** One call does the state check, the token POST, the ID token claim checks and userinfo: nothing pauses. */
export async function completeLibrarySignin(
  client: OidcClient,
  url: string,
): Promise<LibraryOutcome> {
  const { lines, stop } = captureLog()
  try {
    const response = await client.processSigninResponse(url)
    return { response, log: lines }
  } catch (e) {
    const error = e as {
      name?: string
      message?: string
      error?: string
      error_description?: string
    }
    return {
      error: {
        name: error.name ?? 'Error',
        message: error.message ?? String(e),
        error: error.error ?? undefined,
        error_description: error.error_description ?? undefined,
      },
      log: lines,
    }
  } finally {
    stop()
  }
}
