import { useEffect, useState } from 'react'
import { redactExchange } from '@/lib/http/redact'
import { defaultRunLabel, runStore } from '@/lib/runs/run-store'
import type { LabRun } from '@/lib/runs/types'
import { parseScope } from '@/lib/oidc/scopes'
import type { Lab } from '@/features/flow/hooks/use-lab'

export interface RecordedRun {
  id: string
  label: string
  /** The run saved just before this one, for the one-click comparison. */
  previousId?: string
  /** Why the history could not keep it (IndexedDB disabled, quota…); the run on screen is unaffected. */
  error?: string
}

function userOf(lab: Lab): string | undefined {
  const claims = {
    ...lab.token?.accessToken?.payload,
    ...lab.token?.idToken?.payload,
    ...lab.userinfo?.claims,
  }
  const name = claims.preferred_username ?? claims.sub
  return typeof name === 'string' ? name : undefined
}

function buildRun(lab: Lab, id: string, createdAt: string): Omit<LabRun, 'label'> {
  const { token, userinfo, flow, config } = lab
  const startedAt = flow.request?.startedAt ?? createdAt
  return {
    v: 1,
    id,
    createdAt,
    issuer: lab.issuer ?? '',
    clientId: config.clientId,
    clientType: config.clientType,
    requestedScope: config.scopes,
    grantedScope:
      token?.response?.scope === undefined ? undefined : parseScope(token.response.scope),
    user: userOf(lab),
    tokens: {
      idToken: token?.response?.id_token,
      accessToken: token?.response?.access_token,
      refreshToken: token?.response?.refresh_token,
    },
    tokenStatus: token?.exchange.response?.status,
    userinfo: userinfo && { status: userinfo.exchange.response?.status, claims: userinfo.claims },
    checks: {
      idToken: lab.checks.idToken,
      accessToken: lab.checks.accessToken,
      userinfo: lab.checks.userinfo,
    },
    // a saved run never holds a client secret
    exchanges: lab.exchanges
      .filter((x) => x.startedAt >= startedAt)
      .map((x) => redactExchange(x, { tokens: false })),
  }
}

/** Saves the guided run to the history once tokens arrived, and again as userinfo and checks come in. */
export function useRunRecorder(lab: Lab): RecordedRun | undefined {
  const [recorded, setRecorded] = useState<RecordedRun>()
  const state = lab.flow.request?.state
  const createdAt = lab.flow.callback?.receivedAt
  const hasToken = lab.token !== undefined
  const snapshot =
    hasToken && state && createdAt ? buildRun(lab, `run-${state}`, createdAt) : undefined
  const key =
    snapshot &&
    JSON.stringify([
      snapshot.tokens,
      snapshot.userinfo?.status,
      snapshot.checks,
      snapshot.tokenStatus,
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
      if (current) setRecorded({ id: run.id, label: run.label, previousId: runs[index + 1]?.id })
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
