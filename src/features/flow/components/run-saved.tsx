import { KEEP_RAW_TOKENS_LABEL } from '@/lib/runs/withheld'
import type { RecordedRun } from '@/features/flow/hooks/use-run-recorder'
import { appPath } from '@/lib/app-base'

export function RunSaved({ run }: { run: RecordedRun | undefined }) {
  if (!run) return null
  if (run.error)
    return (
      <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm">
        This run could not be saved to the history ({run.error}); everything on this page is still
        here.
      </p>
    )
  return (
    <p
      role="status"
      data-run-id={run.id}
      className="flex flex-wrap items-center gap-3 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-2 text-sm"
    >
      <span>
        Saved to the history as <strong>{run.label}</strong>.
      </span>
      {run.withheld && (
        <span data-raw-tokens="withheld" className="text-xs text-slate-600">
          Decoded claims only: the history keeps no signatures and no refresh token unless you tick
          “{KEEP_RAW_TOKENS_LABEL}” on the History view.
        </span>
      )}
      {run.previousId && (
        <a
          className="font-medium text-indigo-700 underline"
          href={appPath(`#compare=${run.previousId},${run.id}`)}
        >
          Compare with the previous run
        </a>
      )}
      <a className="text-indigo-700 underline" href={appPath('#history')}>
        History
      </a>
    </p>
  )
}
