import type { ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { SpecLink } from '@/components/ui/spec-link'
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
}

export function StepCard(props: StepCardProps) {
  const { index, id, title, status, attention, note, spec, children } = props
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
      className="scroll-mt-4"
    >
      <header className="flex items-start gap-3 border-b border-slate-100 px-5 py-4">
        <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-sm font-semibold text-white">
          {index}
        </span>
        <div className="flex-1">
          <div className="flex items-center gap-2">
            <h2 id={`step-${id}-title`} className="text-base font-semibold">
              {title}
            </h2>
            <Badge tone={tone} title={attention}>
              {label}
            </Badge>
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {note}{' '}
            {spec.map((s, i) => (
              <span key={s.href}>
                {i > 0 && ' · '}
                <SpecLink href={s.href}>{s.label}</SpecLink>
              </span>
            ))}
          </p>
        </div>
      </header>
      <div className="px-5 py-4">{children}</div>
    </Card>
  )
}
