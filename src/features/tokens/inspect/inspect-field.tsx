import type { ReactNode } from 'react'

export interface InspectFieldProps {
  id: string
  label: string
  value: string
  placeholder: string
  onChange: (value: string) => void
  /** Shown under the input (status, or a value offered from the token). */
  children?: ReactNode
}

export function InspectField({
  id,
  label,
  value,
  placeholder,
  onChange,
  children,
}: InspectFieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        className="h-8 w-full rounded-md border border-slate-300 px-2 font-mono text-xs"
      />
      {children}
    </div>
  )
}
