import type { ComponentProps, ComponentType } from 'react'
import { RunOutline } from '@/features/flow/components/run-outline'
import { RunPicture } from '@/features/flow/components/run-picture'
import { RunSummary, type RunSummaryProps } from '@/features/flow/components/run-summary'
import { SetupSummary } from '@/features/flow/components/setup-summary'
import { TokenChecksProbe } from '@/features/flow/components/token-checks-probe'
import { TokenRegions, type TokenRegionsProps } from '@/features/flow/components/token-regions'

/**
 * The parts of the flow page that exist only once a run has started (summary, outline, the
 * setup it ran with, folded token views, the sequence diagram and report, the token checks). They
 * travel with the run steps (the callback page imports them, `/` loads them with the run
 * registry), so the first page of an authorization code flow does without them.
 */
export interface RunViews {
  RunSummary: ComponentType<RunSummaryProps>
  TokenRegions: ComponentType<TokenRegionsProps>
  RunOutline: ComponentType<ComponentProps<typeof RunOutline>>
  SetupSummary: ComponentType<ComponentProps<typeof SetupSummary>>
  RunPicture: ComponentType<ComponentProps<typeof RunPicture>>
  /** Renders nothing: computes the token checks for the lab (see TokenChecksProbe). */
  TokenChecksProbe: ComponentType<ComponentProps<typeof TokenChecksProbe>>
}

export const RUN_VIEWS: RunViews = {
  RunSummary,
  TokenRegions,
  RunOutline,
  SetupSummary,
  RunPicture,
  TokenChecksProbe,
}
