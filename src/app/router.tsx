import { lazy, Suspense } from 'react'
import { LabRoute } from '@/app/routes/lab'

// the callback page carries every run step: it loads only on /callback
const CallbackRoute = lazy(() =>
  import('@/app/routes/callback').then((m) => ({ default: m.CallbackRoute })),
)

/** Two routes only (UI_CONTRACT): `/` the lab, `/callback` the registered redirect URI. */
export function AppRouter() {
  const path = window.location.pathname.replace(/\/+$/, '')
  if (path === '/callback')
    return (
      <Suspense fallback={<p className="p-6 text-sm text-slate-600">Loading the run…</p>}>
        <CallbackRoute />
      </Suspense>
    )
  return <LabRoute />
}
