import type { ReactNode } from 'react'
import { ForgetEverythingButton } from '@/features/forget/forget-everything-button'

export function Layout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
          <a href="/" className="flex items-center gap-2">
            <img src="/favicon.svg" alt="" className="size-7" />
            <span className="text-lg font-bold tracking-tight">OIDC Lab</span>
          </a>
          <span className="hidden text-sm text-slate-500 sm:inline">
            OpenID Connect, one visible step at a time
          </span>
          <span className="ml-auto text-xs text-slate-400">
            Tokens and secrets go only to the provider you configure.
          </span>
          <ForgetEverythingButton />
        </div>
      </header>
      <main>{children}</main>
    </div>
  )
}
