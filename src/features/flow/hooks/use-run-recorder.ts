import { useEffect, useState } from 'react'
import { redactExchange } from '@/lib/http/redact'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { savedDiagnosis } from '@/lib/runs/run-diagnoses'
import { defaultRunLabel, runStore } from '@/lib/runs/run-store'
import type { LabRun } from '@/lib/runs/types'
import type { Lab } from '@/features/flow/lab'
import type { AnyStep } from '@/features/flow/steps/types'

export interface RecordedRun {
  id: string
  label: string
  /** The run saved just before this one, for the one-click comparison. */
  previousId?: string
  /** Why the history could not keep it (IndexedDB disabled, quota…); the run on screen is unaffected. */
  error?: string
  /** The history kept only the decoded tokens (`Keep raw tokens in history` off). */
  withheld?: boolean
}

function userOf(run: Omit<LabRun, 'label'>): string | undefined {
  const claims = {
    ...(run.tokens.accessToken ? decodeJwt(run.tokens.accessToken).payload : undefined),
    ...(run.tokens.idToken ? decodeJwt(run.tokens.idToken).payload : undefined),
    ...run.userinfo?.claims,
  }
  const name = claims.preferred_username ?? claims.sub
  return typeof name === 'string' ? name : undefined
}

/** The run as the history keeps it: each step adds its part, in registry order. */
export function buildRun(
  lab: Lab,
  steps: readonly AnyStep[],
  id: string,
  createdAt: string,
): Omit<LabRun, 'label'> | undefined {
  const { flow, config } = lab
  const startedAt = flow.request?.startedAt ?? createdAt
  let run: Omit<LabRun, 'label'> = {
    v: 1,
    id,
    createdAt,
    issuer: lab.context.issuer ?? '',
    clientId: config.clientId,
    clientType: config.clientType,
    requestedScope: config.scopes,
    tokens: {},
    checks: { idToken: [], accessToken: [], userinfo: [] },
    // a saved run never holds a client secret
    exchanges: lab.exchanges
      .filter((x) => x.startedAt >= startedAt)
      .map((x) => redactExchange(x, { tokens: false })),
  }
  let contributed = false
  const diagnoses: NonNullable<LabRun['diagnoses']> = []
  for (const step of steps) {
    const result = lab.resultOf(step)
    if (result === undefined) continue
    // what went wrong stays with the run: the history and its report say it again later
    const diagnosis = savedDiagnosis(step.id, step.diagnosis?.(result))
    if (diagnosis) diagnoses.push(diagnosis)
    if (!step.record) continue
    run = { ...run, ...step.record(result, lab) }
    contributed = true
  }
  if (!contributed) return undefined
  return { ...run, ...(diagnoses.length > 0 ? { diagnoses } : {}), user: userOf(run) }
}

/** Saves the guided run to the history once tokens arrived, and again as userinfo and checks come in. */
export function useRunRecorder(lab: Lab, steps: readonly AnyStep[]): RecordedRun | undefined {
  const [recorded, setRecorded] = useState<RecordedRun>()
  const state = lab.flow.request?.state
  const createdAt = lab.flow.callback?.receivedAt
  const snapshot = state && createdAt ? buildRun(lab, steps, `run-${state}`, createdAt) : undefined
  const key =
    snapshot &&
    JSON.stringify([
      snapshot.tokens,
      snapshot.userinfo?.status,
      snapshot.checks,
      snapshot.tokenStatus,
      snapshot.diagnoses?.map((d) => `${d.stepId}:${d.diagnosis.code}`),
    ])

  useEffect(() => {
    if (!snapshot || !key) return
    let current = true
    void (async () => {
      const existing = await runStore.get(snapshot.id)
      const run: LabRun = {
        ...snapshot,
        label: existing?.label ?? defaultRunLabel({ ...snapshot, label: '' }),
      }
      await runStore.save(run)
      const { runs } = await runStore.list()
      const index = runs.findIndex((r) => r.id === run.id)
      if (current)
        setRecorded({
          id: run.id,
          label: run.label,
          previousId: runs[index + 1]?.id,
          ...(runs[index]?.withheld ? { withheld: true } : {}),
        })
    })().catch((e: unknown) => {
      if (current)
        setRecorded({
          id: snapshot.id,
          label: '',
          error: e instanceof Error ? e.message : String(e),
        })
    })
    return () => {
      current = false
    }
    // the key captures every change worth saving; the snapshot object is new on each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return recorded
}
