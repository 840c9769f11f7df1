import type { Plugin } from 'vite'

/**
 * The Content-Security-Policy of the built app, one directive per entry. It is written into the built
 * `index.html` as a `<meta http-equiv>` (the dev server is left alone: Vite's dev client injects inline
 * scripts and styles). A meta policy cannot carry `frame-ancestors`, `report-uri` or `sandbox`
 * (browsers ignore them there): framing is refused with response headers instead, see
 * `SECURITY_HEADERS` (used by `vite preview`) and the README for static hosts.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // the bundle only: no inline script, no eval, no CDN
  'script-src': ["'self'"],
  // the built stylesheet only; React's `style` props go through the CSSOM, which CSP does not govern
  'style-src': ["'self'"],
  // the favicon; the device step's QR code is inline SVG, not an image
  'img-src': ["'self'"],
  // Discovery, JWKS, token, userinfo… go to whichever provider the user types in: an arbitrary
  // origin, https for real providers and http for loopback ones (Keycloak on localhost:8080). No
  // list known at build time can name them, so any http(s) origin is allowed, and nothing else
  // (no ws:, data:, blob:). The app itself never contacts anything but the configured provider.
  'connect-src': ["'self'", 'https:', 'http:'],
  // the scope matrix runs `prompt=none` authorizations in a hidden iframe at the same provider
  'frame-src': ["'self'", 'https:', 'http:'],
  'worker-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  // the app submits no form anywhere (rename forms are handled in script); the authorization
  // request and logout are navigations (location.assign), which form-action does not govern
  'form-action': ["'none'"],
}

export function contentSecurityPolicy(
  directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES,
): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')
}

/** Headers a server should send with every page of the app (framing can only be refused here). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // same-origin framing stays allowed: the scope matrix's hidden iframe lands on /callback
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

const CHARSET = /<meta charset="UTF-8" \/>\n?/i

/** Writes the policy into `<head>` of the built pages, right after `<meta charset>` (before any script). */
export function withCsp(html: string, policy = contentSecurityPolicy()): string {
  if (policy.includes('"')) throw new Error('a CSP source must not contain a double quote')
  const match = CHARSET.exec(html)
  if (!match) throw new Error('index.html has no <meta charset="UTF-8" /> to put the CSP after')
  const at = match.index + match[0].length
  const meta = `    <meta http-equiv="Content-Security-Policy" content="${policy}" />\n`
  return html.slice(0, at) + meta + html.slice(at)
}

export function cspPlugin(policy = contentSecurityPolicy()): Plugin {
  return {
    name: 'oidc-lab:csp',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => withCsp(html, policy) },
  }
}
