import type { ReactNode } from 'react'
import { DiagnosisFacts } from '@/components/diagnosis/diagnosis-facts'
import { RichText } from '@/components/ui/rich-text'
import { SpecLink } from '@/components/ui/spec-link'
import { cn } from '@/lib/cn'
import type { Diagnosis } from '@/lib/oidc/diagnose'

/** A one-click follow-up the caller can offer for this diagnosis in its own context. */
export interface DiagnosisViewAction {
  label: string
  run: () => void
}

export interface DiagnosisViewProps {
  diagnosis: Diagnosis
  action?: DiagnosisViewAction
  /** Context-specific advice shown under the fix. */
  children?: ReactNode
}

const TONE = {
  error: 'border-rose-300 bg-rose-50',
  warning: 'border-amber-300 bg-amber-50',
  info: 'border-sky-300 bg-sky-50',
} as const

/** A diagnosis as an alert: what happened, observed facts apart from inferences, fix, spec. */
export function DiagnosisView({ diagnosis, action, children }: DiagnosisViewProps) {
  return (
    <div
      role="alert"
      data-diagnosis={diagnosis.code}
      className={cn('rounded-lg border p-4 text-sm', TONE[diagnosis.severity])}
    >
      <p className="font-semibold text-slate-900">
        {diagnosis.title}{' '}
        <code className="ml-1 rounded bg-white/70 px-1.5 py-0.5 text-xs font-normal text-slate-600">
          {diagnosis.code}
        </code>
      </p>
      <p className="mt-1 text-slate-800">
        <RichText text={diagnosis.explanation} />
      </p>
      <dl className="mt-3 grid gap-2 sm:grid-cols-[7rem_1fr]">
        <dt className="font-medium text-slate-600">Likely cause</dt>
        <dd className="text-slate-800">
          <RichText text={diagnosis.cause} />
        </dd>
        <dt className="font-medium text-slate-600">Fix</dt>
        <dd className="text-slate-800">
          <RichText text={diagnosis.fix} />
          {children}
        </dd>
        <DiagnosisFacts title="Observed" items={diagnosis.known} />
        <DiagnosisFacts title="Inferred" items={diagnosis.guessed} inferred />
      </dl>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {action && (
          <button
            type="button"
            data-action={diagnosis.action?.kind}
            onClick={action.run}
            className="rounded-md bg-slate-900 px-3 py-1.5 text-xs font-semibold text-white hover:bg-slate-700"
          >
            {action.label}
          </button>
        )}
        {diagnosis.specLinks.map((link) => (
          <SpecLink key={link.href} href={link.href}>
            {link.label}
          </SpecLink>
        ))}
      </div>
    </div>
  )
}
