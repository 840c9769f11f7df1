import { ResponseView } from '@/components/http/response-view'
import { ClaimsTable } from '@/components/jwt/claims-table'
import { Button } from '@/components/ui/button'
import { useStepRunner } from '@/features/flow/hooks/use-step-runner'
import type { Lab } from '@/features/flow/lab'
import { introspectStep, type TokenKind } from '@/features/flow/steps/introspect/step'

const TOKENS: { kind: TokenKind; label: string }[] = [
  { kind: 'access_token', label: 'Introspect access token' },
  { kind: 'refresh_token', label: 'Introspect refresh token' },
]

export function IntrospectBody({ lab }: { lab: Lab }) {
  const result = lab.resultOf(introspectStep)
  const { send, pending } = useStepRunner(lab, introspectStep)
  const offered = TOKENS.map((t) => ({
    ...t,
    prepared: introspectStep.prepare?.(lab.context, { token: t.kind }),
  }))
  const first = offered[0]?.prepared
  if (!offered.some((t) => t.prepared?.ok) && !result)
    return <p className="text-sm text-slate-500">{first && !first.ok && first.reason}</p>
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {offered.map((t) => (
          <Button
            key={t.kind}
            variant="secondary"
            disabled={!t.prepared?.ok || pending}
            onClick={() => send({ token: t.kind })}
          >
            {t.label}
          </Button>
        ))}
      </div>
      {lab.config.clientType === 'public' && (
        <p className="text-xs text-slate-500">
          This is a public client: introspection is for confidential clients and resource servers,
          so expect an error or {'{"active": false}'}.
        </p>
      )}
      {result && (
        <>
          <ResponseView exchange={result.exchange} />
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
