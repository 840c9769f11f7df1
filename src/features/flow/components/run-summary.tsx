import type { ReactNode } from 'react'
import type { Lab } from '@/features/flow/lab'
import type { TokenResult } from '@/features/flow/steps/token-result'
import type { AnyStep } from '@/features/flow/steps/types'
import { userinfoStep } from '@/features/flow/steps/userinfo/step'

export interface RunSummaryProps {
  lab: Lab
  steps: readonly AnyStep[]
  /** Unfolds a step and brings it into view. */
  onShowStep: (id: string) => void
}

interface Line {
  label: string
  value: ReactNode
  step: string
  data: string
}

/** The tokens of the newest step that brought some, with that step. */
function newestTokens(lab: Lab, steps: readonly AnyStep[]) {
  for (const step of [...steps].reverse()) {
    if (!step.tokens) continue
    const result = lab.resultOf(step)
    const tokens: TokenResult | undefined = result === undefined ? undefined : step.tokens(result)
    if (tokens?.response) return { step, tokens }
  }
  return undefined
}

const list = (scopes: readonly string[]) => (scopes.length ? scopes.join(' ') : '(none)')

/**
 * The run's outcome in five lines at the top of the page: what came back, which scopes, what
 * userinfo said and the first thing to explain, each leading to its step.
 */
export function RunSummary({ lab, steps, onShowStep }: RunSummaryProps) {
  const newest = newestTokens(lab, steps)
  const problem = steps
    .map((step) => ({ step, diagnosis: step.diagnosis?.(lab.resultOf(step)) }))
    .find((p) => p.diagnosis)
  const userinfo = steps.some((s) => s.id === userinfoStep.id)
    ? lab.resultOf(userinfoStep)
    : undefined
  if (!newest && !problem && !userinfo) return null
  const lines: Line[] = []
  if (newest) {
    const { tokens, step } = newest
    const received = [
      tokens.idToken && 'ID token',
      tokens.accessToken && 'access token',
      tokens.refreshToken && 'refresh token',
    ].filter(Boolean)
    lines.push({
      label: 'Tokens received',
      value: received.length ? received.join(', ') : 'none',
      step: step.id,
      data: 'tokens',
    })
    lines.push({
      label: 'Scopes requested',
      value: <code className="break-all">{list(tokens.scopes.requested)}</code>,
      step: step.id,
      data: 'requested',
    })
    const { granted, grantedSource } = tokens.scopes
    lines.push({
      label: 'Scopes granted',
      value: (
        <>
          <code className="break-all">{list(granted.scopes)}</code>
          {grantedSource === 'assumed_same_as_requested' && ' (not stated: as requested)'}
          {granted.added.length > 0 && ` · added ${granted.added.join(' ')}`}
          {granted.dropped.length > 0 && ` · dropped ${granted.dropped.join(' ')}`}
        </>
      ),
      step: step.id,
      data: 'granted',
    })
  }
  if (userinfo) {
    const status = userinfo.exchange.response?.status
    lines.push({
      label: 'Userinfo',
      value:
        status === undefined
          ? 'no answer'
          : `${status}${status < 300 ? ` · ${Object.keys(userinfo.claims ?? {}).length} claims` : ''}`,
      step: userinfoStep.id,
      data: 'userinfo',
    })
  }
  if (problem?.diagnosis) {
    lines.push({
      label: 'First diagnosis',
      value: `${problem.diagnosis.title} (${problem.step.title})`,
      step: problem.step.id,
      data: 'diagnosis',
    })
  }
  return (
    <section
      aria-label="Run summary"
      data-run-summary
      className="rounded-xl border border-indigo-200 bg-indigo-50/60 px-5 py-3"
    >
      <h2 className="text-sm font-semibold text-slate-900">Run summary</h2>
      <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {lines.map((line) => (
          <div key={line.data} data-summary={line.data} className="contents">
            <dt className="font-medium text-slate-600">{line.label}</dt>
            <dd className="min-w-0 text-slate-900">
              <a
                href={`#step-${line.step}`}
                onClick={(e) => {
                  // no #fragment: the callback URL must stay exactly as the provider sent it
                  e.preventDefault()
                  onShowStep(line.step)
                }}
                className="underline decoration-slate-300 underline-offset-2 hover:decoration-indigo-600"
              >
                {line.value}
              </a>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
