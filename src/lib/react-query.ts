import { QueryClient } from '@tanstack/react-query'

export function createQueryClient() {
  return new QueryClient({
    // the defaults refetch on focus and retry three times: wrong for a protocol debugger
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
