import { Badge } from '@/components/ui/badge'
import { RichText } from '@/components/ui/rich-text'
import { STEP_STATUS } from '@/features/flow/components/step-status'
import type { Lab } from '@/features/flow/lab'
import type { AnyStep } from '@/features/flow/steps/types'

export interface RunOutlineProps {
  lab: Lab
  steps: readonly AnyStep[]
}

// scroll, not a #fragment: the callback URL must stay exactly as the provider sent it
const scrollToStep = (id: string, target: 'step' | 'diagnosis' = 'step') => {
  const step = document.getElementById(`step-${id}`)
  const element = target === 'diagnosis' ? (step?.querySelector('[role="alert"]') ?? step) : step
  element?.scrollIntoView({
    behavior: 'smooth',
    block: target === 'diagnosis' ? 'center' : 'start',
  })
  // keyboard focus follows, so the next Tab goes on from there (the step's heading, or the alert)
  const focusTarget = target === 'diagnosis' ? element : step?.querySelector('h2')
  if (!(focusTarget instanceof HTMLElement)) return
  if (!focusTarget.hasAttribute('tabindex')) focusTarget.setAttribute('tabindex', '-1')
  focusTarget.focus({ preventScroll: true })
}

/** The run at a glance, so a failure far down the page (userinfo 403) is seen on arrival. */
export function RunOutline({ lab, steps }: RunOutlineProps) {
  const problem = steps
    .map((step) => ({ id: step.id, diagnosis: step.diagnosis?.(lab.resultOf(step)) }))
    .find((p) => p.diagnosis)
  return (
    <nav
      aria-label="Run outline"
      className="rounded-xl border border-slate-200 bg-white px-5 py-3 text-sm"
    >
      <ol className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {steps.map((step) => {
          const status = lab.statusOf(step)
          return (
            <li key={step.id}>
              <button
                type="button"
                onClick={() => scrollToStep(step.id)}
                className="flex items-center gap-1.5 hover:underline"
              >
                {step.title}
                <Badge tone={STEP_STATUS[status].tone}>{STEP_STATUS[status].label}</Badge>
              </button>
            </li>
          )
        })}
      </ol>
      {problem?.diagnosis && (
        <p className="mt-2 border-t border-slate-100 pt-2 text-slate-800">
          <strong>{problem.diagnosis.title}.</strong>{' '}
          <RichText text={problem.diagnosis.explanation} />{' '}
          <button
            type="button"
            onClick={() => scrollToStep(problem.id, 'diagnosis')}
            className="font-medium text-indigo-700 underline"
          >
            See the diagnosis
          </button>
        </p>
      )}
    </nav>
  )
}
