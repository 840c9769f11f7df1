import type { ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { SpecLink } from '@/components/ui/spec-link'
import type { StepStatus } from '@/features/flow/steps/registry'

export interface StepCardProps {
  index: number
  id: string
  title: string
  status: StepStatus
  note: string
  spec: { label: string; href: string }[]
  children: ReactNode
}

const STATUS: Record<
  StepStatus,
  { label: string; tone: 'pass' | 'fail' | 'warn' | 'info' | 'skip' }
> = {
  waiting: { label: 'waiting', tone: 'skip' },
  ready: { label: 'ready', tone: 'info' },
  done: { label: 'done', tone: 'pass' },
  failed: { label: 'failed', tone: 'fail' },
  warning: { label: 'attention', tone: 'warn' },
}

export function StepCard({ index, id, title, status, note, spec, children }: StepCardProps) {
  const { label, tone } = STATUS[status]
  return (
    <Card
      id={`step-${id}`}
      aria-labelledby={`step-${id}-title`}
      data-step={id}
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
            <Badge tone={tone}>{label}</Badge>
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
