import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import { RequestSnippets } from '@/features/flow/components/request-snippets'
import { StepResult } from '@/features/flow/components/step-result'
import { TokenRegions } from '@/features/flow/components/token-regions'
import { useStepRunner } from '@/features/flow/hooks/use-step-runner'
import type { Lab } from '@/features/flow/lab'
import { clientCredentialsStep } from '@/features/flow/steps/client-credentials/step'

export function ClientCredentialsBody({ lab }: { lab: Lab }) {
  const prepared = clientCredentialsStep.prepare?.(lab.context)
  const result = lab.resultOf(clientCredentialsStep)
  const { send, pending, resultRef } = useStepRunner(lab, clientCredentialsStep)
  return (
    <div className="space-y-4">
      <Field
        label="Token request scope"
        value={lab.config.tokenRequestScope}
        placeholder="api:read, or openid api:read"
        spellCheck={false}
        onChange={(e) => lab.updateConfig({ tokenRequestScope: e.target.value })}
        hint="Space-separated. Without openid, the token is plain OAuth 2.0: Keycloak's userinfo refuses it."
      />
      {prepared?.ok ? (
        <>
          <RequestView spec={prepared.request} label="Token request" />
          <RequestSnippets spec={prepared.request} />
        </>
      ) : (
        <p role="alert" data-diagnosis="grant_not_allowed" className="text-sm text-amber-800">
          {prepared?.reason}
        </p>
      )}
      <Button size="lg" disabled={!prepared?.ok || pending} onClick={() => send()}>
        Request token
      </Button>
      {result && (
        <StepResult ref={resultRef} label="Token response" className="space-y-4">
          <ResponseView exchange={result.exchange} />
          {result.diagnosis && <DiagnosisAlert diagnosis={result.diagnosis} lab={lab} />}
          {result.response && <TokenRegions result={result} lab={lab} />}
        </StepResult>
      )}
    </div>
  )
}
