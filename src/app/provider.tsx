import { QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { exchangeStore } from '@/lib/http/exchange-store'
import { installFetchRecorder } from '@/lib/http/recorded-fetch'
import { createQueryClient } from '@/lib/react-query'

// oidc-client-ts calls the global fetch with no injection point: wrap it once, for library mode
installFetchRecorder(exchangeStore, { stepId: 'library' })

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
