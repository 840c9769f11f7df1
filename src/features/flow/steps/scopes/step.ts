import { SETUP_SPEC } from '@/lib/oidc/setup-spec-links'
import type { StepDefinition } from '@/features/flow/steps/types'

const CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'

/** What the app asks for: `openid` makes it OpenID Connect, the others decide the claims. */
export const scopesStep: StepDefinition = {
  id: 'scopes',
  phase: 'setup',
  grants: ['authorization_code', 'device_code'],
  title: 'Scopes',
  note: 'What the app asks for. openid makes it OpenID Connect; profile, email… decide which claims come back.',
  spec: [SETUP_SPEC.oauthScope, { label: 'OIDC Core §5.4', href: `${CORE}#ScopeClaims` }],
  status: () => 'done',
  attention: ({ config }) =>
    config.scopes.includes('openid') ? undefined : 'Without openid this is plain OAuth 2.0.',
}
