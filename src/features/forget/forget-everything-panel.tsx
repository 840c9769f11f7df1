import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import type { ForgetReport } from '@/lib/forget-everything'
import { flowSession } from '@/features/flow/hooks/use-flow'
import { APP_BASE } from '@/lib/app-base'

type Phase =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'working' }
  | { kind: 'done'; report: ForgetReport }

async function forgetAll(): Promise<ForgetReport> {
  // this page stops writing its flow back, so what is deleted stays deleted
  flowSession.freeze()
  const [{ runStore, DEFAULT_RUN_DB }, { forgetEverything }] = await Promise.all([
    import('@/lib/runs/run-store'),
    import('@/lib/forget-everything'),
  ])
  // empties the history on screen and closes the database, so it can be deleted
  await runStore.clear().catch(() => undefined)
  return forgetEverything({
    local: window.localStorage,
    session: window.sessionStorage,
    indexedDB: 'indexedDB' in window ? window.indexedDB : undefined,
    knownDatabases: [DEFAULT_RUN_DB],
  })
}

function summary(report: ForgetReport): string {
  const parts = [
    `${report.databases.length ? 'the run history' : 'no run history'}`,
    `${report.localKeys.length} saved setting${report.localKeys.length === 1 ? '' : 's'}`,
    `${report.sessionKeys.length} entr${report.sessionKeys.length === 1 ? 'y' : 'ies'} of this tab (flow, exchange log)`,
  ]
  return `Forgotten: ${parts.join(', ')}.`
}

/**
 * Deletes every storage the lab uses in this browser, after a confirmation; says what it deleted.
 * Opens on the confirmation (the header's button loads it on its first click).
 */
export function ForgetEverythingPanel() {
  const [phase, setPhase] = useState<Phase>({ kind: 'confirm' })
  const confirmId = useId()

  const run = async () => {
    setPhase({ kind: 'working' })
    setPhase({ kind: 'done', report: await forgetAll() })
  }

  if (phase.kind === 'confirm' || phase.kind === 'working') {
    return (
      <div
        role="group"
        aria-labelledby={confirmId}
        className="flex flex-wrap items-center gap-2 text-xs"
      >
        <span id={confirmId} className="text-slate-700">
          Delete the run history, saved setup and this tab’s flow from this browser?
        </span>
        <Button
          // the question is answered where it was asked
          autoFocus
          variant="danger"
          size="sm"
          disabled={phase.kind === 'working'}
          onClick={() => void run()}
        >
          Yes, forget everything
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setPhase({ kind: 'idle' })}>
          Cancel
        </Button>
      </div>
    )
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      {phase.kind === 'done' && (
        <p role="status" data-forgotten className="text-slate-700">
          {summary(phase.report)}{' '}
          {phase.report.problems.length > 0 && `Not deleted: ${phase.report.problems.join('; ')}. `}
          This page still shows what it had;{' '}
          <a href={APP_BASE} className="text-indigo-700 underline">
            start fresh
          </a>
          .
        </p>
      )}
      <Button variant="ghost" size="sm" onClick={() => setPhase({ kind: 'confirm' })}>
        Forget everything
      </Button>
    </div>
  )
}
