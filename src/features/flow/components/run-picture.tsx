import { lazy, Suspense, useState } from 'react'
import { DownloadReport } from '@/components/report/download-report'
import { ErrorBoundary } from '@/components/ui/error-boundary'
import type { Lab } from '@/features/flow/lab'
import { appliesTo } from '@/features/flow/steps/context'

const RunSequence = lazy(() =>
  import('@/features/flow/components/run-sequence').then((m) => ({ default: m.RunSequence })),
)

/** A run step finished (done or failed): there is a run to report. */
function finished(lab: Lab): boolean {
  return lab.steps.some(
    (s) =>
      s.phase === 'run' &&
      appliesTo(s, lab.config.grant) &&
      ['done', 'fail'].includes(lab.statusOf(s)),
  )
}

/** The run as a picture (collapsible, drawn on first open) and, once it finished, its report. */
export function RunPicture({ lab, route }: { lab: Lab; route: 'lab' | 'callback' }) {
  const [open, setOpen] = useState(route === 'callback')
  const done = finished(lab)
  if (lab.exchanges.length === 0 && !lab.flow.callback && !lab.flow.logout) return null
  return (
    <section
      aria-label="Run picture"
      className="space-y-3 rounded-xl border border-slate-200 bg-white px-5 py-4"
    >
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer font-semibold">Sequence diagram</summary>
        {open && (
          <div className="mt-3">
            <ErrorBoundary what="the sequence diagram">
              <Suspense fallback={<p className="text-sm text-slate-500">Drawing…</p>}>
                <RunSequence lab={lab} />
              </Suspense>
            </ErrorBoundary>
          </div>
        )}
      </details>
      {done && (
        <DownloadReport
          input={async () => {
            const { labReportInput } = await import('@/features/flow/components/lab-report')
            return labReportInput(lab, lab.steps, new Date())
          }}
        />
      )}
    </section>
  )
}
