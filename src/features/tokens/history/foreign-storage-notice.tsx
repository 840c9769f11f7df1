import { useState } from 'react'
import { Button } from '@/components/ui/button'

export interface ForeignStorageNoticeProps {
  /** Why the storage is foreign (see RunList.foreign). */
  reason: string
  onRepair: () => Promise<{ kept: number; lost: number }>
}

/** The run history storage has a shape this lab did not create: say so, and offer to rebuild it. */
export function ForeignStorageNotice({ reason, onRepair }: ForeignStorageNoticeProps) {
  const [state, setState] = useState<'idle' | 'working' | { error: string }>('idle')
  return (
    <div
      role="alert"
      data-diagnosis="history_storage_foreign"
      className="space-y-2 rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950"
    >
      <p className="font-semibold">The run history storage cannot save runs</p>
      <p>
        Its shape is not the one this lab creates ({reason}). Likely cause: another app or an older
        experiment on this origin used the database name <code>oidc-lab-runs</code>. Fix: reset it;
        every record that still reads as a run is kept.
      </p>
      <Button
        size="sm"
        disabled={state === 'working'}
        onClick={() => {
          setState('working')
          onRepair().then(
            () => setState('idle'),
            (error: unknown) =>
              setState({ error: error instanceof Error ? error.message : String(error) }),
          )
        }}
      >
        Reset history storage
      </Button>
      {typeof state === 'object' && <p>The reset failed: {state.error}</p>}
    </div>
  )
}
