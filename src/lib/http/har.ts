import { toFormBody } from '@/lib/wire/form'
import { redactExchange, type RedactOptions } from './redact'
import type { HttpExchange } from '@/lib/wire/http-types'

/** A name/value pair as HAR lists headers, query strings and form params. */
export interface HarNameValue {
  name: string
  value: string
}

/** One HAR 1.2 entry, plus `_stepId`, `_exchangeId` and `_error` (custom fields start with `_`). */
export interface HarEntry {
  startedDateTime: string
  time: number
  request: {
    method: string
    url: string
    httpVersion: string
    cookies: []
    headers: HarNameValue[]
    queryString: HarNameValue[]
    postData?: { mimeType: string; params?: HarNameValue[]; text: string }
    headersSize: -1
    bodySize: number
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    cookies: []
    headers: HarNameValue[]
    content: { size: number; mimeType: string; text: string }
    redirectURL: string
    headersSize: -1
    bodySize: -1
    _error?: string
  }
  cache: Record<string, never>
  timings: { send: number; wait: number; receive: number }
  _stepId?: string
  _exchangeId: string
}

/** A HAR 1.2 document. */
export interface Har {
  log: {
    version: '1.2'
    creator: { name: string; version: string }
    entries: HarEntry[]
  }
}

/** Options for {@link toHar}. */
export interface HarOptions {
  /** Creator version written into the file; defaults to `0.1.0`. */
  creatorVersion?: string
  /** Redaction applied to every exchange (client secrets are masked by default); `false` exports everything. */
  redact?: RedactOptions | false
}

const byteLength = (text: string): number => new TextEncoder().encode(text).length

const pairs = (record: Record<string, string>): HarNameValue[] =>
  Object.entries(record).map(([name, value]) => ({ name, value }))

function queryOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }))
  } catch {
    return []
  }
}

function entryOf(x: HttpExchange): HarEntry {
  const { request, response } = x
  const requestType =
    Object.entries(request.headers).find(([n]) => n.toLowerCase() === 'content-type')?.[1] ??
    (request.form ? 'application/x-www-form-urlencoded' : 'text/plain')
  const requestText = request.form ? toFormBody(request.form) : (request.body ?? '')
  const entry: HarEntry = {
    startedDateTime: x.startedAt,
    time: Math.max(0, x.durationMs),
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(request.headers),
      queryString: queryOf(request.url),
      headersSize: -1,
      bodySize: byteLength(requestText),
    },
    response: {
      status: response?.status ?? 0,
      statusText: response?.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: response ? pairs(response.headers) : [],
      content: {
        size: response ? byteLength(response.body) : 0,
        mimeType: response?.headers['content-type'] ?? 'x-unknown',
        text: response?.body ?? '',
      },
      redirectURL: response?.redirected && response.url ? response.url : '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: Math.max(0, x.durationMs), receive: 0 },
    _exchangeId: x.id,
  }
  if (request.form || request.body !== undefined) {
    entry.request.postData = {
      mimeType: requestType,
      ...(request.form ? { params: request.form.map(([name, value]) => ({ name, value })) } : {}),
      text: requestText,
    }
  }
  if (x.networkError) entry.response._error = x.networkError
  if (x.stepId) entry._stepId = x.stepId
  return entry
}

/**
 * Converts recorded exchanges to a HAR 1.2 document (creator “OIDC Lab”), for browser devtools and
 * HAR viewers. By default client secrets are masked via `redactExchange` (pass `redact: { tokens:
 * true }` to hide tokens too, or `false` for a raw export). Exchanges without a response get status
 * 0 and `_error`. It does not know header sizes or cookies (the browser hides them), so those are
 * -1 or empty.
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
export function toHar(exchanges: readonly HttpExchange[], options: HarOptions = {}): Har {
  const redact = options.redact === undefined ? { tokens: false } : options.redact
  const entries = exchanges.map((x) => entryOf(redact ? redactExchange(x, redact) : x))
  return {
    log: {
      version: '1.2',
      creator: { name: 'OIDC Lab', version: options.creatorVersion ?? '0.1.0' },
      entries,
    },
  }
}
