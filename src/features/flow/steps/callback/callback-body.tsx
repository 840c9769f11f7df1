import { ChecksList } from '@/components/jwt/checks-list'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import type { Lab } from '@/features/flow/lab'
import { callbackStep } from '@/features/flow/steps/callback/step'

const EXPLAIN: Record<string, string> = {
  code: 'The authorization code: single-use and short-lived; the app trades it for tokens next.',
  state: 'Echo of the state the app sent: proves this answer belongs to the request this tab made.',
  session_state:
    'Keycloak / OIDC Session Management: the provider session, for session-iframe checks.',
  iss: 'RFC 9207: the issuer that answered, so an app talking to several providers is not mixed up.',
  error: 'OAuth error code: the provider refused or could not complete the request.',
  error_description: 'The provider’s own human-readable explanation.',
  error_uri: 'A page the provider offers about this error.',
}

export function CallbackBody({ lab }: { lab: Lab }) {
  const callback = lab.resultOf(callbackStep)
  if (!callback)
    return (
      <p className="text-sm text-slate-500">
        Press Start authorization: the provider sends the browser back here.
      </p>
    )
  const { params, validation, diagnosis } = callback
  return (
    <div className="space-y-4">
      <table className="w-full text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">Parameter</th>
            <th className="py-1 pr-3 font-medium">Value</th>
            <th className="py-1 font-medium">Meaning</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {params.all.map(([name, value], i) => (
            <tr key={`${name}-${i}`} data-callback-param={name}>
              <td className="py-1.5 pr-3 font-mono font-medium">{name}</td>
              <td className="max-w-72 py-1.5 pr-3 font-mono break-all">{value}</td>
              <td className="py-1.5 text-slate-600">
                {EXPLAIN[name] ?? 'Extra parameter sent by the provider.'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {params.all.length === 0 && (
        <p className="text-sm text-slate-500">The callback URL carried no parameters at all.</p>
      )}
      <ChecksList checks={validation.checks} />
      {diagnosis && <DiagnosisAlert diagnosis={diagnosis} lab={lab} />}
    </div>
  )
}
