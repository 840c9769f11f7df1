import { Badge } from '@/components/ui/badge'
import type { DecodeProblem } from '@/lib/jwt/decode-jwt'

export interface ProblemsListProps {
  problems: DecodeProblem[]
}

/** Decoding problems, errors first; each names the part (and position) that is wrong. */
export function ProblemsList({ problems }: ProblemsListProps) {
  if (problems.length === 0) return null
  const sorted = [...problems].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  )
  const errors = problems.filter((p) => p.severity === 'error').length
  return (
    <div
      data-problems={errors}
      className={
        errors > 0
          ? 'rounded-lg border border-rose-200 bg-rose-50 p-2.5'
          : 'rounded-lg border border-amber-200 bg-amber-50 p-2.5'
      }
    >
      <p className="mb-1 text-xs font-semibold text-slate-800">
        {errors > 0
          ? `What is wrong with this token (${errors} error${errors === 1 ? '' : 's'})`
          : 'Tolerated while decoding'}
      </p>
      <ul className="space-y-1">
        {sorted.map((p, i) => (
          <li
            key={i}
            data-problem={p.code}
            data-part={p.part}
            className="flex items-start gap-2 text-xs"
          >
            <Badge tone={p.severity === 'error' ? 'fail' : 'warn'} className="shrink-0">
              {p.part}
            </Badge>
            <span className="text-slate-800">{p.message.replace(/^[a-z_]+: /, '')}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
