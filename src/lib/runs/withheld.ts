import type { LabRun, RunTokenName } from './types'

/** The History view's opt-in (UI contract): raw tokens are kept with the runs saved from then on. */
export const KEEP_RAW_TOKENS_LABEL = 'Keep raw tokens in history'

const NAMES: Record<RunTokenName, string> = {
  idToken: 'ID token',
  accessToken: 'access token',
  refreshToken: 'refresh token',
}

type RunTokens = Pick<LabRun, 'tokens' | 'withheld' | 'imported'>

/** A compact JWS without its signature (`header.payload.`), as the history or an export keeps it. */
export function isUnsigned(token: string | undefined): boolean {
  return token !== undefined && /^[\w-]+\.[\w-]*\.$/.test(token.trim())
}

function howToKeep(run: RunTokens): string {
  const again = `To keep raw tokens with the runs you save from now on, tick “${KEEP_RAW_TOKENS_LABEL}” on the History view and run the flow again`
  return run.imported
    ? `${again} (for an imported run: tick it, then import a file that holds the raw tokens).`
    : `${again}.`
}

/** One line for a run whose raw tokens were not kept, or undefined when it holds them as issued. */
export function withheldSummary(run: RunTokens): string | undefined {
  const unsigned = (['idToken', 'accessToken'] as const).some((n) => isUnsigned(run.tokens[n]))
  if (!run.withheld && !unsigned) return undefined
  const dropped = run.withheld?.dropped ?? []
  const parts = ['decoded headers and claims only, no signatures']
  if (dropped.includes('refreshToken')) parts.push('no refresh token')
  const opaque = dropped.filter((n) => n !== 'refreshToken').map((n) => NAMES[n])
  if (opaque.length) parts.push(`no ${opaque.join(' or ')} (not a signed JWT)`)
  return `Raw tokens not kept: ${parts.join(', ')}. ${howToKeep(run)}`
}
