import { useMemo } from 'react'
import { alignClaims, DIFF_WORDS, type AlignedLine } from '@/lib/jwt/align-claims'
import { cn } from '@/lib/cn'

export interface AlignedJsonProps {
  /** Accessible name of the table, e.g. `ID token in full: payload`. */
  title: string
  leftLabel: string
  rightLabel: string
  left?: Readonly<Record<string, unknown>>
  right?: Readonly<Record<string, unknown>>
  /** Why a side is empty (`absent`, `opaque`, `HTTP 403`…). */
  leftNote?: string
  rightNote?: string
}

const TONES: Record<AlignedLine['status'], string> = {
  added: 'bg-emerald-50 text-emerald-900',
  removed: 'bg-rose-50 text-rose-900',
  changed: 'bg-amber-50 text-amber-900',
  volatile_changed: 'text-slate-500',
  unchanged: '',
}

function Side({ text, status }: { text: string | undefined; status: AlignedLine['status'] }) {
  return (
    <td className={cn('px-2 py-0.5 align-top', text !== undefined && TONES[status])}>
      {text !== undefined && (
        <pre className="font-mono text-xs break-all whitespace-pre-wrap">{text}</pre>
      )}
    </td>
  )
}

/**
 * Two JSON objects in full, side by side and aligned member by member, each line marked with a
 * symbol (+ added, − removed, ~ changed) as well as a colour, like two jwt.io tabs.
 */
export function AlignedJson(props: AlignedJsonProps) {
  const { title, leftLabel, rightLabel, left, right, leftNote, rightNote } = props
  const lines = useMemo(() => alignClaims(left, right), [left, right])
  return (
    <table aria-label={title} data-aligned={title} className="w-full table-fixed text-xs">
      <thead className="border-b border-slate-200 text-left text-slate-700">
        <tr>
          <th scope="col" className="w-8 py-1 pl-2 font-medium">
            <span className="sr-only">Difference</span>
          </th>
          <th scope="col" className="px-2 py-1 font-medium break-all">
            {leftLabel}
            {leftNote && <span className="block font-normal text-slate-500">{leftNote}</span>}
          </th>
          <th scope="col" className="px-2 py-1 font-medium break-all">
            {rightLabel}
            {rightNote && <span className="block font-normal text-slate-500">{rightNote}</span>}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 font-mono">
        {lines.length === 0 && (
          <tr>
            <td colSpan={3} className="px-2 py-1 font-sans text-slate-500">
              Nothing on either side.
            </td>
          </tr>
        )}
        {lines.map((line) => (
          <tr key={line.name} data-line={line.name} data-diff-mark={line.status}>
            <td
              className="py-0.5 pl-2 align-top font-bold"
              title={DIFF_WORDS[line.status]}
              aria-label={DIFF_WORDS[line.status]}
            >
              {line.mark}
            </td>
            <Side text={line.left} status={line.status} />
            <Side text={line.right} status={line.status} />
          </tr>
        ))}
      </tbody>
    </table>
  )
}
