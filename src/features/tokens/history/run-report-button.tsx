import { DownloadReport } from '@/components/report/download-report'
import type { LabRun } from '@/lib/runs/types'

/** `Download report` for a run in the history (it keeps no diagnoses and no redirects). */
export function RunReportButton({ run }: { run: LabRun }) {
  return (
    <DownloadReport
      compact
      input={async () => {
        const { reportInputFromRun } = await import('@/lib/report/report-input')
        return reportInputFromRun(run)
      }}
    />
  )
}
