import type { JSONWebKeySet } from 'jose'
import type { HttpExchange } from '@/lib/wire/http-types'
import { redactExchange } from '@/lib/http/redact'
import { checkAccessToken } from '@/lib/jwt/access-token-checks'
import type { Check } from '@/lib/jwt/checks'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { checkIdToken, checkUserinfoSub } from '@/lib/jwt/id-token-checks'
import { parseCallbackParams, validateCallback } from '@/lib/oidc/callback-params'
import {
  accessTokenFacts,
  describeUserinfoSuccess,
  diagnoseCallback,
  diagnoseTokenError,
  diagnoseTokenResponse,
  diagnoseUserinfoError,
  type Diagnosis,
} from '@/lib/oidc/diagnose'
import { processDiscoveryResponse, processJwksResponse } from '@/lib/oidc/discovery'
import { parseScope } from '@/lib/oidc/scopes'
import { processTokenResponse } from '@/lib/oidc/token-response'
import type { ClientAuthMethod, DiscoveryDocument, TokenEndpointResponse } from '@/lib/oidc/types'
import { processUserinfoResponse } from '@/lib/oidc/userinfo'
import { defaultRunLabel } from '@/lib/runs/run-store'
import type { LabRun } from '@/lib/runs/types'
import { readHar, type HarExchange } from './read-har'

/** What an entry of the HAR was taken for. */
export type HarRole =
  | 'discovery'
  | 'jwks'
  | 'authorize'
  | 'callback'
  | 'token'
  | 'refresh'
  | 'client-credentials'
  | 'userinfo'

export interface HarAnalysisOptions {
  fileName?: string
  now?: Date
}

export type HarAnalysis =
  | {
      ok: true
      runs: LabRun[]
      /** Entries used, by position, with what they were taken for. */
      understood: { position: number; role: HarRole }[]
      /** Entries that are not part of the sign-in (`not part of the sign-in: GET … (200)`). */
      ignored: string[]
      notes: string[]
    }
  | { ok: false; message: string }

const WELL_KNOWN = '/.well-known/openid-configuration'
const MAX_LISTED = 200

type Json = Record<string, unknown>

function urlOf(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

/** Same origin and path, ignoring query and fragment. */
function samePlace(a: string | undefined, b: string | undefined): boolean {
  const x = a ? urlOf(a) : undefined
  const y = b ? urlOf(b) : undefined
  return (
    !!x &&
    !!y &&
    x.origin === y.origin &&
    x.pathname.replace(/\/+$/, '') === y.pathname.replace(/\/+$/, '')
  )
}

const header = (x: HttpExchange, name: string): string | undefined =>
  Object.entries(x.request.headers).find(([n]) => n.toLowerCase() === name)?.[1]

const formValue = (x: HttpExchange, name: string): string | undefined =>
  x.request.form?.find(([n]) => n === name)?.[1]

const bearerOf = (x: HttpExchange): string | undefined =>
  /^bearer\s+(\S+)/i.exec(header(x, 'authorization') ?? '')?.[1] ?? formValue(x, 'access_token')

const describe = (x: HarExchange) =>
  `${x.request.method} ${x.request.url}${x.response ? ` (${x.response.status})` : ' (no response)'}`

interface AuthRequest {
  exchange: HarExchange
  url: URL
  params: URLSearchParams
}

interface Found {
  document?: DiscoveryDocument
  jwks?: JSONWebKeySet
  roles: Map<HarExchange, HarRole>
  notes: string[]
}

function findDiscovery(exchanges: readonly HarExchange[], found: Found) {
  for (const x of exchanges) {
    const url = urlOf(x.request.url)
    if (!url?.pathname.endsWith(WELL_KNOWN) || !x.response) continue
    found.roles.set(x, 'discovery')
    if (x.bodyMissing) {
      found.notes.push(`The discovery answer (entry ${x.position}) has no body in this HAR.`)
      continue
    }
    const issuer = `${url.origin}${url.pathname.slice(0, -WELL_KNOWN.length)}`
    const result = processDiscoveryResponse(issuer, { ...x.response, url: x.request.url })
    if (result.ok) found.document = result.value
    else found.notes.push(`Discovery (entry ${x.position}): ${result.error.message}`)
  }
  const jwksUri = found.document?.jwks_uri
  for (const x of exchanges) {
    if (!x.response || !jwksUri || !samePlace(x.request.url, jwksUri)) continue
    found.roles.set(x, 'jwks')
    const result = processJwksResponse(x.response)
    if (result.ok) found.jwks = result.value
  }
}

function isAuthorizationUrl(url: URL, document: DiscoveryDocument | undefined): boolean {
  if (document?.authorization_endpoint && samePlace(url.href, document.authorization_endpoint))
    return url.searchParams.has('client_id') || url.searchParams.has('request_uri')
  return url.searchParams.has('response_type') && url.searchParams.has('client_id')
}

/** The authorization requests: a navigation to the endpoint, or a redirect whose Location is one. */
function findAuthorizations(exchanges: readonly HarExchange[], found: Found): AuthRequest[] {
  const requests: AuthRequest[] = []
  for (const x of exchanges) {
    for (const candidate of [x.request.url, x.location]) {
      const url = candidate ? urlOf(candidate) : undefined
      if (!url || !isAuthorizationUrl(url, found.document)) continue
      found.roles.set(x, 'authorize')
      const seen = requests.find((r) => r.url.href === url.href)
      // the navigation itself rather than the redirect that led to it
      if (seen && candidate === x.request.url) seen.exchange = x
      if (!seen) requests.push({ exchange: x, url, params: url.searchParams })
    }
  }
  return requests
}

function grantOf(x: HarExchange, document: DiscoveryDocument | undefined): string | undefined {
  if (x.request.method !== 'POST') return undefined
  const grant = formValue(x, 'grant_type')
  if (!grant) return undefined
  if (document?.token_endpoint && !samePlace(x.request.url, document.token_endpoint))
    return undefined
  return grant
}

function clientAuthOf(x: HttpExchange): ClientAuthMethod {
  if (/^basic\s/i.test(header(x, 'authorization') ?? '')) return 'client_secret_basic'
  return formValue(x, 'client_secret') !== undefined ? 'client_secret_post' : 'none'
}

function basicClientId(x: HttpExchange): string | undefined {
  const basic = /^basic\s+(\S+)/i.exec(header(x, 'authorization') ?? '')?.[1]
  if (!basic) return undefined
  try {
    return decodeURIComponent(atob(basic).split(':')[0] ?? '')
  } catch {
    return undefined
  }
}

interface TokenRead {
  exchange: HarExchange
  response?: TokenEndpointResponse
  diagnosis?: Diagnosis
  noIdToken?: Diagnosis
}

function readToken(
  x: HarExchange,
  requested: string[],
  context: Parameters<typeof diagnoseTokenError>[2],
): TokenRead {
  if (!x.response) return { exchange: x, diagnosis: diagnoseTokenError(x, undefined, context) }
  const result = processTokenResponse(x.response)
  if (!result.ok) return { exchange: x, diagnosis: diagnoseTokenError(x, result.error, context) }
  return {
    exchange: x,
    response: result.value,
    noIdToken: diagnoseTokenResponse(result.value, {
      requestedScope: requested,
      grantType: context.grantType,
    })[0],
  }
}

const toSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000)

/** A lean exchange for the run store: client secrets masked, the HAR's extras left out. */
function stored(x: HarExchange, stepId: string): HttpExchange {
  const lean: HttpExchange = {
    id: x.id,
    stepId,
    startedAt: x.startedAt,
    durationMs: x.durationMs,
    request: x.request,
  }
  if (x.response) lean.response = x.response
  if (x.networkError) lean.networkError = x.networkError
  return redactExchange(lean, { tokens: false })
}

interface Segment {
  auth?: AuthRequest
  callback?: HarExchange
  callbackUrl?: string
  token?: HarExchange
  grant: 'authorization_code' | 'client_credentials'
}

async function buildRun(
  segment: Segment,
  all: readonly HarExchange[],
  found: Found,
  options: HarAnalysisOptions,
  notes: string[],
): Promise<LabRun> {
  const { document, jwks } = found
  const auth = segment.auth?.params
  const requested = parseScope(
    auth?.get('scope') ?? (segment.token ? formValue(segment.token, 'scope') : undefined),
  )
  const diagnoses: LabRun['diagnoses'] = []
  const exchanges: HttpExchange[] = []
  const take = (x: HarExchange | undefined, role: HarRole) => {
    if (!x) return
    found.roles.set(x, role)
    if (!exchanges.some((e) => e.id === x.id)) exchanges.push(stored(x, role))
  }
  for (const [x, role] of found.roles) if (role === 'discovery' || role === 'jwks') take(x, role)
  take(segment.auth?.exchange, 'authorize')

  let createdAt = segment.token?.startedAt ?? options.now?.toISOString() ?? new Date().toISOString()
  let nonce: string | undefined
  if (segment.callback && segment.callbackUrl) {
    take(segment.callback, 'callback')
    createdAt = segment.callback.startedAt
    const params = parseCallbackParams(segment.callbackUrl)
    const validation = validateCallback({
      params,
      expectedState: auth?.get('state') ?? undefined,
      expectedIssuer: document?.issuer,
      issParameterSupported: document?.authorization_response_iss_parameter_supported,
    })
    const diagnosis = diagnoseCallback(params, validation, {
      requestedScope: requested,
      scopesSupported: document?.scopes_supported,
      usedPkce: auth?.has('code_challenge'),
      sentNonce: auth?.has('nonce'),
      prompt: auth?.get('prompt') ?? undefined,
    })
    if (diagnosis) diagnoses.push({ stepId: 'callback', diagnosis })
    nonce = auth?.get('nonce') ?? undefined
  }

  const tokenX = segment.token
  const authMethod = tokenX ? clientAuthOf(tokenX) : 'none'
  const clientId =
    auth?.get('client_id') ??
    (tokenX ? (formValue(tokenX, 'client_id') ?? basicClientId(tokenX)) : undefined) ??
    ''
  const role: HarRole = segment.grant === 'authorization_code' ? 'token' : 'client-credentials'
  take(tokenX, role)
  const token = tokenX
    ? readToken(tokenX, requested, {
        clientAuthMethod: authMethod,
        isPublicClient: authMethod === 'none',
        usedPkce: formValue(tokenX, 'code_verifier') !== undefined,
        tokenEndpoint: tokenX.request.url,
        grantType: segment.grant,
        authMethodsSupported: document?.token_endpoint_auth_methods_supported,
        ...(segment.callback
          ? {
              codeAgeSeconds: Math.max(
                0,
                toSeconds(tokenX.startedAt) - toSeconds(segment.callback.startedAt),
              ),
            }
          : {}),
      })
    : undefined
  if (token?.diagnosis) diagnoses.push({ stepId: role, diagnosis: token.diagnosis })
  if (token?.noIdToken) diagnoses.push({ stepId: role, diagnosis: token.noIdToken })
  const response = token?.response

  // userinfo and refreshes of this sign-in: they present its tokens
  let accessToken = response?.access_token
  let refreshToken = response?.refresh_token
  const start = tokenX ? all.indexOf(tokenX) : -1
  let userinfoX: HarExchange | undefined
  for (const x of start >= 0 ? all.slice(start + 1) : []) {
    const grant = grantOf(x, document)
    if (
      grant === 'refresh_token' &&
      refreshToken &&
      formValue(x, 'refresh_token') === refreshToken
    ) {
      take(x, 'refresh')
      const refreshed = readToken(x, requested, {
        clientAuthMethod: clientAuthOf(x),
        isPublicClient: clientAuthOf(x) === 'none',
        tokenEndpoint: x.request.url,
        grantType: 'refresh_token',
      })
      if (refreshed.diagnosis) diagnoses.push({ stepId: 'refresh', diagnosis: refreshed.diagnosis })
      if (refreshed.response) {
        accessToken = refreshed.response.access_token
        refreshToken = refreshed.response.refresh_token ?? refreshToken
      }
      continue
    }
    const isUserinfo = document?.userinfo_endpoint
      ? samePlace(x.request.url, document.userinfo_endpoint)
      : /\/userinfo\/?$/.test(urlOf(x.request.url)?.pathname ?? '')
    if (isUserinfo && accessToken && bearerOf(x) === accessToken && x.response) userinfoX = x
  }

  const decodedId = response?.id_token ? decodeJwt(response.id_token) : undefined
  const decodedAt = response?.access_token ? decodeJwt(response.access_token) : undefined
  let userinfo: LabRun['userinfo']
  if (userinfoX?.response) {
    take(userinfoX, 'userinfo')
    const scope = {
      ...accessTokenFacts(decodedAt?.payload),
      tokenResponseScope: response?.scope,
      requestedScope: requested,
    }
    const result = processUserinfoResponse(userinfoX.response)
    if (result.ok) {
      const claims =
        result.value.format === 'jwt' ? decodeJwt(result.value.jwt).payload : result.value.claims
      userinfo = { status: userinfoX.response.status, ...(claims ? { claims } : {}) }
      const notice = describeUserinfoSuccess({ ...scope, response: userinfoX.response })
      if (notice) diagnoses.push({ stepId: 'userinfo', diagnosis: notice })
    } else {
      userinfo = { status: userinfoX.response.status }
      const diagnosis = diagnoseUserinfoError({
        ...scope,
        response: userinfoX.response,
        error: result.error,
        grantType: segment.grant,
        expectedIssuer: document?.issuer,
        userinfoEndpoint: userinfoX.request.url,
      })
      if (diagnosis) diagnoses.push({ stepId: 'userinfo', diagnosis })
    }
    if (userinfoX.bodyMissing)
      notes.push(`The userinfo answer (entry ${userinfoX.position}) has no body in this HAR.`)
  }

  // checked as of the sign-in's own time: the HAR may be days old
  const now = tokenX ? toSeconds(tokenX.startedAt) : toSeconds(createdAt)
  const issuer = document?.issuer ?? (decodedId?.payload?.iss as string | undefined) ?? ''
  const [idChecks, atChecks] = await Promise.all([
    decodedId
      ? checkIdToken({
          token: decodedId,
          jwks,
          now,
          expected: {
            issuer,
            clientId,
            nonce,
            accessToken: response?.access_token,
            idTokenSigningAlgValuesSupported: document?.id_token_signing_alg_values_supported,
          },
        })
      : ([] as Check[]),
    decodedAt && decodedAt.kind !== 'opaque'
      ? checkAccessToken({ token: decodedAt, jwks, now, expected: { issuer } })
      : ([] as Check[]),
  ])
  const userinfoChecks =
    decodedId?.payload && userinfo?.claims
      ? [checkUserinfoSub(decodedId.payload.sub, userinfo.claims.sub)]
      : []

  const claims: Json = { ...decodedAt?.payload, ...decodedId?.payload, ...userinfo?.claims }
  const name = claims.preferred_username ?? claims.sub
  const id = `har-${auth?.get('state') ?? tokenX?.startedAt ?? createdAt}`.replace(/[^\w.:-]/g, '_')
  const run: LabRun = {
    v: 1,
    id,
    label: '',
    createdAt,
    issuer,
    clientId,
    clientType: authMethod === 'none' ? 'public' : 'confidential',
    requestedScope: requested,
    ...(response?.scope !== undefined ? { grantedScope: parseScope(response.scope) } : {}),
    ...(typeof name === 'string' ? { user: name } : {}),
    tokens: {
      ...(response?.id_token ? { idToken: response.id_token } : {}),
      ...(response?.access_token ? { accessToken: response.access_token } : {}),
      ...(response?.refresh_token ? { refreshToken: response.refresh_token } : {}),
    },
    ...(tokenX?.response ? { tokenStatus: tokenX.response.status } : {}),
    ...(userinfo ? { userinfo } : {}),
    checks: { idToken: idChecks, accessToken: atChecks, userinfo: userinfoChecks },
    exchanges: exchanges.sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    diagnoses,
    imported: {
      from: 'har',
      ...(options.fileName ? { file: options.fileName } : {}),
      at: (options.now ?? new Date()).toISOString(),
      notes,
    },
  }
  return { ...run, label: `HAR · ${defaultRunLabel(run)}` }
}

/**
 * Turns a HAR saved while an app signed in into lab runs, one per sign-in: it finds discovery and
 * JWKS, the authorization request (a navigation to the endpoint, or a redirect whose Location is
 * one), the callback to its `redirect_uri`, the code exchange for that code, the refreshes and
 * userinfo calls that present the tokens it brought, then decodes the tokens and runs the lab's
 * checks (as of the sign-in's time, signatures against the HAR's JWKS) and diagnoses. Entries it
 * does not understand are listed, never fatal. It does not fetch anything: what the HAR lacks
 * (a JWKS, a body DevTools left out) is missing from the run and said in `notes`.
 */
export async function analyzeHar(
  text: string,
  options: HarAnalysisOptions = {},
): Promise<HarAnalysis> {
  const read = readHar(text)
  if (!read.ok) return read
  const all = read.exchanges
  const found: Found = { roles: new Map(), notes: [...read.notes] }
  findDiscovery(all, found)
  const authorizations = findAuthorizations(all, found)

  const segments: Segment[] = []
  const usedTokens = new Set<HarExchange>()
  // callbacks: a request (or a redirect) to an authorization request's redirect_uri with its state
  for (const x of all) {
    for (const candidate of [x.request.url, x.location]) {
      const url = candidate ? urlOf(candidate) : undefined
      if (!url || !(url.searchParams.has('code') || url.searchParams.has('error'))) continue
      if (!url.searchParams.has('state') && authorizations.length === 0) continue
      const state = url.searchParams.get('state')
      const auth =
        authorizations.find(
          (a) =>
            a.params.get('state') === state &&
            samePlace(a.params.get('redirect_uri') ?? '', url.href),
        ) ?? authorizations.find((a) => samePlace(a.params.get('redirect_uri') ?? '', url.href))
      if (!auth) continue
      found.roles.set(x, 'callback')
      const seen = segments.find((s) => s.callbackUrl === url.href)
      if (seen && candidate === x.request.url) seen.callback = x
      if (seen) continue
      const code = url.searchParams.get('code')
      const token = code
        ? all.find(
            (t) =>
              !usedTokens.has(t) &&
              grantOf(t, found.document) === 'authorization_code' &&
              formValue(t, 'code') === code,
          )
        : undefined
      if (token) usedTokens.add(token)
      segments.push({
        auth,
        callback: x,
        callbackUrl: url.href,
        token,
        grant: 'authorization_code',
      })
    }
  }
  for (const x of all) {
    if (grantOf(x, found.document) === 'client_credentials')
      segments.push({ token: x, grant: 'client_credentials' })
  }
  // an authorization request whose callback is not in the HAR: still a run, it says what happened
  for (const auth of authorizations) {
    if (!segments.some((s) => s.auth === auth)) {
      found.notes.push(
        `The authorization request of entry ${auth.exchange.position} has no callback in this HAR (the sign-in was not finished, or the recording stopped).`,
      )
    }
  }

  if (segments.length === 0) {
    const kinds = found.document ? ' It has a discovery document, but' : ''
    return {
      ok: false,
      message: `No sign-in found in this HAR (${all.length} entries).${kinds} no callback with a code to a redirect_uri of an authorization request, and no client credentials token request. Record the HAR from before the app starts signing in until it is signed in, with "Preserve log" on (the redirects leave the page).`,
    }
  }

  const runs: LabRun[] = []
  const segmentNotes: string[][] = segments.map(() => [])
  for (const [i, segment] of segments.entries())
    runs.push(await buildRun(segment, all, found, options, segmentNotes[i] ?? []))

  const ignored = all
    .filter((x) => !found.roles.has(x))
    .map((x) =>
      x.request.method === 'GET' && x.stepId === 'http:OPTIONS'
        ? `CORS preflight: ${describe(x)}`
        : `not part of the sign-in: ${describe(x)}`,
    )
  const shown = ignored.slice(0, MAX_LISTED)
  if (ignored.length > MAX_LISTED) shown.push(`… and ${ignored.length - MAX_LISTED} more`)
  const understood = [...found.roles].map(([x, role]) => ({ position: x.position, role }))
  understood.sort((a, b) => a.position - b.position)
  for (const [i, run] of runs.entries()) {
    run.imported = {
      ...(run.imported ?? { from: 'har', at: new Date().toISOString() }),
      notes: [...found.notes, ...(segmentNotes[i] ?? []), ...shown],
    }
  }
  return { ok: true, runs, understood, ignored: shown, notes: found.notes }
}
