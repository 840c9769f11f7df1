/**
 * Realms of the quirky provider that each break one thing, for the bad-input catalogue
 * (e2e/bad-input.spec.ts). Everything not listed for a realm behaves like a "normal" quirky realm
 * (see quirky-provider.ts): discovery, an authorization endpoint that answers at once with a code,
 * a token endpoint, a signed userinfo, a JWKS.
 *  - discovery: `disc-500` (HTTP 500), `disc-404` (404), `disc-html` (a login page), `disc-truncated`
 *    (JSON cut off), `disc-null` (`null`), `disc-no-issuer` (JSON without `issuer`),
 *    `disc-otherhost` (states an issuer on 127.0.0.1 while served on localhost), `disc-nocors`
 *    (no CORS headers), `disc-hang` (never answers);
 *  - jwks: `jwks-404`, `jwks-html`, `jwks-nokid` (a key set without the token's kid);
 *  - token: `token-text` (plain text 200), `token-no-at` (JSON without access_token), `token-mac`
 *    (token_type mac), `token-truncated` (JSON cut off);
 *  - userinfo: `userinfo-401` (Bearer invalid_token), `userinfo-403` (a bare 403), `userinfo-500`,
 *    `userinfo-html` (a 200 HTML page).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export const BAD_REALMS = [
  'disc-500',
  'disc-404',
  'disc-html',
  'disc-truncated',
  'disc-null',
  'disc-no-issuer',
  'disc-otherhost',
  'disc-nocors',
  'disc-hang',
  'jwks-404',
  'jwks-html',
  'jwks-nokid',
  'token-text',
  'token-no-at',
  'token-mac',
  'token-truncated',
  'userinfo-401',
  'userinfo-403',
  'userinfo-500',
  'userinfo-html',
] as const

export type BadRealm = (typeof BAD_REALMS)[number]

export interface BadRealmContext {
  origin: string
  /** The realm's normal discovery document. */
  discovery: () => Record<string, unknown>
  jwk: Record<string, unknown>
}

const DISCOVERY = '/.well-known/openid-configuration'
const LOGIN_PAGE =
  '<!doctype html><html><head><title>Corporate SSO – Sign in</title></head><body>Sign in</body></html>'

/**
 * The answer of a bad realm for this endpoint, or false when the endpoint behaves normally.
 * `res` already carries the CORS headers.
 */
export function answerBadRealm(
  realm: BadRealm,
  endpoint: string,
  _req: IncomingMessage,
  res: ServerResponse,
  ctx: BadRealmContext,
): boolean {
  const send = (status: number, body: string, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type }).end(body)
    return true
  }
  const json = (status: number, body: unknown) => send(status, JSON.stringify(body))
  if (endpoint === DISCOVERY) {
    switch (realm) {
      case 'disc-500':
        return send(500, 'Internal Server Error', 'text/plain')
      case 'disc-404':
        return json(404, { error: 'Realm does not exist' })
      case 'disc-html':
        return send(200, LOGIN_PAGE, 'text/html')
      case 'disc-truncated':
        return send(200, JSON.stringify(ctx.discovery()).slice(0, 80))
      case 'disc-null':
        return send(200, 'null')
      case 'disc-no-issuer': {
        const { issuer: _issuer, ...rest } = ctx.discovery()
        return json(200, rest)
      }
      case 'disc-otherhost':
        return json(200, {
          ...ctx.discovery(),
          issuer: `${ctx.origin.replace('localhost', '127.0.0.1')}/${realm}`,
        })
      case 'disc-nocors':
        res.removeHeader('Access-Control-Allow-Origin')
        return json(200, ctx.discovery())
      case 'disc-hang':
        // never answers: the lab's time limit must say so
        return true
      default:
        return false
    }
  }
  if (endpoint === '/jwks') {
    if (realm === 'jwks-404') return json(404, { error: 'not_found' })
    if (realm === 'jwks-html') return send(200, LOGIN_PAGE, 'text/html')
    if (realm === 'jwks-nokid') return json(200, { keys: [{ ...ctx.jwk, kid: 'rotated-away' }] })
    return false
  }
  if (endpoint === '/token') {
    if (realm === 'token-text') return send(200, 'OK', 'text/plain')
    if (realm === 'token-no-at') return json(200, { token_type: 'Bearer', expires_in: 300 })
    if (realm === 'token-mac')
      return json(200, { access_token: 'opaque-mac-token', token_type: 'mac', expires_in: 300 })
    if (realm === 'token-truncated') return send(200, '{"access_token":"eyJhbGciOiJSUzI1NiIs')
    return false
  }
  if (endpoint === '/userinfo') {
    if (realm === 'userinfo-401') {
      res.writeHead(401, {
        'content-type': 'application/json',
        'www-authenticate': 'Bearer error="invalid_token", error_description="token revoked"',
      })
      res.end(JSON.stringify({ error: 'invalid_token' }))
      return true
    }
    if (realm === 'userinfo-403') return send(403, 'Forbidden', 'text/plain')
    if (realm === 'userinfo-500') return send(500, 'Internal Server Error', 'text/plain')
    if (realm === 'userinfo-html') return send(200, LOGIN_PAGE, 'text/html')
    return false
  }
  return false
}
