import { ResponseView } from '@/components/http/response-view'
import type { HttpExchange } from '@/lib/wire/http-types'
import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import type { Lab } from '@/features/flow/lab'
import { endSessionFor, logoutStep } from '@/features/flow/steps/logout/step'
import { REFRESH_DEFAULT, refreshStep } from '@/features/flow/steps/refresh/step'
import { userinfoStep } from '@/features/flow/steps/userinfo/step'

/** Log out at the provider; back here, try the old tokens and see them refused (or not). */
export function LogoutBody({ lab }: { lab: Lab }) {
  const logout = lab.resultOf(logoutStep)
  const preview = endSessionFor(lab.context)
  if (!logout?.returned)
    return typeof preview === 'string' ? (
      <p className="text-sm text-slate-500">{preview}</p>
    ) : (
      <div className="space-y-3">
        <CodeBlock label="Logout URL">{preview.url}</CodeBlock>
        <ul className="space-y-0.5 text-xs text-slate-600">
          {preview.params.map((p) => (
            <li key={p.name}>
              <code className="font-mono font-medium">{p.name}</code>: {p.explanation}
            </li>
          ))}
          <li>
            <code className="font-mono font-medium">state</code>: a fresh value is added when you
            press Log out, and checked when the provider sends the browser back.
          </li>
        </ul>
        <Button size="lg" onClick={lab.startLogout}>
          Log out
        </Button>
      </div>
    )
  const refresh = lab.resultOf(refreshStep)
  const userinfo = lab.resultOf(userinfoStep)
  const returnedAt = lab.flow.logout?.returnedAt ?? ''
  const after = <T extends { exchange: HttpExchange }>(x: T | undefined) =>
    x && x.exchange.startedAt > returnedAt ? x : undefined
  const tried = { refresh: after(refresh?.latest), userinfo: after(userinfo) }
  const tryOldTokens = () => {
    void lab.send(userinfoStep, undefined)
    if (refreshStep.prepare?.(lab.context, REFRESH_DEFAULT).ok)
      void lab.send(refreshStep, REFRESH_DEFAULT)
  }
  return (
    <div className="space-y-3">
      <p className="text-sm" data-logout-state={String(logout.returned.stateMatches)}>
        The provider sent the browser back to this page. {logout.returned.message}
      </p>
      <Button onClick={tryOldTokens}>Try the old tokens</Button>
      <p className="text-xs text-slate-500">
        Calls userinfo with the old access token and refreshes with the old refresh token. A
        provider that ended the session refuses both (Keycloak: 401 at userinfo, 400 invalid_grant
        “Session not active” at the token endpoint); offline tokens survive.
      </p>
      {tried.userinfo && (
        <div data-after-logout="userinfo" className="space-y-2">
          <ResponseView exchange={tried.userinfo.exchange} />
          {tried.userinfo.diagnosis && <DiagnosisAlert diagnosis={tried.userinfo.diagnosis} />}
        </div>
      )}
      {tried.refresh && (
        <div data-after-logout="refresh" className="space-y-2">
          <ResponseView exchange={tried.refresh.exchange} />
          {tried.refresh.diagnosis && <DiagnosisAlert diagnosis={tried.refresh.diagnosis} />}
        </div>
      )}
    </div>
  )
}
