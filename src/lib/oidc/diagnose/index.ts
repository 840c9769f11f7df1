/**
 * Diagnoses, one module per step: each takes what the step's process helper already returned (an
 * `OidcError`, a parsed callback, a token response) plus what the lab knows, and explains it. None
 * re-processes a response.
 */
export { DIAGNOSIS_TEXT, type DiagnosisCode, type DiagnosisText } from '../diagnosis-text'
export { diagnoseCallback, diagnoseCallbackError, type CallbackErrorContext } from './callback'
export {
  diagnoseMissingClaim,
  EXPLAINED_CLAIMS,
  missingClaimDiagnoses,
  type MissingClaimInput,
  type MissingClaimsInput,
} from './claims'
export { diagnoseDiscoveryError, type DiscoveryErrorContext } from './discovery'
export { diagnoseNetworkError, type NetworkContext } from './network'
export type { Diagnosis, DiagnosisAction } from './shared'
export { diagnoseTokenError, type TokenExchangeInput } from './token'
export { TYPICAL_CODE_LIFETIME_SECONDS, type TokenErrorContext } from './token-context'
export { diagnoseTokenResponse, type TokenResponseContext } from './token-response'
export {
  accessTokenFacts,
  describeUserinfoSuccess,
  diagnoseUserinfoError,
  type AccessTokenFacts,
  type AccessTokenScopeInput,
  type UserinfoErrorInput,
  type UserinfoSuccessInput,
} from './userinfo'
export type { AccessTokenValidity } from './userinfo-token'
