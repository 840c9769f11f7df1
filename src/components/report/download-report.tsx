import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { downloadText } from '@/lib/download'
import type { ReportInput } from '@/lib/report/report-input'

export interface DownloadReportProps {
  /** The run to report, read when the button is pressed. */
  input: () => ReportInput | Promise<ReportInput>
  /** Only the button and a `Report options` toggle until asked (for long lists of runs). */
  compact?: boolean
  /** Only the button (HTML, redacted): the options are elsewhere. */
  bare?: boolean
  /** Why raw tokens cannot go in (a history run kept without them): said when they are asked for. */
  tokensNote?: string
}

type Format = 'html' | 'md'

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'run'

async function download(
  read: DownloadReportProps['input'],
  format: Format,
  includeTokens: boolean,
) {
  const input = await read()
  const name = `oidc-lab-report-${slug(input.title)}.${format}`
  if (format === 'html') {
    const { buildHtmlReport } = await import('@/lib/report/render-html')
    downloadText(name, 'text/html', buildHtmlReport(input, { includeTokens }))
  } else {
    const { buildMarkdownReport } = await import('@/lib/report/render-markdown')
    downloadText(name, 'text/markdown', buildMarkdownReport(input, { includeTokens }))
  }
}

/**
 * `Download report`: the run as a self-contained HTML or a Markdown file, built in the browser
 * (the builder loads on first use). Client secrets are always removed; raw tokens, codes and
 * signatures only go in when the user ticks the opt-in.
 */
export function DownloadReport({
  input,
  compact = false,
  bare = false,
  tokensNote,
}: DownloadReportProps) {
  const [showOptions, setShowOptions] = useState(!compact)
  const [format, setFormat] = useState<Format>('html')
  const [includeTokens, setIncludeTokens] = useState(false)
  const [error, setError] = useState<string>()
  const formatId = useId()
  const onClick = () => {
    setError(undefined)
    download(input, format, includeTokens).catch((e: unknown) =>
      setError(
        `The report could not be built (${e instanceof Error ? e.message : String(e)}). Reload the page and try again; the run on screen is unaffected.`,
      ),
    )
  }
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-report>
      <Button variant="secondary" size="sm" onClick={onClick}>
        Download report
      </Button>
      {compact && !bare && (
        <Button
          variant="ghost"
          size="sm"
          aria-expanded={showOptions}
          onClick={() => setShowOptions((shown) => !shown)}
        >
          Report options
        </Button>
      )}
      {showOptions && (
        <>
          <label htmlFor={formatId} className="text-xs text-slate-600">
            Report format
          </label>
          <select
            id={formatId}
            value={format}
            onChange={(e) => setFormat(e.target.value as Format)}
            className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs"
          >
            <option value="html">HTML (self-contained)</option>
            <option value="md">Markdown</option>
          </select>
          <label className="flex items-center gap-1.5 text-xs text-slate-600">
            <input
              type="checkbox"
              checked={includeTokens}
              onChange={(e) => setIncludeTokens(e.target.checked)}
            />
            Include raw tokens and codes in the report
          </label>
          {includeTokens && tokensNote && (
            <p data-raw-tokens-note className="w-full text-xs text-amber-900">
              {tokensNote}
            </p>
          )}
        </>
      )}
      {error && (
        <p role="alert" data-diagnosis="report_failed" className="w-full text-xs text-rose-700">
          {error}
        </p>
      )}
    </div>
  )
}
