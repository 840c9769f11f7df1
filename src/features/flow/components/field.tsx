import type { InputHTMLAttributes, ReactNode } from 'react'
import { cn } from '@/lib/cn'

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string
  hint?: ReactNode
}

export function Field({ label, hint, className, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={inputId} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={inputId}
        className="h-9 rounded-md border border-slate-300 bg-white px-2.5 font-mono text-sm shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
        {...input}
      />
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  )
}
