import { DiagnosisView } from '@/components/diagnosis/diagnosis-view'
import type { Diagnosis } from '@/lib/oidc/diagnose'
import { actionButton } from '@/features/flow/actions/action-table'
import type { Lab } from '@/features/flow/lab'

export interface DiagnosisAlertProps {
  diagnosis: Diagnosis
  /** Offers the diagnosis's action (from the action table) when given. */
  lab?: Lab
}

/** A diagnosis in the flow: the shared view, with its action from the lab's action table. */
export function DiagnosisAlert({ diagnosis, lab }: DiagnosisAlertProps) {
  const action = lab && actionButton(diagnosis.action, lab)
  return <DiagnosisView diagnosis={diagnosis} action={action} />
}
