import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import { Button } from '@/components/ui/button'
import type { CheckItem } from '@/components/jwt/checks-list'
import type { HttpRequestSpec } from '@/lib/wire/http-types'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import { ScopeComparisonView } from '@/features/flow/components/scope-comparison-view'
import { TokenRegions, type TokenRegionsProps } from '@/features/flow/components/token-regions'
import type { TokenResult } from '@/features/flow/steps/results'

export interface TokenStepProps {
  request: HttpRequestSpec | undefined
  blockedReason: string | undefined
  result: TokenResult | undefined
  pending: boolean
  idTokenChecks: CheckItem[]
  accessTokenChecks: CheckItem[]
  introspection: TokenRegionsProps['introspection']
  refresh: TokenRegionsProps['refresh']
  clientAuthMethod: TokenRegionsProps['clientAuthMethod']
  publicClient: boolean
  now: number
  onExchange: () => void
  onRerun: (scope: string) => void
}

export function TokenStep(props: TokenStepProps) {
  const { request, blockedReason, result, pending, now, onExchange, onRerun } = props
  return (
    <div className="space-y-4">
      {request ? (
        <RequestView spec={request} label="Token request" />
      ) : (
        <p className="text-sm text-slate-500">{blockedReason}</p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button size="lg" disabled={!request || pending} onClick={onExchange}>
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
        <>
          <ResponseView exchange={result.exchange} />
          {result.diagnosis && (
            <DiagnosisAlert
              diagnosis={result.diagnosis}
              actionLabel="Run again with openid"
              onAction={(a) => a.kind === 'rerun_with_scope' && onRerun(a.scope)}
            />
          )}
          {result.response && (
            <>
              <ScopeComparisonView comparison={result.scopes} />
              <TokenRegions
                result={result}
                idTokenChecks={props.idTokenChecks}
                accessTokenChecks={props.accessTokenChecks}
                introspection={props.introspection}
                refresh={props.refresh}
                clientAuthMethod={props.clientAuthMethod}
                publicClient={props.publicClient}
                now={now}
                onRerun={onRerun}
              />
            </>
          )}
        </>
      )}
    </div>
  )
}
