import type { StepDefinition } from '@/features/flow/steps/types'

/** The same setup run through oidc-client-ts, as an app would: one call, its HTTP recorded. */
export const libraryStep: StepDefinition = {
  id: 'library',
  phase: 'library',
  grants: ['authorization_code'],
  title: 'Library mode: oidc-client-ts',
  note: 'The same setup run through oidc-client-ts, as an app would: one call processes the whole callback. Its HTTP is recorded below.',
  spec: [{ label: 'oidc-client-ts', href: 'https://authts.github.io/oidc-client-ts/' }],
  status: ({ library }) => (!library ? 'running' : library.error ? 'fail' : 'done'),
}
