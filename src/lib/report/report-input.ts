import type { HttpExchange } from '@/lib/wire/http-types'
import type { Check } from '@/lib/jwt/checks'
import type { LabRun } from '@/lib/runs/types'
import { withheldSummary } from '@/lib/runs/withheld'
import type { SequenceRedirect } from '@/lib/sequence/sequence-layout'
import { runStepName } from '@/lib/runs/run-diagnoses'
import type { Diagnosis } from '@/lib/oidc/diagnose'

/** One step of the run as the report tells it. */
export interface ReportStep {
  id: string
  title: string
  /** `done`, `fail`, … when the live run knows it. */
  status?: string
  exchangeIds: string[]
}

/** A diagnosis as the report prints it. */
export interface ReportDiagnosis {
  step: string
  code: string
  title: string
  explanation: string
  cause: string
  fix: string
  known: string[]
}

/** A diagnosis as the report prints it, under the name of the step it belongs to. */
export function reportDiagnosis(step: string, d: Diagnosis): ReportDiagnosis {
  return {
    step,
    code: d.code,
    title: d.title,
    explanation: d.explanation,
    cause: d.cause,
    fix: d.fix,
    known: d.known,
  }
}

/** Everything a report is built from: plain data, from a live run or from the history. */
export interface ReportInput {
  title: string
  createdAt: string
  setup: {
    issuer: string
    clientId: string
    clientType: string
    grant?: string
    redirectUri?: string
    requestedScope: string[]
    grantedScope?: string[]
    user?: string
  }
  steps: ReportStep[]
  exchanges: HttpExchange[]
  redirects: SequenceRedirect[]
  /** The discovery document, to name the provider's endpoints in the diagram. */
  discovery?: Readonly<Record<string, unknown>>
  tokens: { idToken?: string; accessToken?: string; refreshToken?: string }
  userinfo?: { status?: number; claims?: Record<string, unknown> }
  checks: { idToken: Check[]; accessToken: Check[]; userinfo: Check[] }
  diagnoses: ReportDiagnosis[]
  /** Values that must never appear in the report, e.g. the client secret typed in this tab. */
  secrets?: string[]
  /** Why the raw tokens cannot be in the report (a history run kept without them), with the fix. */
  tokensNote?: string
}

const STEP_TITLES: Record<string, string> = {
  discovery: 'Discovery',
  jwks: 'Signing keys (JWKS)',
  token: 'Token request',
  userinfo: 'Userinfo',
  refresh: 'Refresh',
  introspect: 'Introspection',
  revoke: 'Revocation',
  'client-credentials': 'Client credentials',
  device: 'Device authorization',
}

/** Steps from the exchanges' step ids, in order of first appearance. */
export function stepsFromExchanges(exchanges: readonly HttpExchange[]): ReportStep[] {
  const steps: ReportStep[] = []
  for (const x of exchanges) {
    const id = x.stepId ?? 'other'
    let step = steps.find((s) => s.id === id)
    if (!step) {
      step = { id, title: STEP_TITLES[id] ?? id, exchangeIds: [] }
      steps.push(step)
    }
    step.exchangeIds.push(x.id)
  }
  return steps
}

/** The report of a run kept in the history (with the diagnoses it kept; it keeps no redirects). */
export function reportInputFromRun(run: LabRun, extra: Partial<ReportInput> = {}): ReportInput {
  const tokensNote = withheldSummary(run)
  return {
    title: run.label,
    createdAt: run.createdAt,
    setup: {
      issuer: run.issuer,
      clientId: run.clientId,
      clientType: run.clientType,
      requestedScope: run.requestedScope,
      ...(run.grantedScope ? { grantedScope: run.grantedScope } : {}),
      ...(run.user ? { user: run.user } : {}),
    },
    steps: stepsFromExchanges(run.exchanges),
    exchanges: run.exchanges,
    redirects: [],
    tokens: run.tokens,
    ...(run.userinfo ? { userinfo: run.userinfo } : {}),
    checks: run.checks,
    diagnoses: (run.diagnoses ?? []).map(({ stepId, diagnosis }) =>
      reportDiagnosis(runStepName(stepId), diagnosis),
    ),
    ...(tokensNote ? { tokensNote } : {}),
    ...extra,
  }
}
