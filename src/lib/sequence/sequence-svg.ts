import type { SequenceArrow, SequenceLayout } from './sequence-layout'

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const COLORS = {
  ink: '#0f172a',
  muted: '#64748b',
  line: '#cbd5e1',
  ok: '#334155',
  redirect: '#4338ca',
  fail: '#be123c',
  providerBox: '#eef2ff',
  box: '#f1f5f9',
}

const FONT = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace"

function arrowHead(a: SequenceArrow, color: string): string {
  const dir = a.x2 >= a.x1 ? 1 : -1
  const tip = a.x2
  const base = tip - dir * 9
  return `<polygon points="${tip},${a.y} ${base},${a.y - 5} ${base},${a.y + 5}" fill="${color}"/>`
}

function renderArrow(a: SequenceArrow): string {
  const color = a.failed ? COLORS.fail : a.kind === 'redirect' ? COLORS.redirect : COLORS.ok
  const left = Math.min(a.x1, a.x2)
  const width = Math.max(Math.abs(a.x2 - a.x1), 20)
  const mid = left + width / 2
  const dash = a.failed ? ' stroke-dasharray="6 4"' : ''
  const weight = a.failed ? 2.5 : 1.5
  const label = `${a.index}. ${a.kind === 'redirect' ? '↪ ' : ''}${a.label}`
  return [
    `<g data-exchange="${escapeXml(a.id)}" data-kind="${a.kind}" data-failed="${a.failed}" cursor="pointer">`,
    `<title>${escapeXml(a.title)}</title>`,
    `<rect x="${left}" y="${a.y - 24}" width="${width}" height="36" fill="transparent"/>`,
    `<line x1="${a.x1}" y1="${a.y}" x2="${a.x2}" y2="${a.y}" stroke="${color}" stroke-width="${weight}"${dash}/>`,
    arrowHead(a, color),
    `<text x="${mid}" y="${a.y - 6}" text-anchor="middle" font-size="11" fill="${COLORS.ink}">${escapeXml(label)}</text>`,
    `<text x="${mid}" y="${a.y + 14}" text-anchor="middle" font-size="11" fill="${a.failed ? COLORS.fail : COLORS.muted}"${a.failed ? ' font-weight="700"' : ''}>${escapeXml(a.outcome)}</text>`,
    '</g>',
  ].join('')
}

function renderLanes(layout: SequenceLayout): string {
  const parts: string[] = []
  const provider = layout.lanes.filter((l) => l.group === 'provider')
  const first = provider[0]
  const last = provider[provider.length - 1]
  if (first && last) {
    const x = first.x - 72
    const width = last.x - first.x + 144
    parts.push(
      `<rect x="${x}" y="4" width="${width}" height="20" rx="4" fill="${COLORS.providerBox}"/>`,
      `<text x="${x + width / 2}" y="18" text-anchor="middle" font-size="11" font-weight="700" fill="${COLORS.redirect}">Provider</text>`,
    )
  }
  for (const lane of layout.lanes) {
    parts.push(
      `<g data-lane="${escapeXml(lane.key)}">`,
      `<rect x="${lane.x - 68}" y="30" width="136" height="26" rx="4" fill="${lane.group === 'provider' ? COLORS.providerBox : COLORS.box}" stroke="${COLORS.line}"/>`,
      `<text x="${lane.x}" y="47" text-anchor="middle" font-size="12" font-weight="600" fill="${COLORS.ink}">${escapeXml(lane.label)}</text>`,
      `<line x1="${lane.x}" y1="${layout.top - 8}" x2="${lane.x}" y2="${layout.height - 4}" stroke="${COLORS.line}" stroke-width="1"/>`,
      '</g>',
    )
  }
  return parts.join('')
}

export interface SequenceSvgOptions {
  /** Accessible name of the picture. */
  name?: string
  /** Text alternative (the arrows in words), read by screen readers. */
  description?: string
}

/** The arrows in words: one line each, for the text alternative and the Markdown report. */
export function describeSequence(layout: SequenceLayout): string {
  if (layout.arrows.length === 0) return 'No exchanges recorded.'
  return layout.arrows.map((a) => `${a.title}${a.failed ? ' (failed)' : ''}`).join('\n')
}

/**
 * The diagram as a standalone SVG string: plain shapes and text, inline colours, no script, no
 * external reference. The app and the HTML report show the same markup. Failed arrows are
 * dashed, thicker, red and say ✕ with their status: never colour alone.
 */
export function renderSequenceSvg(
  layout: SequenceLayout,
  options: SequenceSvgOptions = {},
): string {
  const name = options.name ?? 'Sequence diagram'
  const description = options.description ?? describeSequence(layout)
  const empty =
    layout.arrows.length === 0
      ? `<text x="${layout.width / 2}" y="${layout.top + 40}" text-anchor="middle" font-size="12" fill="${COLORS.muted}">No exchanges recorded yet</text>`
      : ''
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(name)}" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" font-family="${escapeXml(FONT)}">`,
    `<title>${escapeXml(name)}</title>`,
    `<desc>${escapeXml(description)}</desc>`,
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    renderLanes(layout),
    ...layout.arrows.map(renderArrow),
    empty,
    '</svg>',
  ].join('')
}
