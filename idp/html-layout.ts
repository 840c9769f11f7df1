import { createHash } from 'node:crypto'

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

export type HtmlValue =
  RawHtml | string | number | boolean | null | undefined | readonly HtmlValue[]

/** Escapes interpolated values; `raw()` marks trusted markup such as nested templates. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): RawHtml {
  let out = strings[0] ?? ''
  values.forEach((value, index) => {
    out += renderValue(value) + (strings[index + 1] ?? '')
  })
  return new RawHtml(out)
}

export class RawHtml {
  readonly value: string
  constructor(value: string) {
    this.value = value
  }
  toString(): string {
    return this.value
  }
}

export function raw(value: string): RawHtml {
  return new RawHtml(value)
}

function renderValue(value: HtmlValue): string {
  if (value instanceof RawHtml) return value.value
  if (isHtmlList(value)) return value.map(renderValue).join('')
  if (value === undefined || value === null || value === false) return ''
  return escapeHtml(String(value))
}

function isHtmlList(value: HtmlValue): value is readonly HtmlValue[] {
  return Array.isArray(value)
}

// Keycloak's keycloak.v2 login theme, reduced to what these pages use; no external assets.
const styles = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;background:#f0f0f0;color:#151515;
  font-family:"RedHatText","Overpass",-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
  font-size:16px;line-height:1.5}
.kc-header{padding:62px 20px 20px;text-align:center}
.kc-header-wrapper{font-size:29px;text-transform:uppercase;letter-spacing:3px;line-height:1.2;color:#151515}
.kc-demo-note{display:inline-block;margin-top:12px;padding:2px 10px;border-radius:30px;background:#fdf7e7;
  border:1px solid #f0ab00;color:#795600;font-size:13px;letter-spacing:normal;text-transform:none}
.card{background:#fff;max-width:500px;margin:0 auto 40px;padding:32px 40px 40px;
  border-top:4px solid #0066cc;box-shadow:0 1px 2px rgba(3,3,3,.12),0 0 2px rgba(3,3,3,.06)}
h1{font-size:24px;font-weight:400;margin:0 0 24px;text-align:center}
.form-group{margin-bottom:24px}
label{display:block;font-size:14px;font-weight:600;margin-bottom:6px}
input[type=text],input[type=password]{width:100%;font:inherit;padding:6px 8px;border:1px solid #f0f0f0;
  border-bottom-color:#8a8d90;background:#fff;color:#151515}
input:focus{outline:none;border-bottom:2px solid #0066cc;padding-bottom:5px}
input[aria-invalid=true]{border-bottom:2px solid #c9190b;padding-bottom:5px}
.btn{display:block;width:100%;font:inherit;font-size:16px;padding:8px 16px;border:0;border-radius:3px;
  background:#0066cc;color:#fff;cursor:pointer}
.btn:hover,.btn:focus{background:#004080}
.btn-secondary{background:#fff;color:#0066cc;border:1px solid #0066cc}
.btn-secondary:hover,.btn-secondary:focus{background:#e7f1fa}
.btn-row{display:flex;gap:12px}
.alert{display:flex;gap:8px;margin-bottom:24px;padding:12px 16px;background:#faeae8;border-top:2px solid #c9190b;
  font-size:14px;color:#7d1007}
.alert-info{background:#e7f1fa;border-top-color:#2b9af3;color:#002952}
.small{font-size:13px;color:#6a6e73;margin-top:28px;border-top:1px solid #d2d2d2;padding-top:16px}
.small dt{font-weight:600;color:#151515}
.small dd{margin:0 0 8px}
code{font-family:"RedHatMono","Liberation Mono",Consolas,monospace;font-size:13px;background:#f0f0f0;padding:0 3px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #d2d2d2;vertical-align:top}
a{color:#0066cc}
`

export interface PageOptions {
  title: string
  body: RawHtml
  /** An inline script needs its hash in the Content-Security-Policy. */
  script?: string
}

export interface RenderedPage {
  html: string
  headers: Record<string, string>
}

export function renderPage({ title, body, script }: PageOptions): RenderedPage {
  const scriptSrc = script
    ? `script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`
    : `script-src 'none'`
  // built outside the html template, so formatting can never change the hashed script text
  const scriptElement = raw(script ? `<script>${script}</script>` : '')
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${title}</title>
        <style>
          ${raw(styles)}
        </style>
        ${scriptElement}
      </head>
      <body>
        <header class="kc-header">
          <div class="kc-header-wrapper">Demo</div>
          <div class="kc-demo-note">Demo realm — not for production</div>
        </header>
        <main class="card">${body}</main>
      </body>
    </html> `
  return {
    html: page.value,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store, must-revalidate, max-age=0',
      // no form-action: Chromium applies it to the redirect back to the app after the login POST
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; ${scriptSrc}; frame-ancestors 'self'; base-uri 'none'`,
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  }
}

/** The part of a Koa context a page needs. */
export interface PageTarget {
  set(fields: Record<string, string>): void
  body: unknown
}

export function setPage(ctx: PageTarget, page: RenderedPage): void {
  ctx.set(page.headers)
  ctx.body = page.html
}
