import type { StepDefinition } from '@/features/flow/steps/types'

const DISCOVERY = 'https://openid.net/specs/openid-connect-discovery-1_0.html'

/** Step 1: the provider's discovery document (fetched as a query, so it is cached and shared). */
export const discoveryStep: StepDefinition = {
  id: 'discovery',
  phase: 'setup',
  title: 'Provider',
  note: 'The app learns every endpoint from one public JSON document published by the issuer.',
  spec: [{ label: 'OIDC Discovery §4', href: `${DISCOVERY}#ProviderConfig` }],
  status: ({ discovery }) =>
    discovery.status === 'ok'
      ? 'done'
      : discovery.status === 'error'
        ? 'fail'
        : discovery.status === 'loading'
          ? 'running'
          : 'ready',
  attention: ({ issuer }) => (issuer ? undefined : 'The issuer is incomplete.'),
  diagnosis: () => undefined,
}
