import { buildLabAuthorizationUrl, usesPkce } from '@/lib/lab-config/authorization'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { ScopeSetResult } from '@/lib/matrix/build-matrix'
import { generateRequestSecrets, type RequestSecrets } from '@/lib/oidc/request-secrets'
import type { DiscoveryDocument } from '@/lib/oidc/types'

export interface MatrixRunInput {
  document: DiscoveryDocument
  config: LabConfig
  sets: string[][]
  redirectUri: string
  signal: AbortSignal
  /** Silent authorization (`prompt=none`), e.g. in a hidden iframe. */
  silent: (url: string, signal: AbortSignal) => Promise<string>
  /** Interactive sign-in when the provider needs the user; the UI asks for a click first (popups). */
  interactive: (url: string, signal: AbortSignal) => Promise<string>
  onResult: (index: number, result: ScopeSetResult) => void
  runFlow: MatrixFlowRunner
}

const NEEDS_USER = new Set([
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
])
const STEP = 'matrix'

/**
 * Runs the flow once per scope set, reusing the provider session (`prompt=none`) and falling back
 * to an interactive sign-in when the provider says it needs the user. Sets run one after another;
 * cancelling stops before the next request.
 */
export async function runScopeMatrix(input: MatrixRunInput): Promise<void> {
  for (const [index, scopes] of input.sets.entries()) {
    input.signal.throwIfAborted()
    input.onResult(index, await runOneSet(input, scopes))
  }
}

/** Runs one callback through the guided flow's steps (supplied by the app: features stay apart). */
export type MatrixFlowRunner = (input: {
  config: LabConfig
  document: DiscoveryDocument
  secrets: RequestSecrets
  authorizationUrl: string
  callbackUrl: string
  origin: string
  redirectUri: string
  signal: AbortSignal
  label: string
}) => Promise<Omit<ScopeSetResult, 'scopes'>>

async function runOneSet(input: MatrixRunInput, scopes: string[]): Promise<ScopeSetResult> {
  const { document, redirectUri, signal } = input
  const config = { ...input.config, scopes }
  const secrets = await generateRequestSecrets({ pkce: usesPkce(config) })
  const url = (prompt: string) =>
    buildLabAuthorizationUrl(document.authorization_endpoint, config, secrets, redirectUri, {
      prompt,
    }).url

  let authorizationUrl = url('none')
  let callbackUrl = await input.silent(authorizationUrl, signal)
  const error = new URL(callbackUrl).searchParams.get('error')
  if (error && NEEDS_USER.has(error)) {
    authorizationUrl = url(config.extras.prompt === 'none' ? '' : config.extras.prompt)
    callbackUrl = await input.interactive(authorizationUrl, signal)
  }
  signal.throwIfAborted()
  const result = await input.runFlow({
    config,
    document,
    secrets,
    authorizationUrl,
    callbackUrl,
    origin: new URL(redirectUri).origin,
    redirectUri,
    signal,
    label: STEP,
  })
  return { scopes, ...result }
}
