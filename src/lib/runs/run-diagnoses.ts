import type { Diagnosis } from '@/lib/oidc/diagnose'
import type { LabRun } from './types'

/** The step names a saved run's diagnoses are shown under (history, report, HAR import). */
export const RUN_STEP_NAMES: Readonly<Record<string, string>> = {
  discovery: 'Discovery',
  callback: 'Callback',
  token: 'Token request',
  refresh: 'Refresh',
  'client-credentials': 'Client credentials',
  device: 'Device authorization',
  userinfo: 'Userinfo',
  introspect: 'Introspection',
  revoke: 'Revocation',
  logout: 'Logout',
}

export const runStepName = (stepId: string): string => RUN_STEP_NAMES[stepId] ?? stepId

/**
 * A diagnosis as a saved run keeps it: what went wrong and why, without its one-click action (a run
 * in the history is not the flow on screen; its fix is said in words). Info notes (a device code
 * still pending…) are not kept: the history keeps what failed or looks wrong.
 */
export function savedDiagnosis(
  stepId: string,
  diagnosis: Diagnosis | undefined,
): NonNullable<LabRun['diagnoses']>[number] | undefined {
  if (!diagnosis || diagnosis.severity === 'info') return undefined
  const { action: _action, ...kept } = diagnosis
  return { stepId, diagnosis: kept }
}
