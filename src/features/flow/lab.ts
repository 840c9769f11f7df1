import type { Dispatch } from 'react'
import type { HttpExchange } from '@/lib/wire/http-types'
import type { Check } from '@/lib/jwt/checks'
import type { DeepLinkMessage } from '@/lib/lab-config/deep-link'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { FlowAction, FlowState } from '@/features/flow/flow-reducer'
import type { LibraryOutcome } from '@/features/flow/library-mode'
import type { DerivedSteps } from '@/features/flow/steps/context'
import type { RegisteredStep } from '@/features/flow/steps/setup-registry'
import type { StepContext, StepDefinition, StepStatus } from '@/features/flow/steps/types'

export interface TokenChecks {
  idToken: Check[]
  accessToken: Check[]
  userinfo: Check[]
}

/**
 * The lab controller every step body receives: the derived state of all steps, and the few
 * commands that change the flow. Bodies read what they need from it; nothing is forwarded.
 */
export interface Lab {
  /** The steps loaded so far, in page order (see `useLab`). */
  steps: readonly RegisteredStep[]
  flow: FlowState
  config: LabConfig
  context: StepContext
  derived: DerivedSteps
  messages: DeepLinkMessage[]
  /** Stored values that were unreadable and dropped, said once. */
  notices: string[]
  exchanges: readonly HttpExchange[]
  /** Computed by the run views' TokenChecksProbe once there are tokens (none before). */
  checks: TokenChecks
  /** Where TokenChecksProbe hands its checks to the lab. */
  reportChecks: (checks: TokenChecks) => void
  /** Seconds since the epoch, ticking every 15 s (for relative times, not for re-verifying). */
  now: number
  library: LibraryOutcome | undefined
  dispatch: Dispatch<FlowAction>
  resultOf: <R>(step: StepDefinition<R, never>) => R | undefined
  statusOf: (step: { id: string }) => StepStatus
  updateConfig: (patch: Partial<LabConfig>) => void
  regenerate: () => void
  /** Leaves for the provider with the prepared request. */
  startAuthorization: (autoRun: boolean) => void
  startLibrary: () => void
  /** RP-initiated logout: leaves for the provider's end_session_endpoint, then comes back to `/`. */
  startLogout: () => void
  /** A new authorization with this setup change, run without pausing. */
  rerun: (patch: Partial<LabConfig>) => void
  /** Sends a step's request as prepared now; resolves with the recorded exchange. */
  send: <I>(step: StepDefinition<unknown, I>, input: I) => Promise<HttpExchange | undefined>
  goToSetup: () => void
  clearExchanges: () => void
}
