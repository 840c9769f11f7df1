import { QueryClientProvider } from '@tanstack/react-query'
import { InspectPanel, type InspectPanelProps } from '@/features/tokens/inspect/inspect-panel'
import { createQueryClient } from '@/lib/react-query'

// one client for the page's life: the inspector's discovery and keys stay cached across visits
const queryClient = createQueryClient()

/** The inspector with its query cache, loaded on the first visit of `#inspect`. */
export function InspectView(props: InspectPanelProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <InspectPanel {...props} />
    </QueryClientProvider>
  )
}
