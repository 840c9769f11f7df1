/**
 * Deliberately misbehaving OpenID Providers for e2e tests: several realms on one real port. None of
 * them signs anybody in (the authorization endpoint answers at once with a code), and each deviates
 * from the specs the way some real provider does. Start: `startQuirkyProvider({ port })` (0 picks a
 * free port); `issuerFor(realm)` gives a realm's issuer. Every endpoint sends CORS headers for any
 * origin (and exposes `WWW-Authenticate`) unless noted.
 *  - `/quirky`: userinfo refuses a token without `openid` with a bare 403: no `WWW-Authenticate` at
 *    all; a second use of a code answers 403 `{"error":"access_forbidden"}` (not RFC 6749's
 *    invalid_grant).
 *  - `/nocors`: `/quirky` without CORS on its token endpoint, as a Keycloak client without Web
 *    Origins: the browser sends the request but will not let the page read the answer.
 *  - `/lenient`: a normal provider, except that userinfo answers 200 to an access token whose scope
 *    lacks `openid`, as several real providers do. It also has client_credentials for client
 *    `lenient-backend`, secret `lenient-secret` (client_secret_basic or client_secret_post): a JWT
 *    access token whose `scope` claim is the requested `scope` (`api:read` when none is sent).
 *  - `/mismatch`: a normal provider whose discovery (and tokens) say `issuer: <origin>/other`,
 *    although it is served at `<origin>/mismatch`.
 *  - `/needs-nonce`: a normal provider whose authorization endpoint redirects back with
 *    `error=invalid_request&error_description=nonce is required` when no `nonce` is sent.
 *  - `/needs-pkce`: likewise with `error_description=Missing parameter: code_challenge` (Keycloak's
 *    wording) when no `code_challenge` is sent.
 *  - `/basic-only`: a normal provider for client `basic-only`, secret `basic-secret`, that accepts
 *    the secret in an `Authorization: Basic` header only: the secret in the form body
 *    (client_secret_post), a wrong secret or none answers 401 `{"error":"invalid_client"}`.
 *  - `/hostile`: a normal provider whose ID token, access token, userinfo and token response carry
 *    markup, `<script>`, `javascript:` URLs, an RTL override and a very long string
 *    ({@link HOSTILE_CLAIMS}), each of which would set `window.__hostile` if it ever ran; its device
 *    authorization endpoint (any client) answers with a `javascript:` verification_uri_complete and
 *    a user code made of markup, and every poll with `authorization_pending` and markup in
 *    `error_description`.
 * "Normal" means: a code works once (a replay is 400 invalid_grant), S256 PKCE is checked when a
 * code_challenge was sent, and userinfo checks the token's signature and answers 401/403 with a
 * Bearer challenge (403 insufficient_scope without `openid`).
 */
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from 'jose'
import { answerBadRealm, BAD_REALMS, type BadRealm } from './bad-realms'

export const QUIRKY_REALMS = [
  'quirky',
  'nocors',
  'lenient',
  'mismatch',
  'needs-nonce',
  'needs-pkce',
  'basic-only',
  // one broken thing each, for the bad-input catalogue: see bad-realms.ts
  ...BAD_REALMS,
  'hostile',
] as const

export type QuirkyRealm = (typeof QUIRKY_REALMS)[number]

export interface QuirkyProvider {
  issuer: string
  /** The same provider without CORS on its token endpoint. */
  noCorsIssuer: string
  issuerFor(realm: QuirkyRealm): string
  close(): Promise<void>
}

export const LENIENT_BACKEND = { clientId: 'lenient-backend', secret: 'lenient-secret' } as const
export const BASIC_ONLY_CLIENT = { clientId: 'basic-only', secret: 'basic-secret' } as const

const isBadRealm = (realm: string): realm is BadRealm =>
  (BAD_REALMS as readonly string[]).includes(realm)
/** Every payload would set `window.__hostile` if the lab ever ran it. */
export const HOSTILE_MARKUP = '<img src=x onerror="window.__hostile=1">'
export const HOSTILE_SCRIPT = '<script>window.__hostile=1</script>'
export const HOSTILE_URL = 'javascript:window.__hostile=1'
export const HOSTILE_LONG = `${'W'.repeat(5000)} ${'x'.repeat(20_000)}`
export const HOSTILE_CLAIMS = {
  name: HOSTILE_MARKUP,
  given_name: HOSTILE_SCRIPT,
  preferred_username: '\u202Enimda',
  website: HOSTILE_URL,
  picture: HOSTILE_URL,
  profile: 'javascript:alert(document.domain)',
  email: `"><svg onload="window.__hostile=1">@example.com`,
  address: { formatted: HOSTILE_SCRIPT, street_address: HOSTILE_MARKUP },
  groups: [HOSTILE_MARKUP, HOSTILE_URL],
  [HOSTILE_MARKUP]: 'a claim named with markup',
  note: HOSTILE_LONG,
} as const

/** `/quirky` and `/nocors` keep their original, looser rules. */
const isLegacy = (realm: QuirkyRealm) => realm === 'quirky' || realm === 'nocors'

function isRealm(value: string): value is QuirkyRealm {
  return (QUIRKY_REALMS as readonly string[]).includes(value)
}

interface IssuedCode {
  scope: string
  nonce?: string
  clientId: string
  redirectUri: string
  codeChallenge?: string
  used: boolean
}

interface ClientCredentials {
  id: string
  secret: string
  method: 'client_secret_basic' | 'client_secret_post'
}

type Json = (status: number, body: unknown, headers?: Record<string, string>) => void

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => resolve(body))
    req.on('error', reject)
  })
}

/** RFC 6749 §2.3.1: id and secret are form-encoded before base64. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic +(\S+)$/i.exec(header ?? '')
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString()
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  const decode = (part: string) => decodeURIComponent(part.replaceAll('+', ' '))
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) }
}

function clientCredentialsOf(req: IncomingMessage, form: URLSearchParams) {
  const basic = basicCredentials(req.headers.authorization)
  if (basic) return { ...basic, method: 'client_secret_basic' as const }
  const id = form.get('client_id')
  const secret = form.get('client_secret')
  return id && secret ? { id, secret, method: 'client_secret_post' as const } : undefined
}

const hasScope = (scope: unknown, name: string) =>
  typeof scope === 'string' && scope.split(' ').includes(name)

function pkceMatches(challenge: string, verifier: string | null): boolean {
  if (!verifier) return false
  return createHash('sha256').update(verifier).digest('base64url') === challenge
}

export async function startQuirkyProvider({ port }: { port: number }): Promise<QuirkyProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(publicKey)), kid: 'quirky-1', alg: 'RS256', use: 'sig' }
  const codes = new Map<string, IssuedCode>()
  // set once the server listens; requests only come after that
  let origin = ''

  /** `/mismatch` claims another issuer than the URL it is served at. */
  const claimedIssuer = (realm: QuirkyRealm) =>
    realm === 'mismatch' ? `${origin}/other` : `${origin}/${realm}`

  const sign = (issuer: string, claims: Record<string, unknown>, typ: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ })
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey)

  function discovery(realm: QuirkyRealm) {
    const base = `${origin}/${realm}`
    return {
      issuer: claimedIssuer(realm),
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      userinfo_endpoint: `${base}/userinfo`,
      jwks_uri: `${base}/jwks`,
      scopes_supported: [
        'openid',
        'profile',
        'email',
        ...(realm === 'lenient' ? ['api:read'] : []),
      ],
      response_types_supported: ['code'],
      grant_types_supported: [
        'authorization_code',
        ...(realm === 'lenient' ? ['client_credentials'] : []),
        ...(realm === 'hostile' ? ['urn:ietf:params:oauth:grant-type:device_code'] : []),
      ],
      token_endpoint_auth_methods_supported:
        realm === 'basic-only'
          ? ['client_secret_basic']
          : ['none', 'client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
      ...(realm === 'hostile'
        ? {
            device_authorization_endpoint: `${base}/device_authorization`,
            service_documentation: HOSTILE_URL,
            op_policy_uri: HOSTILE_URL,
          }
        : {}),
    }
  }

  /** The authorization request's own error, if this realm refuses it. */
  function authorizationRefusal(realm: QuirkyRealm, params: URLSearchParams): string | undefined {
    if (realm === 'needs-nonce' && !params.get('nonce')) return 'nonce is required'
    if (realm === 'needs-pkce' && !params.get('code_challenge')) {
      return 'Missing parameter: code_challenge'
    }
    return undefined
  }

  function authorize(realm: QuirkyRealm, params: URLSearchParams, res: ServerResponse) {
    const back = new URL(params.get('redirect_uri') ?? '')
    const refusal = authorizationRefusal(realm, params)
    if (refusal) {
      back.searchParams.set('error', 'invalid_request')
      back.searchParams.set('error_description', refusal)
    } else {
      const code = randomUUID()
      codes.set(code, {
        scope: params.get('scope') ?? '',
        nonce: params.get('nonce') ?? undefined,
        clientId: params.get('client_id') ?? '',
        redirectUri: back.href,
        codeChallenge: params.get('code_challenge') ?? undefined,
        used: false,
      })
      back.searchParams.set('code', code)
    }
    back.searchParams.set('state', params.get('state') ?? '')
    res.writeHead(302, { location: back.toString() }).end()
  }

  async function tokensFor(realm: QuirkyRealm, grant: IssuedCode) {
    const issuer = claimedIssuer(realm)
    const { scope } = grant
    const extra = realm === 'hostile' ? HOSTILE_CLAIMS : { name: 'Quirky User' }
    const accessToken = await sign(
      issuer,
      {
        sub: 'user-1',
        scope,
        client_id: grant.clientId,
        aud: 'api',
        // all but the long string: the access token travels in a header, and headers are capped
        ...(realm === 'hostile' ? { ...HOSTILE_CLAIMS, note: HOSTILE_SCRIPT } : {}),
      },
      'at+jwt',
    )
    const idToken = hasScope(scope, 'openid')
      ? await sign(
          issuer,
          { sub: 'user-1', aud: grant.clientId, nonce: grant.nonce, ...extra },
          'JWT',
        )
      : undefined
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken,
      scope,
      ...(realm === 'hostile'
        ? { [HOSTILE_MARKUP]: HOSTILE_URL, session_note: HOSTILE_SCRIPT }
        : {}),
    }
  }

  /** The original `/quirky` token endpoint: no client or PKCE checks, 403 on a replayed code. */
  async function legacyToken(realm: QuirkyRealm, form: URLSearchParams, json: Json) {
    const grant = codes.get(form.get('code') ?? '')
    if (!grant) return json(400, { error: 'invalid_grant' })
    if (grant.used) {
      return json(403, { error: 'access_forbidden', error_description: 'Code already redeemed' })
    }
    grant.used = true
    return json(200, await tokensFor(realm, grant))
  }

  /** `/basic-only`: only client_secret_basic with the right secret gets through. */
  function basicOnlyRefusal(client: ClientCredentials | undefined): boolean {
    return (
      client?.method !== 'client_secret_basic' ||
      client.id !== BASIC_ONLY_CLIENT.clientId ||
      client.secret !== BASIC_ONLY_CLIENT.secret
    )
  }

  function codeGrantRefusal(
    grant: IssuedCode | undefined,
    form: URLSearchParams,
    clientId: string,
  ) {
    if (!grant) return 'code not found'
    if (grant.used) return 'code already used'
    if (grant.clientId !== clientId) return 'code issued to another client'
    const redirectUri = form.get('redirect_uri')
    if (redirectUri && redirectUri !== grant.redirectUri) return 'redirect_uri does not match'
    if (grant.codeChallenge && !pkceMatches(grant.codeChallenge, form.get('code_verifier'))) {
      return 'PKCE verification failed'
    }
    return undefined
  }

  async function clientCredentialsGrant(
    realm: QuirkyRealm,
    form: URLSearchParams,
    client: ClientCredentials | undefined,
    json: Json,
  ) {
    if (client?.id !== LENIENT_BACKEND.clientId || client.secret !== LENIENT_BACKEND.secret) {
      return json(401, { error: 'invalid_client' })
    }
    const scope = form.get('scope') || 'api:read'
    const accessToken = await sign(
      claimedIssuer(realm),
      { sub: client.id, client_id: client.id, scope, aud: 'api' },
      'at+jwt',
    )
    return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 300, scope })
  }

  async function token(realm: QuirkyRealm, req: IncomingMessage, json: Json) {
    const form = new URLSearchParams(await readBody(req))
    if (isLegacy(realm)) return legacyToken(realm, form, json)
    const client = clientCredentialsOf(req, form)
    const grantType = form.get('grant_type')
    if (realm === 'lenient' && grantType === 'client_credentials') {
      return clientCredentialsGrant(realm, form, client, json)
    }
    if (realm === 'hostile' && grantType === 'urn:ietf:params:oauth:grant-type:device_code') {
      return json(400, { error: 'authorization_pending', error_description: HOSTILE_MARKUP })
    }
    if (grantType !== 'authorization_code') return json(400, { error: 'unsupported_grant_type' })
    if (realm === 'basic-only' && basicOnlyRefusal(client)) {
      return json(401, { error: 'invalid_client' })
    }
    const code = form.get('code') ?? ''
    const grant = codes.get(code)
    const refusal = codeGrantRefusal(grant, form, client?.id ?? form.get('client_id') ?? '')
    if (!grant || refusal) return json(400, { error: 'invalid_grant', error_description: refusal })
    grant.used = true
    return json(200, await tokensFor(realm, grant))
  }

  /** The original `/quirky` userinfo: the payload is read, not verified; a bare 403 without openid. */
  function legacyUserinfo(req: IncomingMessage, res: ServerResponse, json: Json) {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? ''
    const payload = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}',
    ) as { scope?: string }
    if (!hasScope(payload.scope, 'openid')) return void res.writeHead(403).end('Forbidden')
    return json(200, { sub: 'user-1', name: 'Quirky User' })
  }

  async function verifiedPayload(realm: QuirkyRealm, token: string): Promise<JWTPayload | null> {
    try {
      return (await jwtVerify(token, publicKey, { issuer: claimedIssuer(realm) })).payload
    } catch {
      return null
    }
  }

  async function userinfo(realm: QuirkyRealm, req: IncomingMessage, json: Json) {
    const token = /^Bearer +(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    if (!token) return json(401, { error: 'invalid_request' }, { 'www-authenticate': 'Bearer' })
    const payload = await verifiedPayload(realm, token)
    if (!payload) {
      const challenge = 'Bearer error="invalid_token", error_description="invalid token"'
      return json(401, { error: 'invalid_token' }, { 'www-authenticate': challenge })
    }
    // several real providers answer userinfo whatever the token's scope
    if (!hasScope(payload.scope, 'openid') && realm !== 'lenient') {
      const challenge =
        'Bearer error="insufficient_scope", error_description="openid scope required", scope="openid"'
      return json(403, { error: 'insufficient_scope' }, { 'www-authenticate': challenge })
    }
    if (realm === 'hostile') return json(200, { sub: payload.sub, ...HOSTILE_CLAIMS })
    return json(200, { sub: payload.sub, name: 'Quirky User' })
  }

  /** `/hostile`'s device authorization (RFC 8628 §3.2): markup and a `javascript:` complete URI. */
  function deviceAuthorization(realm: QuirkyRealm, json: Json) {
    return json(200, {
      device_code: randomUUID(),
      user_code: HOSTILE_MARKUP,
      verification_uri: `${origin}/${realm}/device`,
      verification_uri_complete: HOSTILE_URL,
      expires_in: 600,
      interval: 1,
    })
  }

  function setCors(realm: string, endpoint: string, req: IncomingMessage, res: ServerResponse) {
    if (realm !== 'nocors' || endpoint !== '/token') {
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*')
    }
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type')
    if (isRealm(realm) && !isLegacy(realm)) {
      res.setHeader('Access-Control-Expose-Headers', 'WWW-Authenticate')
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin)
    const [, realm = '', ...rest] = url.pathname.split('/')
    const endpoint = `/${rest.join('/')}`
    setCors(realm, endpoint, req, res)
    if (req.method === 'OPTIONS') return void res.writeHead(204).end()
    const json: Json = (status, body, headers = {}) =>
      res
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(body))

    if (!isRealm(realm)) return json(404, { error: 'not_found' })
    if (isBadRealm(realm)) {
      const ctx = { origin, discovery: () => discovery(realm), jwk }
      if (answerBadRealm(realm, endpoint, req, res, ctx)) return
    }
    switch (endpoint) {
      case '/.well-known/openid-configuration':
        return json(200, discovery(realm))
      case '/jwks':
        return json(200, { keys: [jwk] })
      case '/authorize':
        return authorize(realm, url.searchParams, res)
      case '/token':
        return token(realm, req, json)
      case '/device_authorization':
        return realm === 'hostile'
          ? deviceAuthorization(realm, json)
          : json(404, { error: 'not_found' })
      case '/userinfo':
        return isLegacy(realm) ? legacyUserinfo(req, res, json) : userinfo(realm, req, json)
      default:
        return json(404, { error: 'not_found' })
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve))
  origin = `http://localhost:${(server.address() as AddressInfo).port}`
  const issuerFor = (realm: QuirkyRealm) => `${origin}/${realm}`
  return {
    issuer: issuerFor('quirky'),
    noCorsIssuer: issuerFor('nocors'),
    issuerFor,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // a realm that never answers keeps its sockets open
        server.closeAllConnections()
      }),
  }
}
