import { DiagnosisView, type DiagnosisViewAction } from '@/components/diagnosis/diagnosis-view'
import { ResponseView } from '@/components/http/response-view'
import { DecodedTokenView } from '@/components/jwt/decoded-token-view'
import { RichText } from '@/components/ui/rich-text'
import type { DecodedToken } from '@/lib/jwt/decode-jwt'
import type { Diagnosis, DiagnosisAction } from '@/lib/oidc/diagnose'
import { readUserinfoOutcome } from './userinfo-call'
import type { UserinfoCall } from './use-userinfo-call-mutation'

export interface UserinfoCallResultProps {
  call: UserinfoCall
  token: DecodedToken
  tokenResponseScope?: string
  now: number
  onUseIssuer: (issuer: string) => void
}

const ISSUER_ACTIONS = ['use_issuer', 'use_legacy_path', 'remove_legacy_path'] as const
type IssuerAction = Extract<DiagnosisAction, { kind: (typeof ISSUER_ACTIONS)[number] }>

const isIssuerAction = (action: DiagnosisAction | undefined): action is IssuerAction =>
  ISSUER_ACTIONS.some((kind) => kind === action?.kind)

/** A discovery fix that names another issuer becomes "fill it in the Issuer field". */
function issuerAction(
  action: DiagnosisAction | undefined,
  onUseIssuer: (issuer: string) => void,
): DiagnosisViewAction | undefined {
  if (!isIssuerAction(action)) return undefined
  const { issuer } = action
  return { label: `Use ${issuer} as the Issuer`, run: () => onUseIssuer(issuer) }
}

/** The flow's fixes rerun the flow; a pasted token cannot change, so say what to do here. */
function pastedTokenAdvice(diagnosis: Diagnosis): string | undefined {
  const action = diagnosis.action
  if (action?.kind === 'rerun_with_scope') {
    return `Here in the inspector: a token’s scope is fixed when it is issued. Request a new token with \`${action.scope}\` in its scope and paste it.`
  }
  if (action?.kind === 'restart_flow') return 'Here in the inspector: get a new token and paste it.'
  return undefined
}

/** What came back from a userinfo call made with a pasted token. */
export function UserinfoCallResult(props: UserinfoCallResultProps) {
  const { call, token, tokenResponseScope, now, onUseIssuer } = props
  if (call.stage === 'discovery') {
    return (
      <DiagnosisView
        diagnosis={call.diagnosis}
        action={issuerAction(call.diagnosis.action, onUseIssuer)}
      />
    )
  }
  if (call.stage === 'no_endpoint') {
    return (
      <p role="status" className="text-sm text-amber-800">
        The discovery document of <code className="font-mono">{call.discoveryIssuer}</code> names no
        userinfo_endpoint, so there is nothing to call.
      </p>
    )
  }
  const outcome = readUserinfoOutcome(call.exchange, {
    token,
    tokenResponseScope,
    expectedIssuer: call.discoveryIssuer,
    origin: window.location.origin,
  })
  const advice = outcome.diagnosis && pastedTokenAdvice(outcome.diagnosis)
  return (
    <div className="space-y-3">
      <ResponseView exchange={call.exchange} />
      {outcome.diagnosis && (
        <DiagnosisView
          diagnosis={outcome.diagnosis}
          action={issuerAction(outcome.diagnosis.action, onUseIssuer)}
        >
          {advice && (
            <span className="mt-1 block">
              <RichText text={advice} />
            </span>
          )}
        </DiagnosisView>
      )}
      {outcome.acceptedWithoutOpenid && (
        <p
          data-accepted-without-openid
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800"
        >
          This provider accepted the token although its scope lacks openid; Keycloak refuses such a
          token with 403 insufficient_scope.
        </p>
      )}
      {outcome.claims && (
        <DecodedTokenView
          title="Userinfo response"
          token={outcome.jwt}
          claims={outcome.claims}
          now={now}
        />
      )}
    </div>
  )
}
