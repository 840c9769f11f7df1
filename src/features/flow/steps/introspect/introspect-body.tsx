import { ResponseView } from '@/components/http/response-view'
import { ClaimsTable } from '@/components/jwt/claims-table'
import { useStepRunner } from '@/features/flow/hooks/use-step-runner'
import { preparedPerToken, TokenKindButtons } from '@/features/flow/components/token-kind-buttons'
import type { Lab } from '@/features/flow/lab'
import { introspectStep } from '@/features/flow/steps/introspect/step'

export function IntrospectBody({ lab }: { lab: Lab }) {
  const result = lab.resultOf(introspectStep)
  const { send, pending } = useStepRunner(lab, introspectStep)
  const offered = preparedPerToken(lab, introspectStep)
  const first = offered[0]?.prepared
  if (!offered.some((t) => t.prepared?.ok) && !result)
    return <p className="text-sm text-slate-500">{first && !first.ok && first.reason}</p>
  return (
    <div className="space-y-3">
      <TokenKindButtons
        offered={offered}
        verb="Introspect"
        pending={pending}
        onSend={(token) => send({ token })}
      />
      {lab.config.clientType === 'public' && (
        <p className="text-xs text-slate-500">
          This is a public client: introspection is for confidential clients and resource servers,
          so expect an error or {'{"active": false}'}.
        </p>
      )}
      {result && (
        <>
          <ResponseView exchange={result.exchange} />
          {result.error && (
            <p role="alert" data-diagnosis={result.error.code} className="text-sm text-rose-800">
              {result.error.message}
            </p>
          )}
          {result.members && (
            <section aria-label="Introspection response" className="space-y-2">
              <h4 className="text-sm font-semibold">
                Introspection response ({result.token.replace('_', ' ')})
              </h4>
              <ClaimsTable claims={result.members} now={lab.now} label="Introspection members" />
            </section>
          )}
        </>
      )}
    </div>
  )
}
