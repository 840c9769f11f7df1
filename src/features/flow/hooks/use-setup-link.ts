import { useEffect } from 'react'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import { buildSetupQuery } from '@/lib/lab-config/setup-link'
import { isLabPath } from '@/lib/app-base'

/**
 * Keeps the address bar's query on the setup while the user edits it on `/` (replaceState: no new
 * history entry), so the address bar is a link that restores it. Never on `/callback`, whose query
 * is the provider's answer; never a secret (see `buildSetupQuery`).
 */
export function useSetupLinkSync(config: LabConfig) {
  const query = buildSetupQuery(config)
  useEffect(() => {
    const { pathname, search, hash } = window.location
    if (!isLabPath(pathname) || search === query) return
    history.replaceState(history.state, '', `${pathname}${query}${hash}`)
  }, [query])
}
