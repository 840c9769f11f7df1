import type { HttpExchange } from '@/lib/wire/http-types'

/**
 * A navigation of the browser that the lab saw but did not fetch itself: the authorization
 * redirect to the provider, the callback back to the app, the logout and its return.
 */
export interface SequenceRedirect {
  /** Stable id, used as the arrow's `data-exchange` (e.g. `redirect:authorize`). */
  id: string
  kind: 'authorize' | 'callback' | 'logout' | 'logout-return'
  url: string
  /** ISO time of the navigation. */
  at: string
}

/** One lane (a participant): the browser, the app, or one endpoint of the provider. */
export interface SequenceLane {
  key: string
  label: string
  /** `provider` lanes are the provider's endpoints, drawn under one "Provider" heading. */
  group: 'browser' | 'app' | 'provider'
  /** Centre of the lane's life line. */
  x: number
}

/** One arrow: one recorded exchange or one redirect, in order. */
export interface SequenceArrow {
  /** The exchange id (or the redirect id): `data-exchange`. */
  id: string
  kind: 'exchange' | 'redirect'
  /** 1-based position in the run. */
  index: number
  from: string
  to: string
  x1: number
  x2: number
  y: number
  method: string
  /** Path of the URL (no query), for the label. */
  path: string
  /** What came back: `200 OK`, `✕ 403 Forbidden`, `✕ network error`, `redirect`… */
  outcome: string
  failed: boolean
  /** The label drawn on the arrow, shortened to fit its span. */
  label: string
  /** The full description (the arrow's tooltip and the text alternative). */
  title: string
  stepId?: string
}

export interface SequenceLayout {
  lanes: SequenceLane[]
  arrows: SequenceArrow[]
  width: number
  height: number
  /** Where the life lines start (below the lane headings). */
  top: number
}

/** What the diagram is drawn from. */
export interface SequenceInput {
  exchanges: readonly HttpExchange[]
  redirects?: readonly SequenceRedirect[]
  /** Endpoint name → URL, e.g. from the discovery document (`token` → `https://…/token`). */
  endpoints?: Readonly<Record<string, string | undefined>>
}

export const LANE_WIDTH = 150
export const ROW_HEIGHT = 44
const MARGIN_X = 20
const HEADER = 64
/** Average width of one label character at the renderer's 11 px monospace font. */
const CHAR_WIDTH = 6.7

const ENDPOINT_LABELS: Record<string, string> = {
  discovery: 'Discovery',
  authorization: 'Authorization',
  token: 'Token',
  userinfo: 'Userinfo',
  jwks: 'JWKS',
  end_session: 'End session',
  introspection: 'Introspection',
  revocation: 'Revocation',
  device_authorization: 'Device authorization',
  registration: 'Registration',
  pushed_authorization_request: 'PAR',
}

/**
 * Endpoint names from a discovery document: every `*_endpoint` member (without the suffix) and
 * `jwks_uri` as `jwks`; `discovery` is the issuer's well-known URL.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export function endpointsOf(
  document: Readonly<Record<string, unknown>> | undefined,
  issuer?: string,
): Record<string, string> {
  const endpoints: Record<string, string> = {}
  if (issuer) endpoints.discovery = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
  for (const [name, value] of Object.entries(document ?? {})) {
    if (typeof value !== 'string') continue
    if (name.endsWith('_endpoint')) endpoints[name.slice(0, -'_endpoint'.length)] = value
    else if (name === 'jwks_uri') endpoints.jwks = value
  }
  return endpoints
}

const withoutQuery = (url: string): string => url.split(/[?#]/, 1)[0] ?? url

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return withoutQuery(url)
  }
}

function laneFor(
  url: string,
  endpoints: Readonly<Record<string, string | undefined>>,
  fallback: string | undefined,
): string {
  const bare = withoutQuery(url)
  for (const [name, endpoint] of Object.entries(endpoints))
    if (endpoint && withoutQuery(endpoint) === bare) return name
  if (fallback) return fallback.replace(/^library:?/, '') || 'library'
  const last = pathOf(url).split('/').filter(Boolean).pop()
  return last ?? 'provider'
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  302: 'Found',
  303: 'See Other',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

function exchangeOutcome(x: HttpExchange): { outcome: string; failed: boolean } {
  if (!x.response) return { outcome: '✕ network error', failed: true }
  const { status, statusText } = x.response
  const reason = statusText || REASONS[status] || ''
  const failed = status >= 400 || Boolean(x.networkError)
  return { outcome: `${failed ? '✕ ' : ''}${status}${reason ? ` ${reason}` : ''}`, failed }
}

function redirectOutcome(r: SequenceRedirect): { outcome: string; failed: boolean } {
  let params: URLSearchParams
  try {
    const url = new URL(r.url)
    params = new URLSearchParams(url.search || url.hash.slice(1))
  } catch {
    params = new URLSearchParams()
  }
  const error = params.get('error')
  if (error) return { outcome: `✕ error=${error}`, failed: true }
  if (r.kind === 'callback') {
    const names = [...new Set(params.keys())].filter((n) => n !== 'iss' && n !== 'session_state')
    return { outcome: names.length ? `redirect · ${names.join(', ')}` : 'redirect', failed: false }
  }
  return { outcome: 'redirect', failed: false }
}

/** Shortens `text` to `max` characters, keeping its end (the endpoint's name) and its start. */
export function fitLabel(text: string, max: number): string {
  if (text.length <= max) return text
  if (max <= 1) return '…'
  const tail = Math.ceil((max - 1) * 0.6)
  const head = max - 1 - tail
  return `${text.slice(0, head)}…${text.slice(text.length - tail)}`
}

interface Entry {
  id: string
  kind: SequenceArrow['kind']
  from: string
  to: string
  method: string
  url: string
  outcome: string
  failed: boolean
  stepId?: string
}

const REDIRECT_LANES: Record<SequenceRedirect['kind'], [from: string, to: string, name: string]> = {
  authorize: ['browser', 'authorization', 'authorization'],
  callback: ['authorization', 'app', 'authorization'],
  logout: ['browser', 'end_session', 'end_session'],
  'logout-return': ['end_session', 'app', 'end_session'],
}

/** Exchanges in the log's order, each redirect before the first exchange that started after it. */
function orderedEntries(input: SequenceInput): Entry[] {
  const endpoints = input.endpoints ?? {}
  const redirects = [...(input.redirects ?? [])].sort((a, b) => a.at.localeCompare(b.at))
  const entries: Entry[] = []
  const pushRedirect = (r: SequenceRedirect) => {
    const [from, to] = REDIRECT_LANES[r.kind]
    const lane = (key: string) =>
      key === 'authorization' || key === 'end_session' ? laneFor(r.url, endpoints, key) : key
    entries.push({
      id: r.id,
      kind: 'redirect',
      from: lane(from),
      to: lane(to),
      method: 'GET',
      url: r.url,
      ...redirectOutcome(r),
    })
  }
  let next = 0
  for (const x of input.exchanges) {
    while (next < redirects.length && (redirects[next]?.at ?? '') <= x.startedAt)
      pushRedirect(redirects[next++] as SequenceRedirect)
    entries.push({
      id: x.id,
      kind: 'exchange',
      from: 'app',
      to: laneFor(x.request.url, endpoints, x.stepId),
      method: x.request.method,
      url: x.request.url,
      ...exchangeOutcome(x),
      ...(x.stepId ? { stepId: x.stepId } : {}),
    })
  }
  while (next < redirects.length) pushRedirect(redirects[next++] as SequenceRedirect)
  return entries
}

function laneLabel(key: string): string {
  if (key === 'browser') return 'Browser'
  if (key === 'app') return 'App (OIDC Lab)'
  return ENDPOINT_LABELS[key] ?? key
}

/**
 * Lays out the sequence diagram of a run: lanes for the browser, the app and each provider
 * endpoint in order of first use; one row per exchange (app → endpoint) and per redirect, in the
 * log's order; labels `METHOD /path` with the outcome, a failed arrow flagged by `failed` and a ✕.
 * Pure: the SVG renderer and the report draw from the same layout.
 */
export function layoutSequence(input: SequenceInput): SequenceLayout {
  const entries = orderedEntries(input)
  const keys = ['browser', 'app']
  for (const e of entries) for (const key of [e.from, e.to]) if (!keys.includes(key)) keys.push(key)
  const lanes: SequenceLane[] = keys.map((key, i) => ({
    key,
    label: laneLabel(key),
    group: key === 'browser' || key === 'app' ? key : 'provider',
    x: MARGIN_X + LANE_WIDTH / 2 + i * LANE_WIDTH,
  }))
  const xOf = (key: string) => lanes.find((l) => l.key === key)?.x ?? 0
  const arrows = entries.map((e, i): SequenceArrow => {
    const x1 = xOf(e.from)
    const x2 = xOf(e.to)
    const path = pathOf(e.url)
    const text = `${e.method} ${path}`
    const span = Math.max(Math.abs(x2 - x1) - 16, LANE_WIDTH - 16)
    return {
      id: e.id,
      kind: e.kind,
      index: i + 1,
      from: e.from,
      to: e.to,
      x1,
      x2,
      y: HEADER + 28 + i * ROW_HEIGHT,
      method: e.method,
      path,
      outcome: e.outcome,
      failed: e.failed,
      label: fitLabel(text, Math.floor(span / CHAR_WIDTH)),
      title: `${i + 1}. ${e.kind === 'redirect' ? 'Redirect: ' : ''}${text} → ${e.outcome}`,
      ...(e.stepId ? { stepId: e.stepId } : {}),
    }
  })
  return {
    lanes,
    arrows,
    width: MARGIN_X * 2 + lanes.length * LANE_WIDTH,
    height: HEADER + 28 + Math.max(arrows.length, 1) * ROW_HEIGHT,
    top: HEADER,
  }
}

/**
 * The redirects a flow recorded: the authorization URL the browser was sent to, the callback URL
 * it came back with, the logout URL and the URL the provider sent it back to.
 */
export function redirectsOfFlow(flow: {
  request?: { url?: string; startedAt?: string } | undefined
  callback?: { url: string; receivedAt: string } | undefined
  logout?: { url: string; startedAt: string; returnUrl?: string; returnedAt?: string } | undefined
}): SequenceRedirect[] {
  const redirects: SequenceRedirect[] = []
  const { request, callback, logout } = flow
  if (request?.url && request.startedAt)
    redirects.push({
      id: 'redirect:authorize',
      kind: 'authorize',
      url: request.url,
      at: request.startedAt,
    })
  if (callback)
    redirects.push({
      id: 'redirect:callback',
      kind: 'callback',
      url: callback.url,
      at: callback.receivedAt,
    })
  if (logout) {
    redirects.push({ id: 'redirect:logout', kind: 'logout', url: logout.url, at: logout.startedAt })
    if (logout.returnUrl && logout.returnedAt)
      redirects.push({
        id: 'redirect:logout-return',
        kind: 'logout-return',
        url: logout.returnUrl,
        at: logout.returnedAt,
      })
  }
  return redirects
}
