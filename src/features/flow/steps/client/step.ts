import { SETUP_SPEC } from '@/lib/oidc/setup-spec-links'
import type { StepDefinition } from '@/features/flow/steps/types'

/** Who is asking: the client registered at the provider, and how it authenticates. */
export const clientStep: StepDefinition = {
  id: 'client',
  phase: 'setup',
  title: 'Client',
  note: 'Who is asking: the client registered at the provider, and how it proves it at the token endpoint.',
  spec: [SETUP_SPEC.oauthClientTypes, SETUP_SPEC.oauthClientPassword],
  status: () => 'done',
  attention: ({ config }) =>
    !config.clientId.trim()
      ? 'No client ID yet.'
      : config.clientType === 'confidential' && !config.clientSecret
        ? 'A confidential client needs its secret.'
        : undefined,
}
