import type { HttpExchange } from '@/lib/wire/http-types'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { FlowState } from '@/features/flow/flow-reducer'

export const STORAGE_KEYS = {
  flow: 'oidc-lab:flow:v1',
  exchanges: 'oidc-lab:exchanges:v1',
  remembered: 'oidc-lab:remembered-config:v1',
} as const

interface PersistedSession {
  flow: FlowState
  exchanges: HttpExchange[]
}

/**
 * Keeps the flow (config, state, nonce, code_verifier, exchanges) across the full-page redirect to
 * the provider. sessionStorage is per tab and dies with it; only a ticked "remember on this device"
 * puts the client secret in localStorage.
 */
export interface FlowSession {
  load(): PersistedSession | undefined
  save(session: PersistedSession): void
  loadRemembered(): Partial<LabConfig> | undefined
  /** The page is leaving for the provider: later saves (re-renders still in flight) must not overwrite the flow. */
  freeze(): void
}

export function createFlowSession(session: Storage, local: Storage): FlowSession {
  let frozen = false
  return {
    freeze() {
      frozen = true
    },
    load() {
      const flow = readJson<FlowState>(session, STORAGE_KEYS.flow)
      if (!flow || typeof flow !== 'object' || !('config' in flow)) return undefined
      const exchanges = readJson<HttpExchange[]>(session, STORAGE_KEYS.exchanges)
      return { flow, exchanges: Array.isArray(exchanges) ? exchanges : [] }
    },
    save({ flow, exchanges }) {
      if (frozen) return
      writeJson(session, STORAGE_KEYS.flow, flow)
      writeJson(session, STORAGE_KEYS.exchanges, exchanges)
      writeJson(
        local,
        STORAGE_KEYS.remembered,
        flow.config.rememberSecret ? flow.config : { ...flow.config, clientSecret: '' },
      )
    },
    loadRemembered() {
      return readJson<Partial<LabConfig>>(local, STORAGE_KEYS.remembered)
    },
  }
}

function readJson<T>(storage: Storage, key: string): T | undefined {
  try {
    const text = storage.getItem(key)
    return text === null ? undefined : (JSON.parse(text) as T)
  } catch {
    return undefined
  }
}

function writeJson(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value))
  } catch {
    // quota or disabled storage: the flow still works in this page, it just won't survive a reload
  }
}
