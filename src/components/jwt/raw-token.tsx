import { RawPart } from '@/components/jwt/raw-part'
import { partError } from '@/components/jwt/token-display'
import { PART_NAME, PART_TEXT } from '@/components/jwt/token-part-styles'
import type { DecodeProblem, TokenPart } from '@/lib/jwt/decode-jwt'

export interface RawTokenProps {
  /** The cleaned token, exposed as `data-raw-token` so tests and scripts can read it back. */
  raw: string
  parts: TokenPart[]
  problems: DecodeProblem[]
}

export function RawToken({ raw, parts, problems }: RawTokenProps) {
  const signatureMissing = parts.length === 2 && problems.some((p) => p.code === 'wrong_part_count')
  const roles = [...new Set(parts.map((p) => p.role))]
  return (
    <div className="rounded-lg bg-slate-950 p-2.5">
      {/* scrolls when long: focusable and named, so the keyboard can scroll it (WCAG 2.1.1) */}
      <p
        data-raw-token={raw}
        tabIndex={0}
        role="group"
        aria-label="Encoded token"
        className="max-h-48 overflow-y-auto font-mono text-[11px] leading-relaxed break-all text-slate-300"
      >
        {parts.map((part, i) => (
          <span key={i}>
            {i > 0 && <span className="text-slate-500">.</span>}
            <RawPart part={part} error={partError(problems, part.role)} />
          </span>
        ))}
        {signatureMissing && (
          <span className="text-rose-300">
            .<span className="rounded bg-rose-500/30 px-1 italic">signature missing</span>
          </span>
        )}
      </p>
      {roles.length > 1 && (
        <p className="mt-1.5 flex flex-wrap gap-x-3 text-[10px] tracking-wide text-slate-400 uppercase">
          {roles.map((role) => (
            <span key={role} className={PART_TEXT[role]}>
              ■ {PART_NAME[role]}
              {partError(problems, role) && <span className="text-rose-400"> ✗</span>}
            </span>
          ))}
        </p>
      )}
    </div>
  )
}
