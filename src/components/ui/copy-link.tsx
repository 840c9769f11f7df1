import { useState } from 'react'
import { Button } from '@/components/ui/button'

export interface CopyLinkProps {
  /** The button's name, e.g. `Copy setup link`; it never changes (tests and screen readers find it). */
  label: string
  /** Read when clicked, so the link is the newest one. */
  link: () => string
  hint?: string
}

/** Copies a link and shows it as text too, for browsers that refuse clipboard access. */
export function CopyLink({ label, link, hint }: CopyLinkProps) {
  const [shown, setShown] = useState<{ text: string; copied: boolean }>()
  async function copy() {
    const text = link()
    try {
      await navigator.clipboard.writeText(text)
      setShown({ text, copied: true })
    } catch {
      setShown({ text, copied: false })
    }
  }
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
      <Button variant="secondary" size="sm" onClick={() => void copy()}>
        {label}
      </Button>
      {hint && !shown && <span className="text-xs text-slate-500">{hint}</span>}
      {shown && (
        <>
          <span role="status" className="text-xs font-medium text-slate-700">
            {shown.copied
              ? 'Copied'
              : 'This browser refused the clipboard: select the link and copy it.'}
          </span>
          <output
            aria-label="Copied link"
            className="min-w-0 rounded bg-slate-100 px-2 py-0.5 font-mono text-xs break-all select-all"
          >
            {shown.text}
          </output>
        </>
      )}
    </div>
  )
}
