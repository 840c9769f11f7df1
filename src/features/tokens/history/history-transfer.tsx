import { useId, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { downloadText } from '@/lib/download'
import { buildRunExport, importRuns, parseRunExport } from '@/lib/runs/run-export'
import type { RunStore } from '@/lib/runs/run-store'
import type { LabRun } from '@/lib/runs/types'
import { KEEP_RAW_TOKENS_LABEL } from '@/lib/runs/withheld'
import { HarImportResult, type HarImportOutcome } from '@/features/tokens/history/har-import-result'

export interface HistoryTransferProps {
  runs: readonly LabRun[]
  store: RunStore
}

type Outcome =
  | { kind: 'runs'; text: string; problems: string[] }
  | { kind: 'har'; outcome: HarImportOutcome }
  | { kind: 'error'; text: string }

const stamp = (date: Date) => date.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Export runs / Import runs / Import HAR: the history as a file for a teammate, and back. */
export function HistoryTransfer({ runs, store }: HistoryTransferProps) {
  const keepId = useId()
  const [keepTokens, setKeepTokens] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()
  const runsInput = useRef<HTMLInputElement>(null)
  const harInput = useRef<HTMLInputElement>(null)
  const withheld = runs.filter((run) => run.withheld).length

  const exportRuns = () => {
    const file = buildRunExport(runs, { keepTokens })
    downloadText(
      `oidc-lab-runs-${stamp(new Date())}.json`,
      'application/json',
      JSON.stringify(file, null, 2),
    )
  }

  const readRuns = async (file: File) => {
    const parsed = parseRunExport(await file.text())
    if (!parsed.ok) return setOutcome({ kind: 'error', text: `${file.name}: ${parsed.message}` })
    const summary = await importRuns(store, parsed.runs, {
      file: file.name,
      at: new Date().toISOString(),
    })
    const parts = [`Imported ${plural(summary.added.length, 'run')} from ${file.name}`]
    if (summary.duplicates)
      parts.push(`${plural(summary.duplicates, 'run')} already in this history (skipped)`)
    if (parsed.rejected.length) parts.push(`${plural(parsed.rejected.length, 'run')} unreadable`)
    setOutcome({
      kind: 'runs',
      text: `${parts.join('; ')}.`,
      problems: parsed.rejected.map(
        (r) => `Run ${r.position}${r.id ? ` (${r.id})` : ''}: ${r.reason}`,
      ),
    })
  }

  const readHar = async (file: File) => {
    // the HAR analysis loads on first use: most visits never import one
    const { analyzeHar } = await import('@/lib/har-import/analyze-har')
    const result = await analyzeHar(await file.text(), {
      fileName: file.name,
      now: new Date(),
    })
    if (!result.ok) return setOutcome({ kind: 'error', text: `${file.name}: ${result.message}` })
    const summary = await importRuns(store, result.runs, {
      file: file.name,
      at: new Date().toISOString(),
    })
    setOutcome({
      kind: 'har',
      outcome: {
        file: file.name,
        runs: result.runs,
        added: summary.added,
        duplicates: summary.duplicates,
        ignored: result.ignored,
        notes: result.notes,
      },
    })
  }

  const pick = (input: HTMLInputElement | null, read: (file: File) => Promise<void>) => {
    const file = input?.files?.[0]
    if (!input || !file) return
    input.value = ''
    setOutcome(undefined)
    read(file).catch((error: unknown) =>
      setOutcome({
        kind: 'error',
        text: `${file.name} could not be imported: ${error instanceof Error ? error.message : String(error)}`,
      }),
    )
  }

  return (
    <section aria-label="Share runs" className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" disabled={runs.length === 0} onClick={exportRuns}>
          Export runs
        </Button>
        <label htmlFor={keepId} className="flex items-center gap-1.5 text-xs text-slate-700">
          <input
            id={keepId}
            type="checkbox"
            checked={keepTokens}
            onChange={(e) => setKeepTokens(e.target.checked)}
          />
          Keep raw tokens (signatures, refresh tokens, codes; client secrets are always removed)
        </label>
        <Button variant="secondary" size="sm" onClick={() => runsInput.current?.click()}>
          Import runs
        </Button>
        <Button variant="secondary" size="sm" onClick={() => harInput.current?.click()}>
          Import HAR
        </Button>
        <input
          ref={runsInput}
          type="file"
          accept=".json,application/json"
          aria-label="Runs export file"
          className="hidden"
          onChange={() => pick(runsInput.current, readRuns)}
        />
        <input
          ref={harInput}
          type="file"
          accept=".har,.json,application/json"
          aria-label="HAR file"
          className="hidden"
          onChange={() => pick(harInput.current, readHar)}
        />
      </div>
      {keepTokens && withheld > 0 && (
        <p data-export-withheld={withheld} className="text-xs text-amber-900">
          {withheld === runs.length
            ? `None of these runs has raw tokens to export: the history kept their decoded tokens only (“${KEEP_RAW_TOKENS_LABEL}” was off when they were saved).`
            : `${plural(withheld, 'run')} of ${runs.length} ${withheld === 1 ? 'was' : 'were'} saved while “${KEEP_RAW_TOKENS_LABEL}” was off: the export holds ${withheld === 1 ? 'its' : 'their'} decoded tokens only.`}{' '}
          No signatures and no refresh tokens for {withheld === 1 ? 'that run' : 'those runs'}; to
          export raw tokens, tick “{KEEP_RAW_TOKENS_LABEL}” and run the flow again.
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p
          role="alert"
          data-import-error
          className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900"
        >
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'runs' && (
        <div role="status" className="rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm">
          <p>{outcome.text}</p>
          {outcome.problems.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {outcome.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {outcome?.kind === 'har' && <HarImportResult outcome={outcome.outcome} />}
    </section>
  )
}
