import { DiagnosisView } from '@/components/diagnosis/diagnosis-view'
import { runStepName } from '@/lib/runs/run-diagnoses'
import type { LabRun } from '@/lib/runs/types'

/** A saved run's diagnoses, folded under one line that names them. */
export function RunDiagnosesView({ diagnoses }: { diagnoses: NonNullable<LabRun['diagnoses']> }) {
  if (diagnoses.length === 0) return null
  return (
    <details data-run-diagnoses={diagnoses.length} className="text-xs">
      <summary className="cursor-pointer font-medium text-rose-800">
        {diagnoses.length === 1 ? 'What went wrong' : `What went wrong (${diagnoses.length})`}:{' '}
        {diagnoses.map((d) => `${runStepName(d.stepId)}: ${d.diagnosis.title}`).join(' · ')}
      </summary>
      <div className="mt-2 space-y-2 wrap-anywhere">
        {diagnoses.map(({ stepId, diagnosis }) => (
          <div key={stepId + diagnosis.code} data-run-diagnosis={diagnosis.code}>
            <p className="mb-1 font-medium text-slate-600">{runStepName(stepId)}</p>
            <DiagnosisView diagnosis={diagnosis} />
          </div>
        ))}
      </div>
    </details>
  )
}
