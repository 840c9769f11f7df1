import { buildLabAuthorizationUrl } from '@/lib/lab-config/authorization'
import type { AuthorizationUrl } from '@/lib/oidc/authorization-url'
import { SETUP_SPEC } from '@/lib/oidc/setup-spec-links'
import type { StepDefinition } from '@/features/flow/steps/types'

/** The authorization URL for the prepared request: built, explained, and shown before leaving. */
export const authorizeStep: StepDefinition<AuthorizationUrl> = {
  id: 'authorize',
  phase: 'setup',
  grants: ['authorization_code'],
  title: 'Authorization request',
  note: 'The browser is sent to the provider with these parameters; the user signs in there, never here.',
  spec: [
    SETUP_SPEC.oauthAuthorizationRequest,
    SETUP_SPEC.coreAuthRequest,
    SETUP_SPEC.pkceAuthorization,
  ],
  derive: ({ document, config, flow, redirectUri }) =>
    document && flow.request
      ? buildLabAuthorizationUrl(document.authorization_endpoint, config, flow.request, redirectUri)
      : undefined,
  status: ({ flow }, authorization) =>
    flow.request?.startedAt ? 'done' : authorization ? 'ready' : 'waiting',
}
