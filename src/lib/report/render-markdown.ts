import type { HttpExchange } from '@/lib/wire/http-types'
import type { Check } from '@/lib/jwt/checks'
import { scrubValues } from '@/lib/http/redact'
import { bodyText, exchangeLine, requestText, responseText } from './report-text'
import type { PreparedReport } from './prepare-report'
import type { ReportOptions } from './prepare-report'
import { prepareReport } from './prepare-report'
import type { ReportInput } from './report-input'

/** A fence longer than any run of backticks in the text, so no content can close it. */
function fenced(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${text}\n${fence}`
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

function checksTable(title: string, checks: readonly Check[]): string[] {
  if (checks.length === 0) return []
  return [
    `### Checks: ${title}`,
    '',
    '| Check | Status | Why |',
    '| --- | --- | --- |',
    ...checks.map((c) => `| ${c.id} | ${c.status} | ${cell(c.message)} |`),
    '',
  ]
}

function exchangeSection(x: HttpExchange): string[] {
  const lines = [`- **${exchangeLine(x)}**`, '', fenced(requestText(x), 'http')]
  lines.push('', fenced(responseText(x), 'http'))
  const body = bodyText(x)
  if (body) lines.push('', fenced(body))
  return [...lines, '']
}

function markdown(report: PreparedReport): string {
  const { input, exchanges, tokens } = report
  const byId = new Map(exchanges.map((x) => [x.id, x]))
  const { setup } = input
  const out: string[] = [
    `# OIDC Lab report: ${input.title}`,
    '',
    `Run of ${input.createdAt}. ${report.includeTokens ? '**Raw tokens and codes are included: share with care.**' : 'Client secrets, raw tokens, signatures and codes are removed.'}`,
    '',
    ...(report.includeTokens && input.tokensNote ? [input.tokensNote, ''] : []),
    '## Setup',
    '',
    `- Issuer: ${setup.issuer}`,
    `- Client ID: ${setup.clientId} (${setup.clientType})`,
    ...(setup.grant ? [`- Grant: ${setup.grant}`] : []),
    ...(setup.redirectUri ? [`- Redirect URI: ${setup.redirectUri}`] : []),
    `- Scopes requested: ${setup.requestedScope.join(' ') || '(none)'}`,
    ...(setup.grantedScope ? [`- Scopes granted: ${setup.grantedScope.join(' ')}`] : []),
    ...(setup.user ? [`- User: ${setup.user}`] : []),
    '',
    '## Sequence diagram',
    '',
    fenced(report.sequenceText, 'text'),
    '',
    report.svg,
    '',
    '## Steps',
    '',
  ]
  for (const r of input.redirects) out.push(`### Redirect: ${r.kind}`, '', fenced(r.url), '')
  for (const step of input.steps) {
    out.push(`### ${step.title}${step.status ? ` (${step.status})` : ''}`, '')
    for (const id of step.exchangeIds) {
      const x = byId.get(id)
      if (x) out.push(...exchangeSection(x))
    }
  }
  out.push('## Decoded tokens', '')
  if (tokens.length === 0) out.push('No tokens in this run.', '')
  for (const t of tokens) {
    out.push(`### ${t.name} (${t.kind})`, '')
    if (t.header) out.push('Header:', '', fenced(JSON.stringify(t.header, null, 2), 'json'), '')
    if (t.payload) out.push('Claims:', '', fenced(JSON.stringify(t.payload, null, 2), 'json'), '')
    if (t.raw) out.push('Raw:', '', fenced(t.raw), '')
  }
  if (input.userinfo) {
    out.push(`### Userinfo response (${input.userinfo.status ?? 'not sent'})`, '')
    if (input.userinfo.claims)
      out.push(fenced(JSON.stringify(input.userinfo.claims, null, 2), 'json'), '')
  }
  out.push('## Checks', '')
  out.push(...checksTable('ID token', input.checks.idToken))
  out.push(...checksTable('Access token', input.checks.accessToken))
  out.push(...checksTable('Userinfo', input.checks.userinfo))
  out.push('## Diagnoses', '')
  if (input.diagnoses.length === 0) out.push('No diagnosis: no step failed or surprised.', '')
  for (const d of input.diagnoses)
    out.push(
      `### ${d.title} (\`${d.code}\`, ${d.step})`,
      '',
      d.explanation,
      '',
      `- Cause: ${d.cause}`,
      `- Fix: ${d.fix}`,
      ...d.known.map((k) => `- Observed: ${k}`),
      '',
    )
  return out.join('\n')
}

/** The run as a Markdown report (with the diagram as inline SVG), redacted by default. */
export function buildMarkdownReport(input: ReportInput, options: ReportOptions): string {
  return scrubValues(markdown(prepareReport(input, options)), input.secrets ?? [])
}
