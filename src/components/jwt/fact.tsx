import type { ReactNode } from 'react'

export interface FactProps {
  term: string
  children: ReactNode
}

/** One term/definition pair inside a two-column `<dl className="grid grid-cols-[max-content_1fr]">`. */
export function Fact({ term, children }: FactProps) {
  return (
    <div className="contents">
      <dt className="font-medium text-slate-500">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  )
}
