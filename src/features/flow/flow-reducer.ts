import type { LabConfig } from '@/lib/lab-config/lab-config'

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

/** An RP-initiated logout: sent with this state, and the URL the provider sent the browser back to. */
export interface LogoutState {
  state: string
  url: string
  startedAt: string
  returnUrl?: string
  returnedAt?: string
}

export interface CallbackState {
  /** The whole callback URL as received (the code is single-use, so keeping it is harmless after exchange). */
  url: string
  receivedAt: string
}

/**
 * Where the flow stands. The exchanges themselves live in the exchange store; the flow keeps only
 * the ids each step sent, oldest first, so there is one copy of every request and response.
 */
export interface FlowState {
  config: LabConfig
  request?: AuthorizationRequestState
  callback?: CallbackState
  /** Exchange ids by step id, in the order they were sent. */
  sent: Record<string, string[]>
  /** Steps whose request is on the wire. */
  running: string[]
  /** Run the remaining steps without pausing, once the callback arrives. */
  autoRun: boolean
  /** `library`: the callback is handed to oidc-client-ts instead of the guided steps. */
  mode: 'guided' | 'library'
  /** Counts the runs started in this tab (a run of a grant without redirect has no callback URL). */
  run: number
  logout?: LogoutState
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
  /** A run without a redirect (client credentials, device): forget the last one, maybe run all. */
  | { type: 'run/start'; autoRun: boolean }
  | { type: 'logout/start'; state: string; url: string; startedAt: string }
  | { type: 'logout/return'; url: string; receivedAt: string }
  | { type: 'step/running'; stepId: string }
  | { type: 'step/sent'; stepId: string; exchangeId: string }
  | { type: 'step/abandoned'; stepId: string }
  | { type: 'autorun/stop' }
  | { type: 'flow/restart' }

export function initialFlowState(config: LabConfig): FlowState {
  return { config, sent: {}, running: [], autoRun: false, mode: 'guided', run: 0 }
}

const without = (list: string[], id: string) => list.filter((x) => x !== id)

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
        sent: {},
        running: [],
        autoRun: action.autoRun,
        mode: action.mode ?? 'guided',
        run: state.run + 1,
      }
    case 'run/start':
      return {
        ...state,
        callback: undefined,
        sent: {},
        running: [],
        autoRun: action.autoRun,
        mode: 'guided',
        run: state.run + 1,
      }
    case 'callback/receive':
      if (state.callback?.url === action.callback.url) return state
      return { ...state, callback: action.callback, sent: {}, running: [] }
    case 'logout/start':
      return {
        ...state,
        logout: { state: action.state, url: action.url, startedAt: action.startedAt },
      }
    case 'logout/return':
      return state.logout
        ? {
            ...state,
            running: [],
            logout: { ...state.logout, returnUrl: action.url, returnedAt: action.receivedAt },
          }
        : state
    case 'step/running':
      return state.running.includes(action.stepId)
        ? state
        : { ...state, running: [...state.running, action.stepId] }
    case 'step/sent':
      return {
        ...state,
        running: without(state.running, action.stepId),
        sent: {
          ...state.sent,
          [action.stepId]: [...(state.sent[action.stepId] ?? []), action.exchangeId],
        },
      }
    case 'step/abandoned':
      return { ...state, running: without(state.running, action.stepId) }
    case 'autorun/stop':
      return { ...state, autoRun: false }
    case 'flow/restart':
      return { ...initialFlowState(state.config), run: state.run }
  }
}
