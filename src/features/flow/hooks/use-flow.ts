import { useCallback, useEffect, useReducer, useState, useSyncExternalStore } from 'react'
import { env } from '@/config/env'
import { exchangeStore } from '@/lib/http/exchange-store'
import { parseDeepLink, type DeepLinkMessage } from '@/lib/lab-config/deep-link'
import { defaultConfig, type LabConfig } from '@/lib/lab-config/lab-config'
import { sameLinkedSetup } from '@/lib/lab-config/setup-link'
import { generateRequestSecrets } from '@/lib/oidc/request-secrets'
import { usesPkce } from '@/lib/lab-config/authorization'
import { createFlowSession } from '@/features/flow/flow-session'
import { flowReducer, initialFlowState, type FlowState } from '@/features/flow/flow-reducer'
import { seedProviderFetch } from '@/features/flow/hooks/use-provider-fetch'
import { resolveIssuer } from '@/features/flow/resolve-issuer'
import { buildDiscoveryRequest, processDiscoveryResponse } from '@/lib/oidc/discovery'
import { discoveryFetch } from '@/lib/provider-queries'
import type { HttpExchange } from '@/lib/wire/http-types'

export const flowSession = createFlowSession(window.sessionStorage, window.localStorage)

export interface FlowInit {
  flow: FlowState
  messages: DeepLinkMessage[]
  /** Stored values that were unreadable and dropped. */
  notices: string[]
}

/**
 * The discovery document this tab fetched before leaving for the provider, from the restored
 * exchange log: the callback page goes on with it (it is in the log already) instead of fetching it
 * a second time before the code exchange. Only an answer for this very issuer, and only while fresh.
 */
function reuseDiscovery(config: LabConfig, exchanges: readonly HttpExchange[]) {
  const issuer = resolveIssuer(config)
  if (!issuer) return
  const url = buildDiscoveryRequest(issuer).url
  const exchange = exchanges.findLast(
    (x) => x.stepId === 'discovery' && x.request.url === url && x.response,
  )
  if (!exchange?.response) return
  const result = processDiscoveryResponse(issuer, exchange.response)
  if (!result.ok) return
  const fetch = discoveryFetch(issuer)
  seedProviderFetch(
    fetch,
    { exchange, result },
    Date.parse(exchange.startedAt) + exchange.durationMs,
  )
}

/** Builds the first state: `/callback` resumes the saved flow, `/` starts from a deep link or the last setup. */
export function initFlow(route: 'lab' | 'callback', location: Location): FlowInit {
  const { session: saved, notices } = flowSession.load()
  if (saved) exchangeStore.load(saved.exchanges)
  if (route === 'callback') {
    if (saved) reuseDiscovery(saved.flow.config, saved.exchanges)
    // reloaded after the exchange took code and state out of the address bar: the run as it was
    if (location.search === '' && saved?.flow.callback)
      return { flow: saved.flow, messages: [], notices }
    const flow = saved?.flow ?? initialFlowState(defaultConfig(env.demoIssuer))
    return {
      flow: flowReducer(flow, {
        type: 'callback/receive',
        callback: { url: location.href, receivedAt: new Date().toISOString() },
      }),
      messages: [],
      notices,
    }
  }
  // back from the provider's logout: the run goes on, with its tokens, to try them again
  if (saved?.flow.logout && !saved.flow.logout.returnedAt)
    return {
      flow: flowReducer(saved.flow, {
        type: 'logout/return',
        url: location.href,
        receivedAt: new Date().toISOString(),
      }),
      messages: [],
      notices,
    }
  const link = parseDeepLink(location.search, env.demoIssuer)
  const remembered = saved
    ? { config: saved.flow.config, notices: [] }
    : flowSession.loadRemembered()
  const config: LabConfig = { ...defaultConfig(env.demoIssuer), ...remembered.config }
  // the address bar follows the setup: a reload of this tab's own link keeps what links never carry
  const ownLink = link.messages.length === 0 && sameLinkedSetup(link.config, config)
  if (!ownLink && (link.fromLink || link.messages.length > 0))
    return { flow: initialFlowState(link.config), messages: link.messages, notices }
  return {
    flow: initialFlowState(config),
    messages: [],
    notices: [...notices, ...remembered.notices],
  }
}

const subscribe = (listener: () => void) => exchangeStore.subscribe(listener)
const getSnapshot = () => exchangeStore.getSnapshot()

export function useExchanges() {
  return useSyncExternalStore(subscribe, getSnapshot)
}

export function prepareRequest(config: LabConfig) {
  return generateRequestSecrets({ pkce: usesPkce(config) })
}

export function useFlow(init: () => FlowInit) {
  const [{ flow: initialFlow, messages, notices }] = useState(init)
  const [flow, dispatch] = useReducer(flowReducer, initialFlow)
  const exchanges = useExchanges()

  useEffect(() => {
    flowSession.save({ flow, exchanges: [...exchanges] })
  }, [flow, exchanges])

  const needsRequest = flow.request === undefined
  const { config } = flow
  useEffect(() => {
    if (!needsRequest) return
    let cancelled = false
    void prepareRequest(config).then((request) => {
      if (!cancelled) dispatch({ type: 'request/prepare', request })
    })
    return () => {
      cancelled = true
    }
  }, [needsRequest, config])

  const regenerate = useCallback(async () => {
    dispatch({ type: 'request/prepare', request: await prepareRequest(flow.config) })
  }, [flow.config])

  return { flow, dispatch, messages, notices, exchanges, regenerate }
}
