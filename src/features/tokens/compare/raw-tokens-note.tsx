import type { LabRun } from '@/lib/runs/types'
import { withheldSummary } from '@/lib/runs/withheld'

/**
 * Says which of these runs the history kept without raw tokens (decoded claims only), and how to
 * keep them: their claims compare as usual, their signatures cannot be checked again.
 */
export function RawTokensNote({ runs }: { runs: readonly { side?: string; run: LabRun }[] }) {
  const notes = runs.flatMap(({ side, run }) => {
    const summary = withheldSummary(run)
    return summary ? [{ key: `${side ?? ''}${run.id}`, side, summary }] : []
  })
  if (notes.length === 0) return null
  return (
    <div
      data-raw-tokens-note
      className="rounded-lg bg-slate-50 px-3 py-2 text-xs text-slate-700 ring-1 ring-slate-200"
    >
      {notes.map((note) => (
        <p key={note.key}>
          {note.side && <b>{note.side} run: </b>}
          {note.summary}
        </p>
      ))}
    </div>
  )
}
