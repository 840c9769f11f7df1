import { toFormBody } from '@/lib/wire/form'
import { exchangeStore as defaultStore, type ExchangeStore } from './exchange-store'
import type { HttpExchange, HttpRequestSpec, HttpResponseRecord } from '@/lib/wire/http-types'

/** Options for {@link sendRecorded}. */
export interface SendOptions {
  /** The flow step, shown in the log (`discovery`, `token`, `userinfo`, `jwks`…). */
  stepId?: string
  /** Where to record; defaults to the app-wide store, `null` records nothing. */
  store?: ExchangeStore | null
  /** Injected fetch (tests); defaults to the real, unwrapped `fetch`. */
  fetchImpl?: typeof fetch
  /** Give up after this many milliseconds (default 15000); recorded as a `TimeoutError`. */
  timeoutMs?: number
  /** Lets the caller cancel; recorded like any other network error. */
  signal?: AbortSignal
}

/**
 * Default time limit for one exchange.
 * @see https://dom.spec.whatwg.org/#interface-AbortSignal
 */
export const DEFAULT_TIMEOUT_MS = 15_000

const RECORDER = Symbol.for('oidc-lab.fetch-recorder')
type RecordingFetch = typeof fetch & { [RECORDER]?: () => void }

/** Init objects created by `sendRecorded`: the global recorder must not log them a second time. */
const ownRequests = new WeakSet<RequestInit>()
/** The real `fetch` saved by `installFetchRecorder`, so `sendRecorded` bypasses the wrapper. */
let unwrappedFetch: typeof fetch | undefined

/**
 * A random id; `crypto.randomUUID` only exists in secure contexts, so fall back to random bytes.
 * @see https://w3c.github.io/webcrypto/#Crypto-method-randomUUID
 */
export function createExchangeId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')
}

function describeError(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException)
    return `${error.name}: ${error.message}`
  return String(error)
}

async function toResponseRecord(
  res: Response,
  requestUrl: string,
): Promise<{ record: HttpResponseRecord; bodyError?: string }> {
  const headers: Record<string, string> = {}
  res.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value
  })
  let body = ''
  let bodyError: string | undefined
  try {
    body = await res.text()
  } catch (error) {
    bodyError = describeError(error)
  }
  const record: HttpResponseRecord = {
    status: res.status,
    statusText: res.statusText,
    headers,
    body,
  }
  if (res.redirected) record.redirected = true
  if (res.url && res.url !== requestUrl) record.url = res.url
  return bodyError ? { record, bodyError } : { record }
}

/**
 * Sends a request the lab built and records it: the only place that calls `fetch` for the flow. It
 * never throws for network problems (CORS refusals, unreachable hosts, timeouts and aborts land in
 * `networkError`), records every response header the browser exposes (lower-cased) and the body
 * text, and measures the duration with `performance.now()`. Requests go out with `mode: 'cors'`,
 * `credentials: 'omit'` (the lab never sends the provider's cookies), `cache: 'no-store'` and
 * `redirect: 'follow'` (`manual` would hide the status behind an opaque response; a redirect is
 * recorded via `redirected` and the final `url` instead). It does not retry.
 * @see https://fetch.spec.whatwg.org/#fetch-method
 */
export async function sendRecorded(
  spec: HttpRequestSpec,
  options: SendOptions = {},
): Promise<HttpExchange> {
  const { stepId, timeoutMs = DEFAULT_TIMEOUT_MS, signal } = options
  const store = options.store === undefined ? defaultStore : options.store
  const doFetch: typeof fetch =
    options.fetchImpl ??
    ((input, init) => (unwrappedFetch ?? globalThis.fetch).call(globalThis, input, init))
  const id = createExchangeId()
  const startedAt = new Date().toISOString()
  const started = performance.now()

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const forwardAbort = (): void => controller.abort(signal?.reason)
  if (signal?.aborted) forwardAbort()
  else signal?.addEventListener('abort', forwardAbort, { once: true })

  const init: RequestInit = {
    method: spec.method,
    headers: spec.headers,
    mode: 'cors',
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'follow',
    signal: controller.signal,
  }
  if (spec.form) init.body = toFormBody(spec.form)
  else if (spec.body !== undefined) init.body = spec.body
  ownRequests.add(init)

  const base = { id, ...(stepId ? { stepId } : {}), startedAt, request: spec }
  let exchange: HttpExchange
  try {
    const res = await doFetch(spec.url, init)
    const { record, bodyError } = await toResponseRecord(res, spec.url)
    exchange = {
      ...base,
      durationMs: performance.now() - started,
      response: record,
      ...(bodyError
        ? {
            networkError: timedOut
              ? timeoutMessage(timeoutMs)
              : `Body not fully read: ${bodyError}`,
          }
        : {}),
    }
  } catch (error) {
    exchange = {
      ...base,
      durationMs: performance.now() - started,
      networkError: timedOut ? timeoutMessage(timeoutMs) : describeError(error),
    }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', forwardAbort)
  }
  store?.append(exchange)
  return exchange
}

const timeoutMessage = (ms: number): string => `TimeoutError: no response within ${ms} ms`

function formPairs(body: string): [string, string][] {
  return [...new URLSearchParams(body)].map(([n, v]) => [n, v])
}

const SECRET_FORM_FIELDS = ['client_secret', 'refresh_token', 'client_assertion']

async function specFromFetchArgs(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<HttpRequestSpec | undefined> {
  const request = input instanceof Request ? input : undefined
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase()
  if (method !== 'GET' && method !== 'POST') return undefined
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  const headers: Record<string, string> = {}
  new Headers(init?.headers ?? request?.headers).forEach((value, name) => {
    headers[name] = value
  })
  const spec: HttpRequestSpec = { method, url, headers }
  let text: string | undefined
  const body = init?.body
  if (typeof body === 'string') text = body
  else if (body instanceof URLSearchParams) {
    text = body.toString()
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8'
  } else if (body !== undefined && body !== null) text = '[non-text body]'
  else if (request && request.body !== null) text = await request.clone().text()
  if (text !== undefined) {
    if (/application\/x-www-form-urlencoded/i.test(headers['content-type'] ?? ''))
      spec.form = formPairs(text)
    else spec.body = text
  }
  const secrets = [
    ...(headers.authorization !== undefined ? ['authorization'] : []),
    ...(spec.form ?? []).map(([n]) => n).filter((n) => SECRET_FORM_FIELDS.includes(n)),
  ]
  if (secrets.length) spec.secretFields = [...new Set(secrets)]
  return spec
}

/** Options for {@link installFetchRecorder}. */
export interface FetchRecorderOptions {
  /** Step id for everything recorded this way; defaults to `library`. */
  stepId?: string
}

/**
 * Wraps `globalThis.fetch` once so requests made by libraries that cannot take a custom fetch
 * (oidc-client-ts in library mode) are recorded too, with stepId `library`. Idempotent: a second
 * call returns the first call's uninstall function. Requests sent by {@link sendRecorded} are not
 * recorded twice. The wrapper rethrows network errors after recording them, as `fetch` would, and
 * reads the body from a clone. It records only GET and POST (the only methods an OpenID flow uses).
 * @see https://github.com/authts/oidc-client-ts/issues/944
 */
export function installFetchRecorder(
  store: ExchangeStore = defaultStore,
  options: FetchRecorderOptions = {},
): () => void {
  const current = globalThis.fetch as RecordingFetch
  const existing = current[RECORDER]
  if (existing) return existing
  const original = current
  const stepId = options.stepId ?? 'library'

  const recording = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (init && ownRequests.has(init)) return original.call(globalThis, input, init)
    const spec = await specFromFetchArgs(input, init).catch(() => undefined)
    if (!spec) return original.call(globalThis, input, init)
    const id = createExchangeId()
    const startedAt = new Date().toISOString()
    const started = performance.now()
    try {
      const res = await original.call(globalThis, input, init)
      const { record, bodyError } = await toResponseRecord(res.clone(), spec.url)
      store.append({
        id,
        stepId,
        startedAt,
        durationMs: performance.now() - started,
        request: spec,
        response: record,
        ...(bodyError ? { networkError: `Body not fully read: ${bodyError}` } : {}),
      })
      return res
    } catch (error) {
      store.append({
        id,
        stepId,
        startedAt,
        durationMs: performance.now() - started,
        request: spec,
        networkError: describeError(error),
      })
      throw error
    }
  }

  const wrapped = recording as RecordingFetch
  const uninstall = (): void => {
    if (globalThis.fetch === wrapped) globalThis.fetch = original
    if (unwrappedFetch === original) unwrappedFetch = undefined
  }
  wrapped[RECORDER] = uninstall
  unwrappedFetch = original
  globalThis.fetch = wrapped
  return uninstall
}
