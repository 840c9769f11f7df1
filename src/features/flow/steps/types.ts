import type { HttpExchange, HttpRequestSpec } from '@/lib/wire/http-types'
import type { LabConfig, LabGrant } from '@/lib/lab-config/lab-config'
import type { LabRun } from '@/lib/runs/types'
import type { Diagnosis } from '@/lib/oidc/diagnose'
import type { SpecLink } from '@/lib/oidc/spec-links'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import type { FlowState } from '@/features/flow/flow-reducer'
import type { DiscoveryState } from '@/features/flow/hooks/use-discovery'
import type { LibraryOutcome } from '@/features/flow/library-mode'
import type { Lab } from '@/features/flow/lab'
import type { TokenResult } from '@/features/flow/steps/token-result'

/** A step's status as the UI contract names it (`data-status`). */
export type StepStatus = 'waiting' | 'ready' | 'running' | 'done' | 'fail'

/** Setup steps are edited on `/`; run steps happen after the redirect; library is oidc-client-ts. */
export type StepPhase = 'setup' | 'run' | 'library'

/** Everything a step may read to build its request or derive its result. Plain data, no browser. */
export interface StepInputs {
  config: LabConfig
  flow: FlowState
  discovery: DiscoveryState
  issuer: string | undefined
  /** The app's origin, e.g. `http://localhost:5173` (passed in: results never read `window`). */
  origin: string
  redirectUri: string
  /** Every recorded exchange by id (the exchange store's snapshot). */
  exchanges: ReadonlyMap<string, HttpExchange>
  /** What oidc-client-ts made of the callback, in library mode. */
  library?: LibraryOutcome
}

export interface StepContext extends StepInputs {
  document: DiscoveryDocument | undefined
  /** The exchanges this step sent in the current run, oldest first. */
  exchangesOf(stepId: string): HttpExchange[]
  /** The derived result of a step earlier in the registry (undefined while it has none). */
  resultOf<R>(step: StepDefinition<R, never>): R | undefined
  /** Status of a step earlier in the registry. */
  statusOf(step: AnyStep): StepStatus
  /** The newest tokens of the run: from the step that brought tokens last (code, refresh…). */
  currentTokens(): TokenResult | undefined
}

/** What a step would send now, shown before sending; or why it cannot send yet. */
export type PreparedRequest = { ok: true; request: HttpRequestSpec } | { ok: false; reason: string }

export const blocked = (reason: string): PreparedRequest => ({ ok: false, reason })

/** What one step contributes to the saved run (see `lib/runs/types`). */
export type RunContribution = Partial<LabRun>

/**
 * One step of the lab, whole: what it is (id, phase, title, note, spec), how it builds its request
 * from the flow, how it derives its result from its exchanges, its status and diagnosis, whether
 * "Run the whole flow" sends it, and what it adds to the saved run. Pure (no React): the registry
 * pairs it with its body. The page, the outline, auto-run, persistence and the run recorder iterate
 * the registry and never name a step.
 */
export interface StepDefinition<Result = unknown, Input = void> {
  /** Stable id: `data-step`, the exchange's `stepId`, the key of its exchanges in the flow. */
  id: string
  phase: StepPhase
  title: string
  note: string
  spec: readonly SpecLink[]
  /** The request this step would send now, for this input. Pure. */
  prepare?(context: StepContext, input: Input): PreparedRequest
  /** The step's outcome from its recorded exchanges (and earlier steps' results). Pure. */
  derive?(context: StepContext): Result | undefined
  status(context: StepContext, result: Result | undefined): StepStatus
  /** A setup problem worth a badge, though the step is not failed (e.g. no client id yet). */
  attention?(context: StepContext): string | undefined
  /** The first thing to explain about this step, for the run outline. */
  diagnosis?(result: Result | undefined): Diagnosis | undefined
  /** "Run the whole flow" sends this step (with no input) once the earlier ones are done. */
  autoRun?: boolean
  /** What this step adds to the run saved in the history. */
  record?(result: Result, lab: Lab): RunContribution
  /** Shown again on `/` when the browser comes back from a logout at the provider. */
  alsoAfterReturn?: boolean
  /** The grants this step belongs to; every grant when absent (setup steps). */
  grants?: readonly LabGrant[]
  /** The tokens this step's result brought, for steps that talk to the token endpoint. */
  tokens?(result: Result): TokenResult | undefined
}

/** A step of any result and input type (methods are bivariant, so every step fits). */
export type AnyStep = StepDefinition<unknown, never>
