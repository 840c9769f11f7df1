import type { ReactNode } from 'react'
import { RichText } from '@/components/ui/rich-text'
import type { DeepLinkMessage } from '@/lib/lab-config/deep-link'
import type { Lab } from '@/features/flow/lab'
import { useStepFolds } from '@/features/flow/components/step-folds'
import type { RunViews } from '@/features/flow/components/run-views'
import { StepCard } from '@/features/flow/components/step-card'
import { appliesTo } from '@/features/flow/steps/context'

export interface FlowPageProps {
  lab: Lab
  route: 'lab' | 'callback'
  aside?: ReactNode
  banner?: ReactNode
  /** The run summary and folded token views: absent until the run steps have loaded. */
  runViews?: RunViews
}

export function FlowPage({ lab, route, aside, banner, runViews }: FlowPageProps) {
  const { grant } = lab.config
  const redirects = grant === 'authorization_code'
  const phases =
    route === 'callback'
      ? [lab.flow.mode === 'library' ? 'library' : 'run']
      : redirects
        ? ['setup']
        : ['setup', 'run']
  const mine = lab.steps.filter((s) => appliesTo(s, grant))
  const returned = route === 'lab' && lab.flow.logout?.returnedAt !== undefined
  const steps = [
    ...(returned ? mine.filter((s) => s.alsoAfterReturn) : []),
    ...mine.filter((s) => phases.includes(s.phase)),
  ]
  const offset = route === 'lab' ? 0 : mine.filter((s) => s.phase === 'setup').length
  const folds = useStepFolds(steps, lab.statusOf, route === 'callback')
  const showStep = (id: string) => {
    folds.reveal(id)
    // after the unfolded body has rendered
    requestAnimationFrame(() =>
      document.getElementById(`step-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
    )
  }
  return (
    <div className="mx-auto max-w-6xl space-y-5 px-4 py-6">
      <h1 className="sr-only">
        {route === 'callback' ? 'Guided flow: back from the provider' : 'Guided flow: set up'}
      </h1>
      <LinkMessages messages={lab.messages} />
      <StorageNotices notices={lab.notices} />
      {banner}
      {runViews && <runViews.RunSummary lab={lab} steps={steps} onShowStep={showStep} />}
      {route === 'callback' && runViews && (
        <runViews.SetupSummary
          config={lab.config}
          issuer={lab.context.issuer}
          onEdit={lab.goToSetup}
        />
      )}
      {route === 'callback' && runViews && <runViews.RunOutline lab={lab} steps={steps} />}
      {steps.map((step, i) => {
        const status = lab.statusOf(step)
        const folded = folds.isFolded(step.id)
        const result = folded && step.tokens ? lab.resultOf(step) : undefined
        const tokens = result === undefined ? undefined : step.tokens?.(result)
        return (
          <StepCard
            key={step.id}
            index={offset + i + 1}
            id={step.id}
            title={step.title}
            status={status}
            attention={step.attention?.(lab.context)}
            note={step.note}
            spec={step.spec}
            folded={folded}
            {...(route === 'callback' && status === 'done'
              ? { onToggleFold: () => folds.toggle(step.id) }
              : {})}
            foldedContent={
              tokens?.response && runViews && <runViews.TokenRegions result={tokens} lab={lab} />
            }
          >
            <step.Body lab={lab} />
          </StepCard>
        )
      })}
      {runViews && <runViews.RunPicture lab={lab} route={route} />}
      {aside}
    </div>
  )
}

function StorageNotices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null
  return (
    <div
      role="status"
      data-notice="storage"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <ul className="list-disc pl-5">
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  )
}

function LinkMessages({ messages }: { messages: DeepLinkMessage[] }) {
  if (messages.length === 0) return null
  return (
    <div
      role="alert"
      data-diagnosis="invalid_deep_link"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <p className="font-semibold">Some link parameters were not used</p>
      <ul className="mt-1 list-disc pl-5">
        {messages.map((m) => (
          <li key={m.param + m.text} data-param={m.param}>
            <RichText text={m.text} />
          </li>
        ))}
      </ul>
    </div>
  )
}
