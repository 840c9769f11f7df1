import { DecodedTokenView } from '@/components/jwt/decoded-token-view'
import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import { Button } from '@/components/ui/button'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import { StepResult } from '@/features/flow/components/step-result'
import { useStepRunner } from '@/features/flow/hooks/use-step-runner'
import type { Lab } from '@/features/flow/lab'
import { userinfoStep } from '@/features/flow/steps/userinfo/step'

export function UserinfoBody({ lab }: { lab: Lab }) {
  const prepared = userinfoStep.prepare?.(lab.context)
  const result = lab.resultOf(userinfoStep)
  const { send, pending, resultRef } = useStepRunner(lab, userinfoStep)
  return (
    <div className="space-y-4">
      {prepared?.ok ? (
        <RequestView spec={prepared.request} label="Userinfo request" />
      ) : (
        <p className="text-sm text-slate-500">{prepared?.reason}</p>
      )}
      <Button size="lg" disabled={!prepared?.ok || pending} onClick={() => send()}>
        Call userinfo
      </Button>
      {result && (
        <StepResult ref={resultRef} label="Userinfo answer" className="space-y-4">
          <ResponseView exchange={result.exchange} />
          {result.diagnosis && <DiagnosisAlert diagnosis={result.diagnosis} lab={lab} />}
          {result.notice && <DiagnosisAlert diagnosis={result.notice} lab={lab} />}
          {result.claims && (
            <DecodedTokenView
              title="Userinfo response"
              token={result.jwt}
              claims={result.claims}
              checks={lab.checks.userinfo}
              now={lab.now}
            />
          )}
        </StepResult>
      )}
    </div>
  )
}
