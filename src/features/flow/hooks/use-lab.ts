import { useCallback, useEffect, useMemo, useState } from 'react'
import { sendRecorded } from '@/lib/http/recorded-fetch'
import { exchangeStore } from '@/lib/http/exchange-store'
import type { HttpExchange } from '@/lib/wire/http-types'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import { buildLabAuthorizationUrl } from '@/lib/lab-config/authorization'
import { flowReducer, type FlowState } from '@/features/flow/flow-reducer'
import { useAutoRun } from '@/features/flow/hooks/use-auto-run'
import { useDiscovery } from '@/features/flow/hooks/use-discovery'
import { flowSession, prepareRequest, useFlow, type FlowInit } from '@/features/flow/hooks/use-flow'
import { useLibraryOutcome } from '@/features/flow/hooks/use-library-mode'
import type { Lab, TokenChecks } from '@/features/flow/lab'
import { resolveIssuer } from '@/features/flow/resolve-issuer'
import { authorizeStep } from '@/features/flow/steps/authorize/step'
import { deriveSteps } from '@/features/flow/steps/context'
import { generateState } from '@/lib/oidc/random'
import type { RegisteredStep } from '@/features/flow/steps/setup-registry'
import type { StepDefinition } from '@/features/flow/steps/types'
import { APP_BASE, CALLBACK_PATH } from '@/lib/app-base'

const NO_CHECKS: TokenChecks = { idToken: [], accessToken: [], userinfo: [] }

const origin = () => window.location.origin
const redirectUri = () => `${origin()}${CALLBACK_PATH}`

/** Leaves for the provider; the flow is saved first because this page is about to be gone. */
function leaveForProvider(flow: FlowState, url: string, autoRun: boolean, mode: FlowState['mode']) {
  const next = flowReducer(flow, {
    type: 'request/start',
    url,
    startedAt: new Date().toISOString(),
    autoRun,
    mode,
  })
  flowSession.save({ flow: next, exchanges: [...exchangeStore.getSnapshot()] })
  flowSession.freeze()
  window.location.assign(url)
}

function useNow() {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000))
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 15_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/**
 * The lab controller: the flow state, every step derived from it, and the commands that change it.
 * `steps` is the registry the page has loaded: the setup steps alone on a first visit, every step
 * once a run needs them.
 */
export function useLab(init: () => FlowInit, steps: readonly RegisteredStep[]): Lab {
  const { flow, dispatch, messages, notices, exchanges, regenerate } = useFlow(init)
  const { config } = flow
  const issuer = resolveIssuer(config)
  const discovery = useDiscovery(issuer)
  const now = useNow()
  const library = useLibraryOutcome(
    flow.mode === 'library' && flow.callback !== undefined,
    config,
    issuer,
    flow.callback?.url,
    redirectUri(),
  )

  const derived = useMemo(
    () =>
      deriveSteps(steps, {
        config,
        flow,
        discovery,
        issuer,
        origin: origin(),
        redirectUri: redirectUri(),
        exchanges: new Map(exchanges.map((x) => [x.id, x])),
        library,
      }),
    [steps, config, flow, discovery, issuer, exchanges, library],
  )
  const { context } = derived
  // the checks (signature, claims, userinfo sub) come from the run views' TokenChecksProbe, which
  // loads with the run steps: the first page has no tokens to check
  const [checks, setChecks] = useState<TokenChecks>(NO_CHECKS)

  const send = useCallback(
    async <I>(step: StepDefinition<unknown, I>, input: I): Promise<HttpExchange | undefined> => {
      const prepared = step.prepare?.(context, input)
      if (!prepared?.ok) return undefined
      dispatch({ type: 'step/running', stepId: step.id })
      try {
        const exchange = await sendRecorded(prepared.request, { stepId: step.id })
        dispatch({ type: 'step/sent', stepId: step.id, exchangeId: exchange.id })
        return exchange
      } catch (error) {
        dispatch({ type: 'step/abandoned', stepId: step.id })
        throw error
      }
    },
    [context, dispatch],
  )

  const rerun = useCallback(
    async (patch: Partial<LabConfig>) => {
      const { document } = context
      if (!document) return
      if ((patch.grant ?? flow.config.grant) !== 'authorization_code') {
        // no redirect: the grant's own steps run again on this page
        dispatch({ type: 'config/update', patch })
        dispatch({ type: 'run/start', autoRun: true })
        return
      }
      const changed = flowReducer(flow, { type: 'config/update', patch })
      const request = await prepareRequest(changed.config)
      const next = flowReducer(changed, { type: 'request/prepare', request })
      const url = buildLabAuthorizationUrl(
        document.authorization_endpoint,
        next.config,
        request,
        redirectUri(),
      ).url
      leaveForProvider(next, url, true, 'guided')
    },
    [context, flow, dispatch],
  )

  const startAuthorization = useCallback(
    (autoRun: boolean) => {
      const authorization = context.resultOf(authorizeStep)
      if (authorization) leaveForProvider(flow, authorization.url, autoRun, 'guided')
    },
    [context, flow],
  )

  const startLibrary = useCallback(async () => {
    if (!issuer) return
    // oidc-client-ts loads only for library mode
    const { createLibraryClient, startLibrarySignin } = await import('@/features/flow/library-mode')
    const url = await startLibrarySignin(createLibraryClient(config, issuer, redirectUri()))
    leaveForProvider(flow, url, false, 'library')
  }, [issuer, config, flow])

  const startLogout = useCallback(async () => {
    // the logout step is part of the run registry, loaded by the time its button shows
    const { endSessionFor } = await import('@/features/flow/steps/logout/step')
    const state = generateState()
    const logout = endSessionFor(context, state)
    if (typeof logout === 'string') return
    const next = flowReducer(flow, {
      type: 'logout/start',
      state,
      url: logout.url,
      startedAt: new Date().toISOString(),
    })
    flowSession.save({ flow: next, exchanges: [...exchangeStore.getSnapshot()] })
    flowSession.freeze()
    window.location.assign(logout.url)
  }, [context, flow])

  const lab: Lab = {
    steps,
    flow,
    config,
    context,
    derived,
    messages,
    notices,
    exchanges,
    checks,
    reportChecks: setChecks,
    now,
    library,
    dispatch,
    resultOf: <R>(step: { id: string }) => derived.results.get(step.id) as R | undefined,
    statusOf: (step) => derived.statuses.get(step.id) ?? 'waiting',
    updateConfig: (patch) => dispatch({ type: 'config/update', patch }),
    regenerate: () => void regenerate(),
    startAuthorization,
    startLibrary: () => void startLibrary(),
    startLogout: () => void startLogout(),
    rerun: (patch) => void rerun(patch),
    send,
    goToSetup: () => window.location.assign(APP_BASE),
    clearExchanges: () => exchangeStore.clear(),
  }
  useAutoRun(lab, steps)
  return lab
}
