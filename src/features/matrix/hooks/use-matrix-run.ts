import { useCallback, useRef, useState } from 'react'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { ScopeSetResult } from '@/lib/matrix/build-matrix'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import { authorizeInFrame, authorizeInPopup } from '@/features/matrix/callback-channel'
import { runScopeMatrix, type MatrixFlowRunner } from '@/features/matrix/matrix-runner'

export type MatrixStatus = 'idle' | 'running' | 'needs_login' | 'done' | 'cancelled' | 'failed'

interface PendingLogin {
  url: string
  resolve: (callbackUrl: string) => void
  reject: (error: unknown) => void
}

export function useMatrixRun(
  document: DiscoveryDocument | undefined,
  config: LabConfig,
  redirectUri: string,
  runFlow: MatrixFlowRunner,
) {
  const [status, setStatus] = useState<MatrixStatus>('idle')
  const [sets, setSets] = useState<string[][]>([])
  const [results, setResults] = useState<(ScopeSetResult | undefined)[]>([])
  const [error, setError] = useState<string>()
  const [pendingLogin, setPendingLogin] = useState<PendingLogin>()
  const controller = useRef<AbortController>(undefined)

  const start = useCallback(
    (toRun: string[][]) => {
      if (!document || toRun.length === 0) return
      controller.current?.abort()
      const abort = new AbortController()
      controller.current = abort
      setSets(toRun)
      setResults([])
      setError(undefined)
      setStatus('running')
      void runScopeMatrix({
        document,
        config,
        sets: toRun,
        redirectUri,
        signal: abort.signal,
        runFlow,
        silent: authorizeInFrame,
        interactive: (url) =>
          new Promise<string>((resolve, reject) => {
            setStatus('needs_login')
            setPendingLogin({ url, resolve, reject })
          }),
        onResult: (index, result) =>
          setResults((previous) => {
            const next = [...previous]
            next[index] = result
            return next
          }),
      }).then(
        () => setStatus('done'),
        (e: unknown) => {
          if (abort.signal.aborted) return setStatus('cancelled')
          setError(e instanceof Error ? e.message : String(e))
          setStatus('failed')
        },
      )
    },
    [document, config, redirectUri, runFlow],
  )

  const cancel = useCallback(() => {
    controller.current?.abort()
    pendingLogin?.reject(new DOMException('Cancelled', 'AbortError'))
    setPendingLogin(undefined)
  }, [pendingLogin])

  // popups need a click: the run pauses until the user presses "Sign in"
  const signIn = useCallback(() => {
    const signal = controller.current?.signal
    if (!pendingLogin || !signal) return
    setPendingLogin(undefined)
    setStatus('running')
    authorizeInPopup(pendingLogin.url, signal).then(pendingLogin.resolve, pendingLogin.reject)
  }, [pendingLogin])

  return { status, sets, results, error, start, cancel, signIn }
}
