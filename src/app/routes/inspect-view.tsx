import { QueryProvider } from '@/app/query-provider'
import { InspectPanel, type InspectPanelProps } from '@/features/tokens/inspect/inspect-panel'

/** The inspector with its query cache, loaded on the first visit of `#inspect`. */
export function InspectView(props: InspectPanelProps) {
  return (
    <QueryProvider>
      <InspectPanel {...props} />
    </QueryProvider>
  )
}
