import type { MouseEvent, ReactNode } from 'react'

/** Skips the header and the view tabs; moves focus without touching the fragment (it names the view). */
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main')
  if (!main) return
  event.preventDefault()
  main.focus()
  main.scrollIntoView()
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        onClick={skipToContent}
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 underline shadow ring-1 ring-slate-300 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3">
          <a href="/" className="flex items-center gap-2">
            <img src="/favicon.svg" alt="" className="size-7" />
            <span className="text-lg font-bold tracking-tight">OIDC Lab</span>
          </a>
          <span className="hidden text-sm text-slate-500 sm:inline">
            OpenID Connect, one visible step at a time
          </span>
          <span className="ml-auto text-xs text-slate-500">
            Tokens and secrets go only to the provider you configure.
          </span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="outline-none">
        {children}
      </main>
    </div>
  )
}
