import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { PART_ACCENT } from '@/components/jwt/token-part-styles'
import { cn } from '@/lib/cn'

export type PartTabId = keyof typeof PART_ACCENT

export interface PartTab {
  id: PartTabId
  label: string
  /** Marks the tab when its part has a decoding error. */
  bad?: boolean
  panel: ReactNode
}

export interface PartTabsProps {
  tabs: PartTab[]
  defaultTab: PartTabId
  /** Rendered at the end of the tab bar (copy buttons). */
  actions?: ReactNode
}

/** Header · Payload · Signature tabs (WAI-ARIA tabs pattern, arrow keys move between tabs). */
export function PartTabs({ tabs, defaultTab, actions }: PartTabsProps) {
  const [selected, setSelected] = useState<PartTabId>(defaultTab)
  const id = useId()
  const refs = useRef<Partial<Record<PartTabId, HTMLButtonElement | null>>>({})
  const active = tabs.find((t) => t.id === selected) ?? tabs[0]
  function onKeyDown(e: KeyboardEvent) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (!step || !active) return
    const next = tabs[(tabs.indexOf(active) + step + tabs.length) % tabs.length]
    if (!next) return
    setSelected(next.id)
    refs.current[next.id]?.focus()
  }
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-2 border-b border-slate-200">
        <div role="tablist" aria-label="Token parts" className="flex gap-1" onKeyDown={onKeyDown}>
          {tabs.map((tab) => (
            <button
              key={tab.id}
              ref={(el) => {
                refs.current[tab.id] = el
              }}
              type="button"
              role="tab"
              id={`${id}-${tab.id}-tab`}
              aria-selected={tab === active}
              aria-controls={`${id}-${tab.id}-panel`}
              tabIndex={tab === active ? 0 : -1}
              onClick={() => setSelected(tab.id)}
              className={cn(
                '-mb-px border-b-2 px-2.5 py-1.5 text-xs font-semibold',
                tab === active
                  ? PART_ACCENT[tab.id]
                  : 'border-transparent text-slate-500 hover:text-slate-800',
              )}
            >
              {tab.label}
              {tab.bad && <span className="ml-1 text-rose-600">✗</span>}
            </button>
          ))}
        </div>
        {actions && <div className="flex gap-1.5 pb-1">{actions}</div>}
      </div>
      {active && (
        <div
          role="tabpanel"
          id={`${id}-${active.id}-panel`}
          aria-labelledby={`${id}-${active.id}-tab`}
          className="pt-2"
        >
          {active.panel}
        </div>
      )}
    </div>
  )
}
