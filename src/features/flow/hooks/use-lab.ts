import { useMutation } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { sendRecorded } from '@/lib/http/recorded-fetch'
import { exchangeStore } from '@/lib/http/exchange-store'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import { buildLabAuthorizationUrl, clientAuthFor } from '@/lib/lab-config/authorization'
import { parseCallbackParams, validateCallback } from '@/lib/oidc/callback-params'
import { diagnoseCallback } from '@/lib/oidc/diagnose'
import {
  buildIntrospectionRequest,
  buildRefreshRequest,
  buildTokenRequest,
} from '@/lib/oidc/token-request'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import { buildUserinfoRequest } from '@/lib/oidc/userinfo'
import type { AuthorizationRequestState, FlowState } from '@/features/flow/flow-reducer'
import { useAutoRun } from '@/features/flow/hooks/use-auto-run'
import { useDiscovery } from '@/features/flow/hooks/use-discovery'
import { flowSession, prepareRequest, useFlow, type FlowInit } from '@/features/flow/hooks/use-flow'
import { useLibraryOutcome } from '@/features/flow/hooks/use-library-mode'
import { useTokenChecks } from '@/features/flow/hooks/use-token-checks'
import { createLibraryClient, startLibrarySignin } from '@/features/flow/library-mode'
import { resolveIssuer } from '@/features/flow/resolve-issuer'
import { deriveTokenResult, deriveUserinfoResult } from '@/features/flow/steps/results'

const redirectUri = () => `${window.location.origin}/callback`

function authorizationFor(
  document: DiscoveryDocument,
  config: LabConfig,
  request: AuthorizationRequestState,
) {
  return buildLabAuthorizationUrl(document.authorization_endpoint, config, request, redirectUri())
}

/** Leaves for the provider; the flow is saved first because this page is about to be gone. */
function redirectToProvider(
  flow: FlowState,
  url: string,
  autoRun: boolean,
  mode: FlowState['mode'] = 'guided',
) {
  const request = flow.request && { ...flow.request, url, startedAt: new Date().toISOString() }
  const next: FlowState = {
    ...flow,
    request,
    callback: undefined,
    tokenExchanges: [],
    userinfoExchanges: [],
    autoRun,
    mode,
  }
  flowSession.save({ flow: next, exchanges: [...exchangeStore.getSnapshot()] })
  flowSession.freeze()
  window.location.assign(url)
}

export function useLab(init: () => FlowInit) {
  const { flow, dispatch, messages, exchanges, regenerate } = useFlow(init)
  const { config, request } = flow
  const issuer = resolveIssuer(config)
  const discovery = useDiscovery(issuer)
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000))
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 15_000)
    return () => clearInterval(timer)
  }, [])

  const document = discovery.status === 'ok' ? discovery.document : undefined

  const authorization = useMemo(
    () => (document && request ? authorizationFor(document, config, request) : undefined),
    [document, request, config],
  )

  const startAuthorization = useCallback(
    (autoRun: boolean) => authorization && redirectToProvider(flow, authorization.url, autoRun),
    [authorization, flow],
  )

  const rerunWithScope = useCallback(
    async (scope: string) => {
      if (!document) return
      const nextConfig = {
        ...config,
        scopes: config.scopes.includes(scope) ? config.scopes : [scope, ...config.scopes],
      }
      const nextRequest = await prepareRequest(nextConfig)
      const url = authorizationFor(document, nextConfig, nextRequest).url
      redirectToProvider({ ...flow, config: nextConfig, request: nextRequest }, url, true)
    },
    [document, config, flow],
  )

  const startLibrary = useCallback(async () => {
    if (!issuer) return
    const url = await startLibrarySignin(createLibraryClient(config, issuer, redirectUri()))
    redirectToProvider(flow, url, false, 'library')
  }, [issuer, config, flow])
  const library = useLibraryOutcome(
    flow.mode === 'library' && flow.callback !== undefined,
    config,
    issuer,
    flow.callback?.url,
    redirectUri(),
  )

  const callback = useMemo(() => {
    if (!flow.callback) return undefined
    const url = new URL(flow.callback.url)
    const params = parseCallbackParams(url.search.length > 1 ? url.search : url.hash)
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
  }, [flow.callback, request, issuer, document, config.scopes, config.extras.prompt])

  const { clientType, authMethod, clientSecret } = config
  const clientAuth = useMemo(
    () => clientAuthFor({ clientType, authMethod, clientSecret }),
    [clientType, authMethod, clientSecret],
  )
  const tokenRequest = useMemo(() => {
    if (!document || !callback?.validation.proceed || !callback.params.code) return undefined
    return buildTokenRequest({
      tokenEndpoint: document.token_endpoint,
      code: callback.params.code,
      redirectUri: redirectUri(),
      clientId: config.clientId,
      codeVerifier: request?.codeVerifier,
      auth: clientAuth,
    })
  }, [document, callback, config.clientId, clientAuth, request?.codeVerifier])

  const introspectionEndpoint = document?.introspection_endpoint
  const introspectionRequest = useCallback(
    (token: string, tokenTypeHint: 'access_token' | 'refresh_token') =>
      introspectionEndpoint
        ? buildIntrospectionRequest({
            introspectionEndpoint,
            token,
            tokenTypeHint,
            clientId: config.clientId,
            auth: clientAuth,
          })
        : undefined,
    [introspectionEndpoint, config.clientId, clientAuth],
  )

  const tokenEndpoint = document?.token_endpoint
  const refreshRequest = useMemo(
    () =>
      tokenEndpoint
        ? (refreshToken: string) =>
            buildRefreshRequest({
              tokenEndpoint,
              refreshToken,
              clientId: config.clientId,
              auth: clientAuth,
            })
        : undefined,
    [tokenEndpoint, config.clientId, clientAuth],
  )

  const tokenMutation = useMutation({
    mutationFn: () => sendRecorded(tokenRequest!, { stepId: 'token' }),
    onSuccess: (exchange) => dispatch({ type: 'token/record', exchange }),
  })
  const token = useMemo(() => deriveTokenResult(flow, config), [flow, config])

  const userinfoRequest = useMemo(() => {
    if (!document?.userinfo_endpoint || !token?.response) return undefined
    return buildUserinfoRequest(
      document.userinfo_endpoint,
      token.response.access_token,
      token.response.token_type,
    )
  }, [document, token])

  const userinfoMutation = useMutation({
    mutationFn: () => sendRecorded(userinfoRequest!, { stepId: 'userinfo' }),
    onSuccess: (exchange) => dispatch({ type: 'userinfo/record', exchange }),
  })
  const userinfo = useMemo(() => deriveUserinfoResult(flow, token), [flow, token])

  const checks = useTokenChecks({
    document,
    clientId: config.clientId,
    clientSecret: config.clientType === 'confidential' ? config.clientSecret : undefined,
    nonce: authorization?.params.find((p) => p.name === 'nonce')?.value,
    maxAge: config.extras.max_age,
    token,
    userinfo,
    now,
  })

  const { mutate: exchangeCode, isPending: tokenPending } = tokenMutation
  const { mutate: callUserinfo, isPending: userinfoPending } = userinfoMutation
  const stopAutoRun = useCallback(() => dispatch({ type: 'autorun/stop' }), [dispatch])
  useAutoRun({
    flow,
    proceed: callback?.validation.proceed,
    canExchange: tokenRequest !== undefined,
    canCallUserinfo: userinfoRequest !== undefined,
    pending: tokenPending || userinfoPending,
    exchangeCode,
    callUserinfo,
    stop: stopAutoRun,
  })

  return {
    flow,
    config,
    messages,
    issuer,
    discovery,
    authorization,
    redirectUri: redirectUri(),
    callback,
    tokenRequest,
    token,
    tokenPending,
    userinfoRequest,
    userinfo,
    userinfoPending,
    checks,
    introspectionRequest,
    refreshRequest,
    clientAuth,
    now,
    exchanges,
    updateConfig: useCallback(
      (patch: Partial<LabConfig>) => dispatch({ type: 'config/update', patch }),
      [dispatch],
    ),
    regenerate,
    startAuthorization,
    startLibrary: () => void startLibrary(),
    library,
    rerunWithScope: (scope: string) => void rerunWithScope(scope),
    exchangeCode: () => exchangeCode(),
    callUserinfo: () => callUserinfo(),
    goToSetup: () => window.location.assign('/'),
    clearExchanges: () => exchangeStore.clear(),
  }
}

export type Lab = ReturnType<typeof useLab>
