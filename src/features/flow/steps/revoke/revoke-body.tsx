import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import { REVOCATION_SUCCESS_NOTICE } from '@/lib/oidc/revocation'
import { useStepRunner } from '@/features/flow/hooks/use-step-runner'
import { preparedPerToken, TokenKindButtons } from '@/features/flow/components/token-kind-buttons'
import type { Lab } from '@/features/flow/lab'
import { revokeStep } from '@/features/flow/steps/revoke/step'

export function RevokeBody({ lab }: { lab: Lab }) {
  const result = lab.resultOf(revokeStep)
  const { send, pending } = useStepRunner(lab, revokeStep)
  const offered = preparedPerToken(lab, revokeStep)
  const first = offered[0]?.prepared
  const shown = offered.find((t) => t.prepared?.ok)?.prepared
  if (!shown && !result)
    return <p className="text-sm text-slate-500">{first && !first.ok && first.reason}</p>
  return (
    <div className="space-y-3">
      {shown?.ok && <RequestView spec={shown.request} label="Revocation request (access token)" />}
      <TokenKindButtons
        offered={offered}
        verb="Revoke"
        pending={pending}
        onSend={(token) => send({ token })}
      />
      {result && (
        <>
          <ResponseView exchange={result.exchange} />
          {result.accepted ? (
            <p className="text-sm text-slate-700" data-revoked={result.token}>
              The provider accepted the revocation of the {result.token.replace('_', ' ')}.{' '}
              {REVOCATION_SUCCESS_NOTICE} Or use it again (userinfo, refresh): a provider that
              honoured the revocation refuses it.
            </p>
          ) : (
            result.error && (
              <p
                role="alert"
                data-diagnosis={result.error.code}
                className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm"
              >
                {result.error.message}
              </p>
            )
          )}
          {result.deviations.map((d) => (
            <p key={d} className="text-xs text-amber-800">
              Deviation from the spec: {d}
            </p>
          ))}
        </>
      )}
    </div>
  )
}
