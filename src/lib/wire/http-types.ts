/**
 * Wire shapes shared by the pure protocol helpers (`lib/oidc`), the recorder (`lib/http`) and the UI.
 * They live in `lib/wire`, the lowest layer, so every other layer can import them and none has to
 * import another to get them.
 */

/** A request as the lab shows it before sending: everything that will go on the wire. */
export interface HttpRequestSpec {
  method: 'GET' | 'POST'
  url: string
  /** Header names as sent (case preserved for display). */
  headers: Record<string, string>
  /** `application/x-www-form-urlencoded` body as ordered pairs, when the request has a form body. */
  form?: [name: string, value: string][]
  /** Raw body text for non-form bodies (only seen on requests recorded from a library, e.g. JSON). */
  body?: string
  /** Names of headers or form fields that carry secrets (masked in the UI and in exports unless revealed). */
  secretFields?: string[]
}

/** A response as recorded: status, all headers the browser let us read, the raw body text. */
export interface HttpResponseRecord {
  status: number
  statusText: string
  /** Lower-cased header names. Under CORS the browser only exposes safelisted + `Access-Control-Expose-Headers`. */
  headers: Record<string, string>
  body: string
  /** Final URL after redirects, when it differs from the request URL. */
  url?: string
  /** True when the browser followed at least one redirect (a redirected POST may arrive as a GET). */
  redirected?: boolean
}

/** HAR-shaped record of one HTTP exchange (HAR 1.2 `entries[]`, simplified). */
export interface HttpExchange {
  id: string
  /** The flow step that sent it (`discovery`, `token`, `userinfo`, `jwks`, `library:*`…). */
  stepId?: string
  startedAt: string
  durationMs: number
  request: HttpRequestSpec
  /** Absent when the request never got an HTTP answer (network error, CORS refusal, timeout). */
  response?: HttpResponseRecord
  /** The browser's error when there was no response; `TypeError: Failed to fetch` for CORS and network alike. */
  networkError?: string
}
