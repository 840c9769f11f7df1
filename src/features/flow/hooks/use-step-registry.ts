import { useCallback, useEffect, useState } from 'react'
import { SETUP_STEPS, type RegisteredStep } from '@/features/flow/steps/setup-registry'

let loaded: readonly RegisteredStep[] | undefined
let loading: Promise<readonly RegisteredStep[]> | undefined

/** Loads every step (the run steps, their diagnoses and token views) once per page. */
export function loadStepRegistry(): Promise<readonly RegisteredStep[]> {
  loading ??= import('@/features/flow/steps/registry').then((m) => (loaded = m.FLOW_STEPS))
  return loading
}

/**
 * The steps the page can show: the setup steps at first (the first screen of an authorization code
 * flow needs nothing else), every step once `require()` was called or the page is idle after its
 * load (requestIdleCallback), so a grant switch finds them ready without slowing the first screen.
 */
export function useStepRegistry(): [readonly RegisteredStep[], () => void] {
  const [steps, setSteps] = useState<readonly RegisteredStep[]>(() => loaded ?? SETUP_STEPS)
  const require = useCallback(() => {
    void loadStepRegistry().then(setSteps)
  }, [])
  useEffect(() => {
    if (loaded) return
    // once the page is idle: the first render, discovery and a first click come before it
    let cancel = () => {}
    const prefetch = () => {
      // Safari has no requestIdleCallback
      if (typeof window.requestIdleCallback === 'function') {
        const id = window.requestIdleCallback(require, { timeout: 3000 })
        cancel = () => window.cancelIdleCallback(id)
      } else {
        const id = setTimeout(require, 500)
        cancel = () => clearTimeout(id)
      }
    }
    if (document.readyState === 'complete') prefetch()
    else window.addEventListener('load', prefetch, { once: true })
    return () => {
      window.removeEventListener('load', prefetch)
      cancel()
    }
  }, [require])
  return [steps, require]
}
