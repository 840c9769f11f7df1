import type { ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { cn } from '@/lib/cn'
import { SpecLink } from '@/components/ui/spec-link'
import { useDisplaySettings } from '@/lib/display/use-display-settings'
import { STEP_STATUS } from '@/features/flow/components/step-status'
import type { StepStatus } from '@/features/flow/steps/types'

export interface StepCardProps {
  index: number
  id: string
  title: string
  status: StepStatus
  /** A setup problem worth a badge, though the step has not failed. */
  attention?: string
  note: string
  spec: readonly { label: string; href: string }[]
  children: ReactNode
  /** Folded: only the title, the status and `foldedContent` show; the body is not rendered. */
  folded?: boolean
  /** Offered once the step is finished: folds or unfolds it. */
  onToggleFold?: () => void
  /** What stays in sight while folded (e.g. the decoded tokens). */
  foldedContent?: ReactNode
}

export function StepCard(props: StepCardProps) {
  const { index, id, title, status, attention, note, spec, children, folded = false } = props
  const { presenter } = useDisplaySettings()
  const about = (
    <>
      {note}{' '}
      {spec.map((s, i) => (
        <span key={s.href}>
          {i > 0 && ' · '}
          <SpecLink href={s.href}>{s.label}</SpecLink>
        </span>
      ))}
    </>
  )
  const { label, tone } = attention
    ? { label: 'attention', tone: 'warn' as const }
    : STEP_STATUS[status]
  return (
    <Card
      id={`step-${id}`}
      aria-labelledby={`step-${id}-title`}
      data-step={id}
      data-status={status}
      data-step-status={status}
      data-folded={folded || undefined}
      className="scroll-mt-4"
    >
      <header
        className={cn(
          'flex items-start gap-3 px-5 py-4',
          (!folded || props.foldedContent) && 'border-b border-slate-100',
        )}
      >
        <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-sm font-semibold text-white">
          {index}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={`step-${id}-title`} className="text-base font-semibold">
              {title}
            </h2>
            <Badge tone={tone} title={attention}>
              {label}
            </Badge>
            {props.onToggleFold && (
              <button
                type="button"
                aria-expanded={!folded}
                aria-controls={`step-${id}-body`}
                onClick={props.onToggleFold}
                className="ml-auto rounded-md px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50"
              >
                {folded ? 'Expand' : 'Fold'}
                <span className="sr-only"> {title}</span>
              </button>
            )}
          </div>
          {!folded &&
            (presenter ? (
              <details className="mt-1 text-sm text-slate-600" data-step-note>
                <summary className="cursor-pointer">About this step</summary>
                <p className="mt-1">{about}</p>
              </details>
            ) : (
              <p className="mt-1 text-sm text-slate-600" data-step-note>
                {about}
              </p>
            ))}
        </div>
      </header>
      <div
        id={`step-${id}-body`}
        className={cn('px-5 py-4', folded && !props.foldedContent && 'hidden')}
      >
        {folded ? props.foldedContent : children}
      </div>
    </Card>
  )
}
