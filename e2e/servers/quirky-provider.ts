/**
 * A deliberately non-standard OpenID Provider for e2e tests, on a real port: it signs in nobody
 * (the authorization endpoint answers at once with a code), and deviates from the specs the way
 * some real providers do. Start: `startQuirkyProvider({ port })`.
 *  - userinfo refuses a token without `openid` with a bare 403: no `WWW-Authenticate` at all;
 *  - a second use of a code answers 403 `{"error":"access_forbidden"}` (not RFC 6749's invalid_grant).
 * Under `/nocors` the same provider forgets CORS on its token endpoint, as a Keycloak client without
 * Web Origins does: the browser sends the request but will not let the page read the answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'

export interface QuirkyProvider {
  issuer: string
  /** The same provider without CORS on its token endpoint. */
  noCorsIssuer: string
  close(): Promise<void>
}

export async function startQuirkyProvider({ port }: { port: number }): Promise<QuirkyProvider> {
  const origin = `http://localhost:${port}`
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(publicKey)), kid: 'quirky-1', alg: 'RS256', use: 'sig' }
  const codes = new Map<
    string,
    { scope: string; nonce?: string; clientId: string; used: boolean }
  >()

  const sign = (issuer: string, claims: Record<string, unknown>, typ: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ })
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey)

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin)
    const [, realm = '', ...rest] = url.pathname.split('/')
    const issuer = `${origin}/${realm}`
    const endpoint = `/${rest.join('/')}`
    if (realm !== 'nocors' || endpoint !== '/token')
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*')
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type')
    if (req.method === 'OPTIONS') return void res.writeHead(204).end()
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))

    if (realm !== 'quirky' && realm !== 'nocors') return json(404, { error: 'not_found' })
    switch (endpoint) {
      case '/.well-known/openid-configuration':
        return json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwks`,
          scopes_supported: ['openid', 'profile', 'email'],
          response_types_supported: ['code'],
          code_challenge_methods_supported: ['S256'],
          id_token_signing_alg_values_supported: ['RS256'],
        })
      case '/jwks':
        return json(200, { keys: [jwk] })
      case '/authorize': {
        const code = randomUUID()
        codes.set(code, {
          scope: url.searchParams.get('scope') ?? '',
          nonce: url.searchParams.get('nonce') ?? undefined,
          clientId: url.searchParams.get('client_id') ?? '',
          used: false,
        })
        const back = new URL(url.searchParams.get('redirect_uri') ?? '')
        back.searchParams.set('code', code)
        back.searchParams.set('state', url.searchParams.get('state') ?? '')
        return void res.writeHead(302, { location: back.toString() }).end()
      }
      case '/token': {
        const form = new URLSearchParams(await readBody(req))
        const grant = codes.get(form.get('code') ?? '')
        if (!grant) return json(400, { error: 'invalid_grant' })
        if (grant.used)
          return json(403, {
            error: 'access_forbidden',
            error_description: 'Code already redeemed',
          })
        grant.used = true
        const scope = grant.scope
        const accessToken = await sign(
          issuer,
          { sub: 'user-1', scope, client_id: grant.clientId, aud: 'api' },
          'at+jwt',
        )
        const idToken = scope.split(' ').includes('openid')
          ? await sign(
              issuer,
              { sub: 'user-1', aud: grant.clientId, nonce: grant.nonce, name: 'Quirky User' },
              'JWT',
            )
          : undefined
        return json(200, {
          access_token: accessToken,
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken,
          scope,
        })
      }
      case '/userinfo': {
        const token = req.headers.authorization?.replace(/^Bearer /, '') ?? ''
        const payload = JSON.parse(
          Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}',
        ) as {
          scope?: string
        }
        if (!payload.scope?.split(' ').includes('openid'))
          return void res.writeHead(403).end('Forbidden')
        return json(200, { sub: 'user-1', name: 'Quirky User' })
      }
      default:
        return json(404, { error: 'not_found' })
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve))
  return {
    issuer: `${origin}/quirky`,
    noCorsIssuer: `${origin}/nocors`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => resolve(body))
    req.on('error', reject)
  })
}
