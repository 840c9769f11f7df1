import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createQueryClient } from '@/lib/react-query'

// one client for the page's life, shared by the views that use TanStack Query (inspect, lessons):
// it loads with the first of them, never with the first page
const queryClient = createQueryClient()

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
