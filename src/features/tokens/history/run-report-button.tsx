import { DownloadReport } from '@/components/report/download-report'
import type { LabRun } from '@/lib/runs/types'
import { withheldSummary } from '@/lib/runs/withheld'

/** `Download report` for a run in the history (it keeps no diagnoses and no redirects). */
export function RunReportButton({ run }: { run: LabRun }) {
  return (
    <DownloadReport
      compact
      tokensNote={withheldSummary(run)}
      input={async () => {
        const { reportInputFromRun } = await import('@/lib/report/report-input')
        return reportInputFromRun(run)
      }}
    />
  )
}
