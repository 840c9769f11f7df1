import { useMutation } from '@tanstack/react-query'
import { ResponseView } from '@/components/http/response-view'
import { Button } from '@/components/ui/button'
import { SpecLink } from '@/components/ui/spec-link'
import { sendRecorded } from '@/lib/http/recorded-fetch'
import type { HttpRequestSpec } from '@/lib/wire/http-types'
import { diagnoseTokenError } from '@/lib/oidc/diagnose'
import { processTokenResponse } from '@/lib/oidc/token-response'
import type { ClientAuthMethod } from '@/lib/oidc/types'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'

export interface RefreshPanelProps {
  request: HttpRequestSpec
  clientAuthMethod: ClientAuthMethod
}

/** Uses the refresh token once, as an app would when the access token expires. */
export function RefreshPanel({ request, clientAuthMethod }: RefreshPanelProps) {
  const mutation = useMutation({ mutationFn: () => sendRecorded(request, { stepId: 'refresh' }) })
  const exchange = mutation.data
  const result = exchange?.response ? processTokenResponse(exchange.response) : undefined
  const diagnosis =
    exchange &&
    diagnoseTokenError(exchange, result && !result.ok ? result.error : undefined, {
      clientAuthMethod,
      isPublicClient: clientAuthMethod === 'none',
      grantType: 'refresh_token',
      origin: window.location.origin,
      tokenEndpoint: request.url,
    })
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate()}
        >
          Refresh tokens
        </Button>
        <span className="text-xs text-slate-600">
          Trade the refresh token for new tokens (
          <SpecLink href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</SpecLink>
          ): the scope stays what was granted, a refresh cannot add one.
        </span>
      </div>
      {exchange && <ResponseView exchange={exchange} />}
      {diagnosis && <DiagnosisAlert diagnosis={diagnosis} />}
    </div>
  )
}
