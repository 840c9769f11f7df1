import type { ComponentType } from 'react'
import { RunSummary, type RunSummaryProps } from '@/features/flow/components/run-summary'
import { TokenRegions, type TokenRegionsProps } from '@/features/flow/components/token-regions'

/**
 * The parts of the flow page that exist only once a run has results. They travel with the run
 * steps (the callback page imports them, `/` loads them with the run registry), so the first page
 * of an authorization code flow does without them.
 */
export interface RunViews {
  RunSummary: ComponentType<RunSummaryProps>
  TokenRegions: ComponentType<TokenRegionsProps>
}

export const RUN_VIEWS: RunViews = { RunSummary, TokenRegions }
