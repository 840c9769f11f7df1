import type { ReactNode, Ref } from 'react'
import { cn } from '@/lib/cn'

export interface StepResultProps {
  /** `resultRef` from useStepRunner: focus lands here once the step's answer arrives. */
  ref: Ref<HTMLDivElement>
  /** Names the group for screen readers, e.g. `Token response`. */
  label: string
  className?: string
  children: ReactNode
}

/** The answer of a step's send: where keyboard focus goes instead of dropping to `<body>`. */
export function StepResult({ ref, label, className, children }: StepResultProps) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-label={label}
      data-step-result
      className={cn('scroll-mt-4 rounded-md', className)}
    >
      {children}
    </div>
  )
}
