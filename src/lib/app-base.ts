/**
 * The path the lab is served under: Vite's `base` (`vite build --base /oidc-lab/`), `/` by default.
 * Every link, the redirect URI and the post-logout URI follow it, so the built app works from any
 * sub-path of a static host.
 */
export const APP_BASE = appBaseOf(import.meta.env.BASE_URL)

/** `/oidc-lab` → `/oidc-lab/`; a relative or empty base (`./`, ``) counts as the site root. */
export function appBaseOf(base: string | undefined): string {
  if (!base?.startsWith('/')) return '/'
  return base.endsWith('/') ? base : `${base}/`
}

/** The redirect URI's path: `/callback`, or `/oidc-lab/callback` under a base. */
export const CALLBACK_PATH = `${APP_BASE}callback`

/** A path inside the app: `appPath('#history')` is `/oidc-lab/#history` under that base. */
export function appPath(rest = '', base = APP_BASE): string {
  return `${base}${rest}`
}

/**
 * Whether an address bar path is the callback route; a trailing slash or the static host's
 * fallback file (`callback.html`, `callback/index.html`) is the same route.
 */
export function isCallbackPath(pathname: string, base = APP_BASE): boolean {
  const callback = `${base}callback`
  const path = pathname.replace(/\/+$/, '')
  return path === callback || path === `${callback}.html` || path === `${callback}/index.html`
}

/** Whether an address bar path is the lab's own page (`/`, `/oidc-lab/`, `/oidc-lab/index.html`). */
export function isLabPath(pathname: string, base = APP_BASE): boolean {
  const root = base.replace(/\/+$/, '')
  const path = pathname.replace(/\/+$/, '')
  return path === root || path === `${root}/index.html`
}
