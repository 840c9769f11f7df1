import { lazy, Suspense } from 'react'
import { LabRoute } from '@/app/routes/lab'
import { isCallbackPath } from '@/lib/app-base'

// the callback page carries every run step: it loads only on /callback
const loadCallbackRoute = () => import('@/app/routes/callback')
// and there it is asked for while React starts, not after the first render (a frame or popup of
// the matrix only relays the URL to its opener and never renders)
const early =
  isCallbackPath(window.location.pathname) && window.parent === window && !window.opener
    ? loadCallbackRoute()
    : undefined
const CallbackRoute = lazy(() =>
  (early ?? loadCallbackRoute()).then((m) => ({ default: m.CallbackRoute })),
)

/**
 * Two routes only (UI_CONTRACT): `/` the lab, `/callback` the registered redirect URI (both under
 * the app's base when it is served from a sub-path).
 */
export function AppRouter() {
  if (isCallbackPath(window.location.pathname))
    return (
      <Suspense fallback={<p className="p-6 text-sm text-slate-600">Loading the run…</p>}>
        <CallbackRoute />
      </Suspense>
    )
  return <LabRoute />
}
