import type { InputHTMLAttributes, ReactNode } from 'react'
import { cn } from '@/lib/cn'

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string
  /** Shown under the input: a note, a status, an action. */
  hint?: ReactNode
  compact?: boolean
}

export function Field({ label, hint, compact, className, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={inputId} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={inputId}
        className={cn(
          'rounded-md border border-slate-300 bg-white font-mono shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none',
          compact ? 'h-8 px-2 text-xs' : 'h-9 px-2.5 text-sm',
        )}
        {...input}
      />
      {hint && <div className="text-xs text-slate-500">{hint}</div>}
    </div>
  )
}
