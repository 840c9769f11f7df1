import { useState } from 'react'
import type { Diagnosis } from '@/lib/oidc/diagnose'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import type { Lab } from '@/features/flow/lab'

/** Standard claims absent because their scope was not granted, folded until asked for. */
export function MissingClaims({ diagnoses, lab }: { diagnoses: Diagnosis[]; lab: Lab }) {
  const [open, setOpen] = useState(false)
  if (diagnoses.length === 0) return null
  return (
    <details
      className="rounded-lg border border-amber-200 p-3 text-sm xl:col-span-2"
      data-missing-claims
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer font-medium">
        Missing claims, explained: {diagnoses.map((d) => d.title).join(' · ')}
      </summary>
      {open && (
        <div className="mt-2 space-y-2">
          {diagnoses.map((d) => (
            <DiagnosisAlert key={d.title} diagnosis={d} lab={lab} />
          ))}
        </div>
      )}
    </details>
  )
}
