import { z } from '@/lib/schema'
import type { HttpExchange } from '@/lib/wire/http-types'
import { redactExchange } from '@/lib/http/redact'
import { describeIssues, labConfigSchema, parseStoredConfig } from '@/lib/lab-config/config-schema'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { FlowState } from '@/features/flow/flow-reducer'

export const STORAGE_KEYS = {
  flow: 'oidc-lab:flow:v1',
  exchanges: 'oidc-lab:exchanges:v1',
  remembered: 'oidc-lab:remembered-config:v1',
} as const

const savedFlowSchema = z.object({
  config: labConfigSchema,
  request: z.optional(
    z.object({
      state: z.string(),
      nonce: z.string(),
      codeVerifier: z.optional(z.string()),
      codeChallenge: z.optional(z.string()),
      url: z.optional(z.string()),
      startedAt: z.optional(z.string()),
    }),
  ),
  callback: z.optional(z.object({ url: z.string(), receivedAt: z.string() })),
  sent: z.record(z.string(), z.array(z.string())),
  autoRun: z.boolean(),
  mode: z.enum(['guided', 'library']),
  run: z.number(),
  logout: z.optional(
    z.object({
      state: z.string(),
      url: z.string(),
      startedAt: z.string(),
      returnUrl: z.optional(z.string()),
      returnedAt: z.optional(z.string()),
    }),
  ),
})

const headers = z.record(z.string(), z.string())
const savedExchangeSchema = z.looseObject({
  id: z.string(),
  stepId: z.optional(z.string()),
  startedAt: z.string(),
  durationMs: z.number(),
  request: z.looseObject({
    method: z.enum(['GET', 'POST']),
    url: z.string(),
    headers,
    form: z.optional(z.array(z.tuple([z.string(), z.string()]))),
    body: z.optional(z.string()),
    secretFields: z.optional(z.array(z.string())),
  }),
  response: z.optional(
    z.looseObject({ status: z.number(), statusText: z.string(), headers, body: z.string() }),
  ),
  networkError: z.optional(z.string()),
})

/**
 * Whether this tab must keep the client secret in sessionStorage: only while the page is away at the
 * provider and the secret is still to be used when it comes back, i.e. from `Start authorization`
 * until the code exchange was sent (guided mode) or the callback arrived (library mode, which
 * exchanges the code at once), and while a logout is away. The rest of the time it stays in memory
 * only (or in localStorage when the user ticked "remember on this device").
 */
export function secretNeededAcrossRedirect(flow: FlowState): boolean {
  if (flow.config.clientType !== 'confidential' || !flow.config.clientSecret) return false
  const awayForCode =
    flow.request?.url !== undefined &&
    !(flow.sent.token?.length ?? 0) &&
    !(flow.mode === 'library' && flow.callback)
  const awayForLogout = flow.logout !== undefined && flow.logout.returnedAt === undefined
  return awayForCode || awayForLogout
}

/** The flow as sessionStorage keeps it: nothing running, and the secret only when needed. */
export function persistedFlow(flow: FlowState): Omit<FlowState, 'running'> {
  const { running: _running, ...saved } = flow
  if (flow.config.rememberSecret || secretNeededAcrossRedirect(flow)) return saved
  return { ...saved, config: { ...saved.config, clientSecret: '' } }
}

/**
 * The exchange log as sessionStorage keeps it: client secrets masked (Basic credentials, form
 * `client_secret`…). The live log in memory keeps them, masked on screen until revealed; the
 * secret is never read back from the log, and tokens stay (the steps derive their results from them).
 */
export function persistedExchanges(exchanges: readonly HttpExchange[]): HttpExchange[] {
  return exchanges.map((exchange) => redactExchange(exchange, { tokens: false }))
}

export interface PersistedSession {
  flow: FlowState
  exchanges: HttpExchange[]
}

export interface LoadedSession {
  session?: PersistedSession
  /** What was dropped and why, for a visible notice: never a crash. */
  notices: string[]
}

/**
 * Keeps the flow (config, state, nonce, code_verifier, exchange ids) and the exchanges across the
 * full-page redirect to the provider. sessionStorage is per tab and dies with it; it holds the client
 * secret only while the page is away at the provider ({@link secretNeededAcrossRedirect}), the
 * recorded exchanges only with secrets masked; only a ticked "remember on this device" puts the
 * client secret in localStorage. Everything read back is
 * validated: a stale or corrupt value is dropped with a notice.
 */
export interface FlowSession {
  load(): LoadedSession
  save(session: PersistedSession): void
  loadRemembered(): { config?: Partial<LabConfig>; notices: string[] }
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
      const notices: string[] = []
      const raw = readJson(session, STORAGE_KEYS.flow)
      if (raw.status === 'absent') return { notices }
      const parsed = raw.status === 'ok' ? savedFlowSchema.safeParse(raw.value) : undefined
      if (!parsed?.success) {
        session.removeItem(STORAGE_KEYS.flow)
        notices.push(
          `The saved flow of this tab was unreadable and was dropped (${parsed ? describeIssues(parsed.error.issues) : 'not JSON'}); start the authorization again.`,
        )
        return { notices }
      }
      const stored = readJson(session, STORAGE_KEYS.exchanges)
      const list = stored.status === 'ok' && Array.isArray(stored.value) ? stored.value : []
      const exchanges = list.filter((x) => savedExchangeSchema.safeParse(x).success)
      if (stored.status === 'corrupt' || (stored.status === 'ok' && !Array.isArray(stored.value)))
        notices.push('The saved exchange log was unreadable and was dropped.')
      else if (exchanges.length < list.length)
        notices.push(
          `${list.length - exchanges.length} unreadable entries of the saved exchange log were dropped.`,
        )
      const flow: FlowState = { ...(parsed.data as Omit<FlowState, 'running'>), running: [] }
      return { session: { flow, exchanges: exchanges as HttpExchange[] }, notices }
    },
    save({ flow, exchanges }) {
      if (frozen) return
      writeJson(session, STORAGE_KEYS.flow, persistedFlow(flow))
      writeJson(session, STORAGE_KEYS.exchanges, persistedExchanges(exchanges))
      writeJson(
        local,
        STORAGE_KEYS.remembered,
        flow.config.rememberSecret ? flow.config : { ...flow.config, clientSecret: '' },
      )
    },
    loadRemembered() {
      const raw = readJson(local, STORAGE_KEYS.remembered)
      if (raw.status === 'absent') return { notices: [] }
      const parsed = raw.status === 'ok' ? parseStoredConfig(raw.value) : undefined
      if (!parsed?.ok) {
        local.removeItem(STORAGE_KEYS.remembered)
        return { notices: ['The remembered setup was unreadable and was dropped.'] }
      }
      const notices = parsed.dropped.length
        ? [`Some remembered settings were unreadable and were reset: ${parsed.dropped.join(', ')}.`]
        : []
      return { config: parsed.config, notices }
    },
  }
}

type Read = { status: 'absent' } | { status: 'corrupt' } | { status: 'ok'; value: unknown }

function readJson(storage: Storage, key: string): Read {
  try {
    const text = storage.getItem(key)
    return text === null ? { status: 'absent' } : { status: 'ok', value: JSON.parse(text) }
  } catch {
    return { status: 'corrupt' }
  }
}

function writeJson(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value))
  } catch {
    // quota or disabled storage: the flow still works in this page, it just won't survive a reload
  }
}
