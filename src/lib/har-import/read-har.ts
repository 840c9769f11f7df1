import type { HttpExchange } from '@/lib/wire/http-types'

/** One HAR entry read as the lab's exchange, with what HAR adds (position, redirect target). */
export interface HarExchange extends HttpExchange {
  /** Position in the file's `log.entries`, from 1. */
  position: number
  /** `response.redirectURL`, else the `Location` header, for 3xx answers. */
  location?: string
  /** The response body was not in the file (DevTools and Playwright may leave bodies out). */
  bodyMissing: boolean
}

export type ReadHar =
  | { ok: true; exchanges: HarExchange[]; version?: string; creator?: string; notes: string[] }
  | { ok: false; message: string }

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

function pairs(list: unknown): [string, string][] {
  if (!Array.isArray(list)) return []
  return list.flatMap((p) =>
    isObject(p) && typeof p.name === 'string'
      ? [[p.name, str(p.value) ?? ''] as [string, string]]
      : [],
  )
}

function headerRecord(list: unknown, lower: boolean): Record<string, string> {
  const record: Record<string, string> = {}
  for (const [name, value] of pairs(list)) {
    // HTTP/2 pseudo headers (`:authority`…) are not headers of the exchange
    if (name.startsWith(':')) continue
    const key = lower ? name.toLowerCase() : name
    record[key] = record[key] === undefined ? value : `${record[key]}, ${value}`
  }
  return record
}

function decodeContent(content: Json): string | undefined {
  const text = str(content.text)
  if (text === undefined) return undefined
  if (content.encoding !== 'base64') return text
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)))
  } catch {
    return undefined
  }
}

function readEntry(entry: unknown, position: number): HarExchange | string {
  if (!isObject(entry)) return `entry ${position} is not an object`
  const request = entry.request
  if (!isObject(request) || typeof request.url !== 'string' || typeof request.method !== 'string')
    return `entry ${position} has no request method and URL`
  const method = request.method.toUpperCase()
  const requestHeaders = headerRecord(request.headers, false)
  const post = isObject(request.postData) ? request.postData : undefined
  const mime = str(post?.mimeType) ?? ''
  const text = str(post?.text)
  const params = pairs(post?.params)
  const spec: HttpExchange['request'] = {
    // the lab's requests are GET or POST; a HAR's others are kept as GET for display
    method: method === 'POST' ? 'POST' : 'GET',
    url: request.url,
    headers: requestHeaders,
  }
  if (/x-www-form-urlencoded/i.test(mime) || (!text && params.length > 0)) {
    spec.form = text ? [...new URLSearchParams(text)] : params
  } else if (text) spec.body = text
  const exchange: HarExchange = {
    id: `har-${position}`,
    position,
    startedAt: str(entry.startedDateTime) ?? new Date(0).toISOString(),
    durationMs: typeof entry.time === 'number' && entry.time >= 0 ? entry.time : 0,
    request: spec,
    bodyMissing: false,
  }
  if (method !== 'GET' && method !== 'POST') exchange.stepId = `http:${method}`
  const response = isObject(entry.response) ? entry.response : undefined
  const status = typeof response?.status === 'number' ? response.status : 0
  if (!response || status <= 0) {
    // DevTools writes status 0 for a request that never got an answer (blocked, CORS, offline)
    exchange.networkError =
      str(response?._error) ?? str(response?.statusText) ?? 'no response recorded'
    return exchange
  }
  const headers = headerRecord(response.headers, true)
  const content = isObject(response.content) ? response.content : {}
  const body = decodeContent(content)
  exchange.bodyMissing = body === undefined && status !== 204 && (status < 300 || status >= 400)
  if (!headers['content-type'] && typeof content.mimeType === 'string' && content.mimeType)
    headers['content-type'] = content.mimeType
  exchange.response = {
    status,
    statusText: str(response.statusText) ?? '',
    headers,
    body: body ?? '',
  }
  const location = str(response.redirectURL) || headers.location
  if (status >= 300 && status < 400 && location) {
    try {
      exchange.location = new URL(location, request.url).href
    } catch {
      exchange.location = location
    }
  }
  return exchange
}

/**
 * Reads a HAR 1.2 file (as DevTools or Playwright save it) into exchanges, in the file's order.
 * A file that is not JSON or has no `log.entries` gets a specific message; entries that cannot be
 * read are skipped and named in `notes`, never fatal. It does not decide what an entry is.
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
export function readHar(text: string): ReadHar {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      message: `This file is not a HAR: it is not JSON (${detail}). Save one from the browser's developer tools: Network tab → Export HAR (or "Save all as HAR with content").`,
    }
  }
  if (isObject(value) && value.format === 'oidc-lab-runs')
    return {
      ok: false,
      message: 'This is an OIDC Lab runs export, not a HAR: use Import runs for it.',
    }
  const log = isObject(value) ? value.log : undefined
  if (!isObject(log) || !Array.isArray(log.entries))
    return {
      ok: false,
      message:
        'This JSON is not a HAR: it has no log.entries. A HAR comes from the browser’s developer tools (Network tab → Export HAR) or Playwright’s recordHar.',
    }
  const notes: string[] = []
  const version = str(log.version)
  if (version && version !== '1.2' && version !== '1.1')
    notes.push(`HAR version ${version}: read as HAR 1.2.`)
  const exchanges: HarExchange[] = []
  log.entries.forEach((entry, i) => {
    const read = readEntry(entry, i + 1)
    if (typeof read === 'string') notes.push(`Skipped: ${read}.`)
    else exchanges.push(read)
  })
  const creator = isObject(log.creator)
    ? [str(log.creator.name), str(log.creator.version)].filter(Boolean).join(' ')
    : undefined
  return { ok: true, exchanges, version, creator: creator || undefined, notes }
}
