import type { MouseEvent, ReactNode } from 'react'
import { DisplayControls } from '@/app/display-controls'
import { ForgetEverythingButton } from '@/features/forget/forget-everything-button'
import { APP_BASE, appPath } from '@/lib/app-base'

/** A skip link's target: the element to focus (an id), and what the link says. */
export interface SkipTarget {
  label: string
  targetId: string
}

/** Moves focus without touching the fragment (it names the view); a disabled target is skipped. */
function skipTo(targetId: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId)
    if (!target) return
    event.preventDefault()
    target.focus()
    if (document.activeElement !== target) document.getElementById('main')?.focus()
    document.activeElement?.scrollIntoView({ block: 'center' })
  }
}

const SKIP_LINK =
  'sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 underline shadow ring-1 ring-slate-300 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50'

export interface LayoutProps {
  children: ReactNode
  /** Navigation between the header and the content (the lab's view tabs): skipped by the skip link. */
  nav?: ReactNode
  /** Further skip links after `Skip to content`, e.g. to the screen's main action. */
  skips?: SkipTarget[]
}

export function Layout({ children, nav, skips = [] }: LayoutProps) {
  return (
    <div className="min-h-screen">
      {[{ label: 'Skip to content', targetId: 'main' }, ...skips].map((skip) => (
        <a
          key={skip.targetId}
          href={`#${skip.targetId}`}
          onClick={skipTo(skip.targetId)}
          className={SKIP_LINK}
        >
          {skip.label}
        </a>
      ))}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
          <a href={APP_BASE} className="flex items-center gap-2">
            <img src={appPath('favicon.svg')} alt="" className="size-7" />
            <span className="text-lg font-bold tracking-tight">OIDC Lab</span>
          </a>
          <span className="hidden text-sm text-slate-500 sm:inline">
            OpenID Connect, one visible step at a time
          </span>
          <span className="ml-auto text-xs text-slate-500">
            Tokens and secrets go only to the provider you configure.
          </span>
          <DisplayControls />
          <ForgetEverythingButton />
        </div>
      </header>
      {nav}
      <main id="main" tabIndex={-1} className="outline-none">
        {children}
      </main>
    </div>
  )
}
