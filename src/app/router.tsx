import { CallbackRoute } from '@/app/routes/callback'
import { LabRoute } from '@/app/routes/lab'

/** Two routes only (UI_CONTRACT): `/` the lab, `/callback` the registered redirect URI. */
export function AppRouter() {
  const path = window.location.pathname.replace(/\/+$/, '')
  if (path === '/callback') return <CallbackRoute />
  return <LabRoute />
}
