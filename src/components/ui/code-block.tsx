import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

export interface CodeBlockProps {
  children: ReactNode
  className?: string
  label?: string
}

export function CodeBlock({ children, className, label }: CodeBlockProps) {
  return (
    <pre
      aria-label={label}
      className={cn(
        'overflow-x-auto rounded-lg bg-slate-950 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-100',
        className,
      )}
    >
      {children}
    </pre>
  )
}
