import {
  parseCallbackParams,
  validateCallback,
  type CallbackParams,
  type CallbackValidation,
} from '@/lib/oidc/callback-params'
import { diagnoseCallback, type Diagnosis } from '@/lib/oidc/diagnose'
import { SPEC } from '@/lib/oidc/spec-links'
import type { StepDefinition } from '@/features/flow/steps/types'

export interface CallbackResult {
  params: CallbackParams
  validation: CallbackValidation
  diagnosis: Diagnosis | undefined
}

/** The provider's answer in the address bar, checked against the request this tab made. */
export const callbackStep: StepDefinition<CallbackResult> = {
  id: 'callback',
  phase: 'run',
  grants: ['authorization_code'],
  title: 'Callback',
  note: 'The provider sends the browser back with a code (or an error). The app first checks it is the answer to its own request.',
  spec: [SPEC.oauthAuthorizationResponse, SPEC.issParameter, SPEC.oauthCsrf],
  derive: ({ flow, config, document, issuer }) => {
    if (!flow.callback) return undefined
    const url = new URL(flow.callback.url)
    const params = parseCallbackParams(url.search.length > 1 ? url.search : url.hash)
    const { request } = flow
    const validation = validateCallback({
      params,
      expectedState: request?.state,
      expectedIssuer: document?.issuer ?? issuer,
      issParameterSupported: document?.authorization_response_iss_parameter_supported,
    })
    const diagnosis = diagnoseCallback(params, validation, {
      requestedScope: config.scopes,
      scopesSupported: document?.scopes_supported,
      usedPkce: request?.codeChallenge !== undefined,
      sentNonce: request?.url?.includes('nonce=') ?? false,
      prompt: config.extras.prompt || undefined,
    })
    return { params, validation, diagnosis }
  },
  status: (_context, callback) =>
    !callback ? 'waiting' : callback.validation.proceed ? 'done' : 'fail',
  diagnosis: (callback) => callback?.diagnosis,
}
