import { parseScope } from '@/lib/oidc/scopes'
import type { Lab } from '@/features/flow/lab'
import type { TokenResult } from '@/features/flow/steps/token-result'

const list = (scopes: readonly string[]) => (scopes.length ? scopes.join(' ') : '(none)')

/** Requested at /auth, requested again at /token, granted: what the provider did with each. */
export function ScopeJourney({ lab, tokens }: { lab: Lab; tokens: TokenResult }) {
  const atToken = tokens.exchange.request.form?.find(([name]) => name === 'scope')?.[1]
  if (atToken === undefined) return null
  const atAuth = lab.config.scopes
  const granted =
    tokens.response?.scope === undefined ? undefined : parseScope(tokens.response.scope)
  const extra = parseScope(atToken).filter((s) => !atAuth.includes(s))
  const widened = granted && extra.filter((s) => granted.includes(s))
  return (
    <div data-scope-journey className="rounded-lg border border-slate-200 p-3 text-sm">
      <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="text-slate-600">Requested at /auth</dt>
        <dd className="font-mono text-xs" data-scope-at="auth">
          {list(atAuth)}
        </dd>
        <dt className="text-slate-600">Requested again at /token</dt>
        <dd className="font-mono text-xs" data-scope-at="token">
          {atToken}
        </dd>
        <dt className="text-slate-600">Granted</dt>
        <dd className="font-mono text-xs" data-scope-at="granted">
          {granted ? list(granted) : '(the token response has no scope)'}
        </dd>
      </dl>
      {granted && extra.length > 0 && (
        <p className="mt-2" data-token-scope-widened={String((widened?.length ?? 0) > 0)}>
          {widened && widened.length > 0
            ? `This provider widened the grant with the /token scope: ${list(widened)} was not asked for at /auth but was granted.`
            : `This provider did not widen the grant: ${list(extra)}, asked for only at /token, was not granted. The code carries what /auth granted.`}
        </p>
      )}
    </div>
  )
}
