import { RichText } from '@/components/ui/rich-text'
import { SpecLink } from '@/components/ui/spec-link'
import type { Diagnosis } from '@/lib/oidc/diagnose'
import { cn } from '@/lib/cn'
import { actionButton } from '@/features/flow/actions/action-table'
import type { Lab } from '@/features/flow/lab'

export interface DiagnosisAlertProps {
  diagnosis: Diagnosis
  /** Offers the diagnosis's action (from the action table) when given. */
  lab?: Lab
}

const TONE = {
  error: 'border-rose-300 bg-rose-50',
  warning: 'border-amber-300 bg-amber-50',
  info: 'border-sky-300 bg-sky-50',
} as const

export function DiagnosisAlert({ diagnosis, lab }: DiagnosisAlertProps) {
  const action = lab && actionButton(diagnosis.action, lab)
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
        </dd>
        {diagnosis.known.length > 0 && (
          <>
            <dt className="font-medium text-slate-600">Observed</dt>
            <dd>
              <ul className="list-disc pl-4 text-slate-800">
                {diagnosis.known.map((fact) => (
                  <li key={fact}>
                    <RichText text={fact} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {diagnosis.guessed.length > 0 && (
          <>
            <dt className="font-medium text-slate-600">Inferred</dt>
            <dd>
              <ul className="list-disc pl-4 text-slate-700 italic">
                {diagnosis.guessed.map((guess) => (
                  <li key={guess}>
                    <RichText text={guess} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
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
