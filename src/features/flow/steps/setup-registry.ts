import type { ComponentType } from 'react'
import type { Lab } from '@/features/flow/lab'
import type { AnyStep } from '@/features/flow/steps/types'
import { authorizeStep } from '@/features/flow/steps/authorize/step'
import { AuthorizeBody } from '@/features/flow/steps/authorize/authorize-body'
import { clientStep } from '@/features/flow/steps/client/step'
import { ClientBody } from '@/features/flow/steps/client/client-body'
import { discoveryStep } from '@/features/flow/steps/discovery/step'
import { DiscoveryBody } from '@/features/flow/steps/discovery/discovery-body'
import { scopesStep } from '@/features/flow/steps/scopes/step'
import { ScopesBody } from '@/features/flow/steps/scopes/scopes-body'

/** A step definition with the component that renders it. */
export type RegisteredStep = AnyStep & { Body: ComponentType<{ lab: Lab }> }

/**
 * The setup steps, the only ones the first screen of an authorization code flow shows. They load
 * with the first page; the run steps (`registry.ts`) load when a run needs them.
 */
export const SETUP_STEPS: readonly RegisteredStep[] = [
  { ...discoveryStep, Body: DiscoveryBody },
  { ...clientStep, Body: ClientBody },
  { ...scopesStep, Body: ScopesBody },
  { ...authorizeStep, Body: AuthorizeBody },
]
