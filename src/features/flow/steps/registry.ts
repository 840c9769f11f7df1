import { SETUP_STEPS, type RegisteredStep } from '@/features/flow/steps/setup-registry'
import { callbackStep } from '@/features/flow/steps/callback/step'
import { CallbackBody } from '@/features/flow/steps/callback/callback-body'
import { clientCredentialsStep } from '@/features/flow/steps/client-credentials/step'
import { ClientCredentialsBody } from '@/features/flow/steps/client-credentials/client-credentials-body'
import { deviceStep } from '@/features/flow/steps/device/step'
import { DeviceBody } from '@/features/flow/steps/device/device-body'
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
import { tokenStep } from '@/features/flow/steps/token/step'
import { TokenBody } from '@/features/flow/steps/token/token-body'
import { userinfoStep } from '@/features/flow/steps/userinfo/step'
import { UserinfoBody } from '@/features/flow/steps/userinfo/userinfo-body'

export type { RegisteredStep }

/** Every step of the lab, in order: one line each (the setup steps first, see `setup-registry.ts`). */
export const FLOW_STEPS: readonly RegisteredStep[] = [
  ...SETUP_STEPS,
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
