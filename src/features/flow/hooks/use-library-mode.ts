import { useEffect, useState } from 'react'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { LibraryOutcome } from '@/features/flow/library-mode'

// the code is single-use: StrictMode's second effect run must not hand it to the library again
const processed = new Map<string, Promise<LibraryOutcome>>()

export function useLibraryOutcome(
  active: boolean,
  config: LabConfig,
  issuer: string | undefined,
  callbackUrl: string | undefined,
  redirectUri: string,
) {
  const [outcome, setOutcome] = useState<LibraryOutcome | undefined>(undefined)
  useEffect(() => {
    if (!active || !issuer || !callbackUrl) return
    let pending = processed.get(callbackUrl)
    if (!pending) {
      pending = import('@/features/flow/library-mode').then((library) =>
        library.completeLibrarySignin(
          library.createLibraryClient(config, issuer, redirectUri),
          callbackUrl,
        ),
      )
      processed.set(callbackUrl, pending)
    }
    let cancelled = false
    void pending.then((result) => !cancelled && setOutcome(result))
    return () => {
      cancelled = true
    }
  }, [active, config, issuer, callbackUrl, redirectUri])
  return outcome
}
