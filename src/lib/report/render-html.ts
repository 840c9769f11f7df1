import type { HttpExchange } from '@/lib/wire/http-types'
import type { Check } from '@/lib/jwt/checks'
import { scrubValues } from '@/lib/http/redact'
import { escapeXml as esc } from '@/lib/sequence/sequence-svg'
import { prepareReport, type PreparedReport, type ReportOptions } from './prepare-report'
import type { ReportInput } from './report-input'
import { bodyText, exchangeLine, requestText, responseText } from './report-text'

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#0f172a;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #e2e8f0;padding-bottom:.25rem;margin-top:2rem}h3{font-size:1rem}
pre{background:#0f172a;color:#f1f5f9;padding:.75rem;border-radius:.5rem;white-space:pre-wrap;word-break:break-all;font-size:12px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #e2e8f0;padding:.25rem .5rem;text-align:left;vertical-align:top}
.pass{color:#15803d}.fail{color:#be123c;font-weight:700}.warn{color:#b45309}.skip{color:#64748b}
.diagram{overflow-x:auto;border:1px solid #e2e8f0;border-radius:.5rem}.note{color:#475569}
.claims td:first-child{font-family:ui-monospace,monospace}
`
const MARK: Record<string, string> = { pass: '✓', fail: '✕', warn: '!', skip: '–' }

function checksTable(title: string, checks: readonly Check[]): string {
  if (checks.length === 0) return ''
  const rows = checks
    .map(
      (c) =>
        `<tr data-check="${esc(c.id)}" data-status="${c.status}"><td>${esc(c.id)}</td><td class="${c.status}">${MARK[c.status] ?? ''} ${c.status}</td><td>${esc(c.message)}</td></tr>`,
    )
    .join('')
  return `<h3>Checks: ${esc(title)}</h3><table><thead><tr><th>Check</th><th>Status</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table>`
}

function claimsTable(claims: Record<string, unknown>): string {
  const rows = Object.entries(claims)
    .map(
      ([name, value]) =>
        `<tr data-claim="${esc(name)}"><td>${esc(name)}</td><td>${esc(JSON.stringify(value))}</td></tr>`,
    )
    .join('')
  return `<table class="claims"><tbody>${rows}</tbody></table>`
}

function exchangeHtml(x: HttpExchange): string {
  const body = bodyText(x)
  return [
    `<div data-exchange="${esc(x.id)}"><p><strong>${esc(exchangeLine(x))}</strong></p>`,
    `<pre>${esc(requestText(x))}</pre><pre>${esc(responseText(x))}</pre>`,
    body ? `<pre>${esc(body)}</pre>` : '',
    '</div>',
  ].join('')
}

function html(report: PreparedReport): string {
  const { input, exchanges, tokens } = report
  const { setup } = input
  const byId = new Map(exchanges.map((x) => [x.id, x]))
  const li = (label: string, value: string | undefined) =>
    value ? `<li>${esc(label)}: ${esc(value)}</li>` : ''
  const parts = [
    `<h1>OIDC Lab report: ${esc(input.title)}</h1>`,
    `<p class="note">Run of ${esc(input.createdAt)}. ${report.includeTokens ? '<strong>Raw tokens and codes are included: share with care.</strong>' : 'Client secrets, raw tokens, signatures and codes are removed.'}</p>`,
    ...(report.includeTokens && input.tokensNote
      ? [`<p class="note" data-raw-tokens-note>${esc(input.tokensNote)}</p>`]
      : []),
    '<h2>Setup</h2><ul>',
    li('Issuer', setup.issuer),
    li('Client ID', `${setup.clientId} (${setup.clientType})`),
    li('Grant', setup.grant),
    li('Redirect URI', setup.redirectUri),
    li('Scopes requested', setup.requestedScope.join(' ') || '(none)'),
    li('Scopes granted', setup.grantedScope?.join(' ')),
    li('User', setup.user),
    '</ul>',
    `<h2>Sequence diagram</h2><div class="diagram">${report.svg}</div>`,
    `<pre>${esc(report.sequenceText)}</pre>`,
    '<h2>Steps</h2>',
    ...input.redirects.map((r) => `<h3>Redirect: ${esc(r.kind)}</h3><pre>${esc(r.url)}</pre>`),
  ]
  for (const step of input.steps) {
    parts.push(`<h3>${esc(step.title)}${step.status ? ` (${esc(step.status)})` : ''}</h3>`)
    for (const id of step.exchangeIds) {
      const x = byId.get(id)
      if (x) parts.push(exchangeHtml(x))
    }
  }
  parts.push('<h2>Decoded tokens</h2>')
  if (tokens.length === 0) parts.push('<p>No tokens in this run.</p>')
  for (const t of tokens) {
    parts.push(`<section aria-label="${esc(t.name)}"><h3>${esc(t.name)} (${esc(t.kind)})</h3>`)
    if (t.header) parts.push(`<p>Header</p><pre>${esc(JSON.stringify(t.header, null, 2))}</pre>`)
    if (t.payload) parts.push('<p>Claims</p>', claimsTable(t.payload))
    if (t.raw) parts.push(`<p>Raw</p><pre>${esc(t.raw)}</pre>`)
    parts.push('</section>')
  }
  if (input.userinfo) {
    parts.push(`<h3>Userinfo response (${esc(String(input.userinfo.status ?? 'not sent'))})</h3>`)
    if (input.userinfo.claims) parts.push(claimsTable(input.userinfo.claims))
  }
  parts.push(
    '<h2>Checks</h2>',
    checksTable('ID token', input.checks.idToken),
    checksTable('Access token', input.checks.accessToken),
    checksTable('Userinfo', input.checks.userinfo),
    '<h2>Diagnoses</h2>',
  )
  if (input.diagnoses.length === 0) parts.push('<p>No diagnosis: no step failed or surprised.</p>')
  for (const d of input.diagnoses)
    parts.push(
      `<div data-diagnosis="${esc(d.code)}"><h3>${esc(d.title)} (<code>${esc(d.code)}</code>, ${esc(d.step)})</h3>`,
      `<p>${esc(d.explanation)}</p><ul><li>Cause: ${esc(d.cause)}</li><li>Fix: ${esc(d.fix)}</li>`,
      ...d.known.map((k) => `<li>Observed: ${esc(k)}</li>`),
      '</ul></div>',
    )
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>OIDC Lab report: ${esc(input.title)}</title><style>${STYLE}</style></head><body>`,
    ...parts,
    '</body></html>',
  ].join('\n')
}

/**
 * The run as one self-contained HTML file: inline CSS, the diagram as inline SVG, no script and
 * no external resource (a CSP meta forbids them), redacted by default.
 */
export function buildHtmlReport(input: ReportInput, options: ReportOptions): string {
  return scrubValues(html(prepareReport(input, options)), input.secrets ?? [])
}
