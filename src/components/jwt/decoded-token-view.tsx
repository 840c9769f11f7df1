import type { ReactNode } from 'react'
import { ClaimRow } from '@/components/jwt/claim-row'
import { ChecksList, type CheckItem } from '@/components/jwt/checks-list'
import { DECODE_ONLY_NOTICE, type DecodedToken } from '@/lib/jwt/decode-jwt'

export interface DecodedTokenViewProps {
  /** The region's accessible name, e.g. `ID token` (UI contract). */
  title: string
  token?: DecodedToken
  /** For responses that are plain JSON claims (userinfo). */
  claims?: Record<string, unknown>
  checks?: CheckItem[]
  informativeChecks?: boolean
  now: number
  children?: ReactNode
}

const PART_COLOURS: Record<string, string> = {
  header: 'text-rose-400',
  payload: 'text-violet-300',
  signature: 'text-sky-300',
}

export function DecodedTokenView(props: DecodedTokenViewProps) {
  const { title, token, claims, checks = [], informativeChecks, now, children } = props
  const payload = claims ?? token?.payload
  return (
    <section
      aria-label={title}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <header className="flex items-baseline justify-between gap-2">
        <h4 className="font-semibold">{title}</h4>
        {token && <span className="text-xs text-slate-500">{token.kind.toUpperCase()}</span>}
      </header>
      {children}
      {token && (
        <>
          <p className="rounded-lg bg-slate-950 p-2.5 font-mono text-[11px] leading-relaxed break-all text-slate-300">
            {token.parts.map((part, i) => (
              <span key={i}>
                {i > 0 && <span className="text-slate-500">.</span>}
                <span className={PART_COLOURS[part.role] ?? 'text-slate-200'}>{part.text}</span>
              </span>
            ))}
          </p>
          <p className="text-xs text-slate-500">
            {token.note} {token.kind !== 'opaque' && DECODE_ONLY_NOTICE}
          </p>
          {token.problems.length > 0 && (
            <ul className="list-disc pl-5 text-xs text-rose-700">
              {token.problems.map((p) => (
                <li key={p.message}>{p.message}</li>
              ))}
            </ul>
          )}
          {token.header && (
            <details className="text-xs">
              <summary className="cursor-pointer text-slate-600">Header</summary>
              <pre className="mt-1 font-mono">{JSON.stringify(token.header, null, 2)}</pre>
            </details>
          )}
        </>
      )}
      {payload && (
        <table className="w-full">
          <tbody className="divide-y divide-slate-100">
            {Object.entries(payload).map(([name, value]) => (
              <ClaimRow key={name} name={name} value={value} now={now} />
            ))}
          </tbody>
        </table>
      )}
      <ChecksList checks={checks} informative={informativeChecks} />
    </section>
  )
}
