import { redactExchange } from '@/lib/http/redact'
import type { LabRun, RunTokenName, WithheldTokens } from './types'

export const HISTORY_SETTINGS_KEY = 'oidc-lab:history-settings:v1'

export interface HistorySettings {
  /** Keep the raw ID, access and refresh tokens of each saved run (off unless the user asks). */
  keepRawTokens: boolean
}

export function loadHistorySettings(storage: Storage | undefined): HistorySettings {
  try {
    const value: unknown = JSON.parse(storage?.getItem(HISTORY_SETTINGS_KEY) ?? '{}')
    const keep = (value as { keepRawTokens?: unknown } | null)?.keepRawTokens
    return { keepRawTokens: keep === true }
  } catch {
    return { keepRawTokens: false }
  }
}

export function saveHistorySettings(storage: Storage | undefined, settings: HistorySettings) {
  try {
    storage?.setItem(HISTORY_SETTINGS_KEY, JSON.stringify(settings))
  } catch {
    // storage disabled: the choice holds for this page only
  }
}

/** `header.payload.` of a compact JWS: the claims stay readable, the token is no longer usable. */
function withoutSignature(token: string | undefined): string | undefined {
  const parts = token?.split('.')
  return parts?.length === 3 ? `${parts[0]}.${parts[1]}.` : undefined
}

/**
 * The run as the history keeps it when raw tokens are not wanted: what comparing needs (the
 * decoded header and claims of the ID and access token, kept as unsigned `header.payload.`), no
 * refresh token at all, no opaque token, and tokens, codes and Bearer headers masked in the
 * recorded exchanges. A token without its signature cannot be replayed at any resource server.
 * `withheld` records what was taken out, so that views can say so; applying it twice changes
 * nothing more.
 */
export function withoutRawTokens<
  T extends Pick<LabRun, 'tokens' | 'exchanges'> & Pick<Partial<LabRun>, 'withheld'>,
>(run: T): T & { withheld: WithheldTokens } {
  const tokens: LabRun['tokens'] = {}
  const idToken = withoutSignature(run.tokens.idToken)
  const accessToken = withoutSignature(run.tokens.accessToken)
  if (idToken) tokens.idToken = idToken
  if (accessToken) tokens.accessToken = accessToken
  const dropped = new Set<RunTokenName>(run.withheld?.dropped)
  for (const name of ['idToken', 'accessToken', 'refreshToken'] as const)
    if (run.tokens[name] && !tokens[name]) dropped.add(name)
  return {
    ...run,
    tokens,
    exchanges: run.exchanges.map((x) => redactExchange(x, { tokens: true })),
    withheld: { dropped: [...dropped] },
  }
}
