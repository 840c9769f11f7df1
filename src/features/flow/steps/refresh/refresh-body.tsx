import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import { Button } from '@/components/ui/button'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import { useStepRunner } from '@/features/flow/hooks/use-step-runner'
import type { Lab } from '@/features/flow/lab'
import { refreshStep } from '@/features/flow/steps/refresh/step'

/** Uses the newest refresh token once, as an app would when the access token expires. */
export function RefreshBody({ lab }: { lab: Lab }) {
  const prepared = refreshStep.prepare?.(lab.context)
  const result = lab.resultOf(refreshStep)?.latest
  const { send, pending } = useStepRunner(lab, refreshStep)
  if (!prepared?.ok && !result) return <p className="text-sm text-slate-500">{prepared?.reason}</p>
  return (
    <div className="space-y-3">
      {prepared?.ok && <RequestView spec={prepared.request} label="Refresh request" />}
      <Button variant="secondary" disabled={!prepared?.ok || pending} onClick={() => send()}>
        Refresh tokens
      </Button>
      {result && (
        <>
          <ResponseView exchange={result.exchange} />
          {result.diagnosis && <DiagnosisAlert diagnosis={result.diagnosis} lab={lab} />}
        </>
      )}
    </div>
  )
}
