import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import { ScopeComparisonView } from '@/features/flow/components/scope-comparison-view'
import { StepResult } from '@/features/flow/components/step-result'
import { TokenRegions } from '@/features/flow/components/token-regions'
import { ScopeJourney } from '@/features/flow/steps/token/scope-journey'
import { useStepRunner } from '@/features/flow/hooks/use-step-runner'
import type { Lab } from '@/features/flow/lab'
import { tokenStep } from '@/features/flow/steps/token/step'
import { tokensOf } from '@/features/flow/steps/token-result'

export function TokenBody({ lab }: { lab: Lab }) {
  const prepared = tokenStep.prepare?.(lab.context)
  const result = lab.resultOf(tokenStep)
  const tokens = tokensOf(result)
  const { send, pending, resultRef } = useStepRunner(lab, tokenStep)
  return (
    <div className="space-y-4">
      <Field
        label="Token request scope"
        value={lab.config.tokenRequestScope}
        placeholder="optional: a scope sent again at /token"
        spellCheck={false}
        onChange={(e) => lab.updateConfig({ tokenRequestScope: e.target.value })}
        hint="RFC 6749 has no scope in the code exchange; Keycloak ignores one (the grant is what /auth asked for). Try it and compare."
      />
      {prepared?.ok ? (
        <RequestView spec={prepared.request} label="Token request" />
      ) : (
        <p className="text-sm text-slate-500">{prepared?.reason}</p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button size="lg" disabled={!prepared?.ok || pending} onClick={() => send()}>
          Exchange code
        </Button>
        {result && (
          <span className="text-xs text-slate-500">
            Sent {result.attempts}×. Codes are single-use: sending it again shows how the provider
            answers a replay.
          </span>
        )}
      </div>
      {result && (
        <StepResult ref={resultRef} label="Token response" className="space-y-4">
          {result.earlier ? (
            <div className="grid gap-3 lg:grid-cols-2" data-replay>
              <div className="space-y-1">
                <p className="text-xs font-medium text-slate-600">
                  First exchange (attempt {result.earlier.attempts})
                </p>
                <ResponseView exchange={result.earlier.exchange} />
              </div>
              <div className="space-y-1">
                <p className="text-xs font-medium text-slate-600">
                  The same code again (attempt {result.attempts})
                </p>
                <ResponseView exchange={result.exchange} />
              </div>
            </div>
          ) : (
            <ResponseView exchange={result.exchange} />
          )}
          {result.diagnosis && <DiagnosisAlert diagnosis={result.diagnosis} lab={lab} />}
          {tokens?.response && (
            <>
              <ScopeJourney lab={lab} tokens={tokens} />
              <ScopeComparisonView comparison={tokens.scopes} />
              <TokenRegions result={tokens} lab={lab} />
            </>
          )}
        </StepResult>
      )}
    </div>
  )
}
