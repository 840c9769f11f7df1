import type { HttpExchange } from '@/lib/wire/http-types'

const MAX_BODY = 4000

function pathOf(url: string): string {
  try {
    const u = new URL(url)
    return u.pathname + u.search
  } catch {
    return url
  }
}

/** `POST https://…/token → 200 OK (12 ms)` */
export function exchangeLine(x: HttpExchange): string {
  const outcome = x.response
    ? `${x.response.status}${x.response.statusText ? ` ${x.response.statusText}` : ''}`
    : `no response (${x.networkError ?? 'network error'})`
  return `${x.request.method} ${x.request.url} → ${outcome} (${Math.round(x.durationMs)} ms)`
}

/** The request as it went on the wire (already redacted). */
export function requestText(x: HttpExchange): string {
  const { request } = x
  const lines = [`${request.method} ${pathOf(request.url)} HTTP/1.1`]
  try {
    lines.push(`Host: ${new URL(request.url).host}`)
  } catch {
    // a URL the recorder kept as typed
  }
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`)
  const body = request.form
    ? request.form.map(([name, value]) => `${name}=${value}`).join('&')
    : request.body
  if (body) lines.push('', body)
  return lines.join('\n')
}

/** Status line and headers of the response (`WWW-Authenticate` included). */
export function responseText(x: HttpExchange): string {
  if (!x.response) return `No HTTP response: ${x.networkError ?? 'unknown error'}`
  const lines = [`HTTP/1.1 ${x.response.status} ${x.response.statusText}`.trimEnd()]
  for (const [name, value] of Object.entries(x.response.headers)) lines.push(`${name}: ${value}`)
  return lines.join('\n')
}

/** The response body, pretty-printed when JSON, cut at 4000 characters. */
export function bodyText(x: HttpExchange): string {
  const body = x.response?.body ?? ''
  if (!body) return ''
  let text = body
  try {
    text = JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    // not JSON: as received
  }
  return text.length > MAX_BODY
    ? `${text.slice(0, MAX_BODY)}\n… (${text.length - MAX_BODY} more characters)`
    : text
}
