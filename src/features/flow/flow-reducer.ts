import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { HttpExchange } from '@/lib/wire/http-types'

/** The secrets of one authorization request: they must survive the redirect to the provider. */
export interface AuthorizationRequestState {
  state: string
  nonce: string
  codeVerifier?: string
  codeChallenge?: string
  url?: string
  /** ISO time the browser was sent to the provider. */
  startedAt?: string
}

export interface CallbackState {
  /** The whole callback URL as received (the code is single-use, so keeping it is harmless after exchange). */
  url: string
  receivedAt: string
}

/** Where the flow stands. Each later step only exists once the earlier ones happened. */
export interface FlowState {
  config: LabConfig
  request?: AuthorizationRequestState
  callback?: CallbackState
  tokenExchanges: HttpExchange[]
  userinfoExchanges: HttpExchange[]
  /** Run the remaining steps without pausing, once the callback arrives. */
  autoRun: boolean
  /** `library`: the callback is handed to oidc-client-ts instead of the guided steps. */
  mode: 'guided' | 'library'
}

export type FlowAction =
  | { type: 'config/update'; patch: Partial<LabConfig> }
  | { type: 'request/prepare'; request: AuthorizationRequestState }
  | {
      type: 'request/start'
      url: string
      startedAt: string
      autoRun: boolean
      mode?: FlowState['mode']
    }
  | { type: 'callback/receive'; callback: CallbackState }
  | { type: 'token/record'; exchange: HttpExchange }
  | { type: 'userinfo/record'; exchange: HttpExchange }
  | { type: 'autorun/stop' }
  | { type: 'flow/restart' }

export function initialFlowState(config: LabConfig): FlowState {
  return { config, tokenExchanges: [], userinfoExchanges: [], autoRun: false, mode: 'guided' }
}

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'config/update': {
      const config = { ...state.config, ...action.patch }
      // PKCE on/off changes what the prepared request must carry: prepare a new one
      const pkceChanged =
        config.usePkce !== state.config.usePkce || config.clientType !== state.config.clientType
      return { ...state, config, request: pkceChanged ? undefined : state.request }
    }
    case 'request/prepare':
      return { ...state, request: action.request }
    case 'request/start':
      if (!state.request) return state
      return {
        ...state,
        request: { ...state.request, url: action.url, startedAt: action.startedAt },
        callback: undefined,
        tokenExchanges: [],
        userinfoExchanges: [],
        autoRun: action.autoRun,
        mode: action.mode ?? 'guided',
      }
    case 'callback/receive':
      if (state.callback?.url === action.callback.url) return state
      return { ...state, callback: action.callback, tokenExchanges: [], userinfoExchanges: [] }
    case 'token/record':
      return { ...state, tokenExchanges: [...state.tokenExchanges, action.exchange] }
    case 'userinfo/record':
      return { ...state, userinfoExchanges: [...state.userinfoExchanges, action.exchange] }
    case 'autorun/stop':
      return { ...state, autoRun: false }
    case 'flow/restart':
      return initialFlowState(state.config)
  }
}
