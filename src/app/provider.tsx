import type { ReactNode } from 'react'
import { exchangeStore } from '@/lib/http/exchange-store'
import { installFetchRecorder } from '@/lib/http/recorded-fetch'

// oidc-client-ts calls the global fetch with no injection point: wrap it once, for library mode
installFetchRecorder(exchangeStore, { stepId: 'library' })

/**
 * What every route needs around it. TanStack Query is not here: only inspect uses it, and it
 * brings its own provider (`routes/inspect-view.tsx`), so the first page does without.
 */
export function AppProvider({ children }: { children: ReactNode }) {
  return children
}
