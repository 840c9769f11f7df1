import { DecodedTokenView } from '@/components/jwt/decoded-token-view'
import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import type { CheckItem } from '@/components/jwt/checks-list'
import { Button } from '@/components/ui/button'
import type { HttpRequestSpec } from '@/lib/wire/http-types'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import type { UserinfoResult } from '@/features/flow/steps/results'

export interface UserinfoStepProps {
  request: HttpRequestSpec | undefined
  blockedReason: string | undefined
  result: UserinfoResult | undefined
  checks: CheckItem[]
  pending: boolean
  now: number
  onCall: () => void
  onRerun: (scope: string) => void
}

export function UserinfoStep(props: UserinfoStepProps) {
  const { request, blockedReason, result, checks, pending, now, onCall, onRerun } = props
  return (
    <div className="space-y-4">
      {request ? (
        <RequestView spec={request} label="Userinfo request" />
      ) : (
        <p className="text-sm text-slate-500">{blockedReason}</p>
      )}
      <Button size="lg" disabled={!request || pending} onClick={onCall}>
        Call userinfo
      </Button>
      {result && (
        <>
          <ResponseView exchange={result.exchange} />
          {result.diagnosis && (
            <DiagnosisAlert
              diagnosis={result.diagnosis}
              actionLabel={
                result.diagnosis.action?.kind === 'rerun_with_scope'
                  ? `Run again with ${result.diagnosis.action.scope}`
                  : undefined
              }
              onAction={(a) => a.kind === 'rerun_with_scope' && onRerun(a.scope)}
            />
          )}
          {result.claims && (
            <DecodedTokenView
              title="Userinfo response"
              token={result.jwt}
              claims={result.claims}
              checks={checks}
              now={now}
            />
          )}
        </>
      )}
    </div>
  )
}
