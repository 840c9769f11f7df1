import type { ReportDiagnosis, ReportInput } from '@/lib/report/report-input'
import { reportDiagnosis, stepsFromExchanges } from '@/lib/report/report-input'
import { redirectsOfFlow } from '@/lib/sequence/sequence-layout'
import type { Lab } from '@/features/flow/lab'
import { buildRun } from '@/features/flow/hooks/use-run-recorder'
import { appliesTo } from '@/features/flow/steps/context'
import type { AnyStep } from '@/features/flow/steps/types'

/**
 * What the report of the run on screen is built from: the saved-run view of it (tokens, checks,
 * userinfo), every exchange of the log, the redirects, each step's title, status and diagnosis,
 * and the client secret typed in this tab (so the report can prove it left it out).
 */
export function labReportInput(lab: Lab, steps: readonly AnyStep[], now: Date): ReportInput {
  const createdAt = lab.flow.callback?.receivedAt ?? now.toISOString()
  const run = buildRun(lab, steps, 'report', createdAt)
  const mine = steps.filter((s) => appliesTo(s, lab.config.grant))
  const byId = new Map(mine.map((s) => [s.id, s]))
  const reportSteps = stepsFromExchanges(lab.exchanges).map((s) => {
    const step = byId.get(s.id)
    return step ? { ...s, title: step.title, status: lab.statusOf(step) } : s
  })
  const diagnoses: ReportDiagnosis[] = []
  for (const step of mine) {
    const d = step.diagnosis?.(lab.resultOf(step))
    if (d) diagnoses.push(reportDiagnosis(step.title, d))
  }
  const { config } = lab
  return {
    title: `${config.clientId} · ${config.scopes.join(' ') || 'no scope'} · ${createdAt}`,
    createdAt,
    setup: {
      issuer: lab.context.issuer ?? config.issuer,
      clientId: config.clientId,
      clientType: config.clientType,
      grant: config.grant,
      redirectUri: lab.context.redirectUri,
      requestedScope: config.scopes,
      ...(run?.grantedScope ? { grantedScope: run.grantedScope } : {}),
      ...(run?.user ? { user: run.user } : {}),
    },
    steps: reportSteps,
    exchanges: [...lab.exchanges],
    redirects: redirectsOfFlow(lab.flow),
    ...(lab.context.document ? { discovery: { ...lab.context.document } } : {}),
    tokens: run?.tokens ?? {},
    ...(run?.userinfo ? { userinfo: run.userinfo } : {}),
    checks: run?.checks ?? lab.checks,
    diagnoses,
    secrets: [config.clientSecret],
  }
}
