import type { ComponentType } from 'react'
import type { Lab } from '@/features/flow/lab'
import type { AnyStep } from '@/features/flow/steps/types'
import { authorizeStep } from '@/features/flow/steps/authorize/step'
import { AuthorizeBody } from '@/features/flow/steps/authorize/authorize-body'
import { callbackStep } from '@/features/flow/steps/callback/step'
import { CallbackBody } from '@/features/flow/steps/callback/callback-body'
import { clientCredentialsStep } from '@/features/flow/steps/client-credentials/step'
import { ClientCredentialsBody } from '@/features/flow/steps/client-credentials/client-credentials-body'
import { clientStep } from '@/features/flow/steps/client/step'
import { ClientBody } from '@/features/flow/steps/client/client-body'
import { deviceStep } from '@/features/flow/steps/device/step'
import { DeviceBody } from '@/features/flow/steps/device/device-body'
import { discoveryStep } from '@/features/flow/steps/discovery/step'
import { DiscoveryBody } from '@/features/flow/steps/discovery/discovery-body'
import { introspectStep } from '@/features/flow/steps/introspect/step'
import { IntrospectBody } from '@/features/flow/steps/introspect/introspect-body'
import { libraryStep } from '@/features/flow/steps/library/step'
import { LibraryBody } from '@/features/flow/steps/library/library-body'
import { logoutStep } from '@/features/flow/steps/logout/step'
import { LogoutBody } from '@/features/flow/steps/logout/logout-body'
import { refreshStep } from '@/features/flow/steps/refresh/step'
import { RefreshBody } from '@/features/flow/steps/refresh/refresh-body'
import { revokeStep } from '@/features/flow/steps/revoke/step'
import { RevokeBody } from '@/features/flow/steps/revoke/revoke-body'
import { scopesStep } from '@/features/flow/steps/scopes/step'
import { ScopesBody } from '@/features/flow/steps/scopes/scopes-body'
import { tokenStep } from '@/features/flow/steps/token/step'
import { TokenBody } from '@/features/flow/steps/token/token-body'
import { userinfoStep } from '@/features/flow/steps/userinfo/step'
import { UserinfoBody } from '@/features/flow/steps/userinfo/userinfo-body'

/** A step definition with the component that renders it. */
export type RegisteredStep = AnyStep & { Body: ComponentType<{ lab: Lab }> }

/** Every step of the lab, in order: one line each. */
export const FLOW_STEPS: readonly RegisteredStep[] = [
  { ...discoveryStep, Body: DiscoveryBody },
  { ...clientStep, Body: ClientBody },
  { ...scopesStep, Body: ScopesBody },
  { ...authorizeStep, Body: AuthorizeBody },
  { ...callbackStep, Body: CallbackBody },
  { ...tokenStep, Body: TokenBody },
  { ...clientCredentialsStep, Body: ClientCredentialsBody },
  { ...deviceStep, Body: DeviceBody },
  { ...userinfoStep, Body: UserinfoBody },
  { ...refreshStep, Body: RefreshBody },
  { ...introspectStep, Body: IntrospectBody },
  { ...revokeStep, Body: RevokeBody },
  { ...logoutStep, Body: LogoutBody },
  { ...libraryStep, Body: LibraryBody },
]
