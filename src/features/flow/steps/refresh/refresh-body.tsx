import { useState } from 'react'
import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import { StepResult } from '@/features/flow/components/step-result'
import { useStepRunner } from '@/features/flow/hooks/use-step-runner'
import type { Lab } from '@/features/flow/lab'
import { RefreshComparison } from '@/features/flow/steps/refresh/refresh-comparison'
import { refreshStep } from '@/features/flow/steps/refresh/step'

/** Uses the newest refresh token, optionally for less scope; then tries the replaced one again. */
export function RefreshBody({ lab }: { lab: Lab }) {
  const [scope, setScope] = useState('')
  const newest = refreshStep.prepare?.(lab.context, { scope, token: 'newest' })
  const previous = refreshStep.prepare?.(lab.context, { scope: '', token: 'previous' })
  const result = lab.resultOf(refreshStep)
  const { send, pending, resultRef } = useStepRunner(lab, refreshStep)
  if (!newest?.ok && !result) return <p className="text-sm text-slate-500">{newest?.reason}</p>
  const latest = result?.latest
  const rotated =
    result?.current &&
    result.previous?.response?.refresh_token !== result.current.response?.refresh_token
  return (
    <div className="space-y-3">
      <Field
        label="Refresh scope"
        value={scope}
        placeholder="empty: the scope granted before"
        spellCheck={false}
        onChange={(e) => setScope(e.target.value)}
        hint="Optional, and only narrower than what was granted (RFC 6749 §6)."
      />
      {newest?.ok && <RequestView spec={newest.request} label="Refresh request" />}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={!newest?.ok || pending}
          onClick={() => send({ scope, token: 'newest' })}
        >
          Refresh tokens
        </Button>
        {rotated && (
          <Button
            variant="ghost"
            disabled={!previous?.ok || pending}
            onClick={() => send({ scope: '', token: 'previous' })}
          >
            Send the replaced refresh token again
          </Button>
        )}
      </div>
      {result && (
        <StepResult ref={resultRef} label="Refresh response" className="space-y-3">
          {latest && (
            <>
              <ResponseView exchange={latest.exchange} />
              {result.reusedOld && (
                <p
                  role="status"
                  data-old-refresh-token={latest.response ? 'accepted' : 'refused'}
                  className="text-sm"
                >
                  {latest.response
                    ? 'This provider still accepted the replaced refresh token: it does not revoke a refresh token once used (Keycloak’s default, “Revoke Refresh Token” off). An attacker holding an old one can keep refreshing.'
                    : 'This provider refused the replaced refresh token: a used refresh token is revoked once a new one is issued (refresh token rotation, RFC 9700 §4.14.2).'}
                </p>
              )}
              {latest.diagnosis && <DiagnosisAlert diagnosis={latest.diagnosis} lab={lab} />}
            </>
          )}
          {result.current && result.previous && (
            <RefreshComparison previous={result.previous} current={result.current} />
          )}
        </StepResult>
      )}
    </div>
  )
}
