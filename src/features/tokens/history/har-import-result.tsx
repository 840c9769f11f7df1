import { DiagnosisView } from '@/components/diagnosis/diagnosis-view'
import { Badge } from '@/components/ui/badge'
import { runStepName } from '@/lib/runs/run-diagnoses'
import type { LabRun } from '@/lib/runs/types'

export interface HarImportOutcome {
  file: string
  added: LabRun[]
  duplicates: number
  runs: LabRun[]
  ignored: string[]
  notes: string[]
}

/** What a HAR became: its runs (marked as imported from HAR), their diagnoses, what was left out. */
export function HarImportResult({ outcome }: { outcome: HarImportOutcome }) {
  const { runs, added, duplicates, ignored, notes, file } = outcome
  return (
    <section
      aria-label="HAR import"
      data-har-import
      className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/50 p-4 text-sm"
    >
      <p role="status">
        {file}: {runs.length === 1 ? 'one sign-in' : `${runs.length} sign-ins`} found;{' '}
        {added.length} added to the history as imported from HAR
        {duplicates > 0 && `, ${duplicates} already there (skipped)`}.
      </p>
      {runs.map((run) => (
        <article key={run.id} data-har-run={run.id} className="space-y-2">
          <h3 className="flex flex-wrap items-center gap-2 font-semibold">
            <Badge tone="skip">imported from HAR</Badge>
            {run.label}
          </h3>
          <p className="text-xs text-slate-600">
            token endpoint {run.tokenStatus ?? 'not called'} · userinfo{' '}
            {run.userinfo?.status ?? 'not called'} · ID token{' '}
            {run.tokens.idToken ? 'received' : 'none'}
          </p>
          {(run.diagnoses ?? []).map(({ stepId, diagnosis }) => (
            <div key={stepId + diagnosis.code} data-har-step={stepId}>
              <p className="mb-1 text-xs font-medium text-slate-600">{runStepName(stepId)}</p>
              <DiagnosisView diagnosis={diagnosis} />
            </div>
          ))}
        </article>
      ))}
      {notes.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-slate-700">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {ignored.length > 0 && (
        <details>
          <summary className="cursor-pointer text-xs text-slate-700">
            {ignored.length} entries not part of the sign-in
          </summary>
          <ul
            aria-label="Entries not part of the sign-in"
            className="mt-1 space-y-0.5 text-xs break-all"
          >
            {ignored.map((line, i) => (
              <li key={`${i}-${line}`} className="font-mono">
                {line}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
