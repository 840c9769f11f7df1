import { ErrorBoundary } from '@/components/ui/error-boundary'
import { AppProvider } from '@/app/provider'
import { AppRouter } from '@/app/router'
import { STORAGE_KEYS } from '@/features/flow/flow-session'

function forgetThisTabsFlow() {
  try {
    window.sessionStorage.removeItem(STORAGE_KEYS.flow)
    window.sessionStorage.removeItem(STORAGE_KEYS.exchanges)
  } catch {
    // storage disabled: nothing was kept either
  }
}

export function App() {
  return (
    <AppProvider>
      <ErrorBoundary what="the lab" onReset={forgetThisTabsFlow}>
        <AppRouter />
      </ErrorBoundary>
    </AppProvider>
  )
}
