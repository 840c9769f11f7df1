import { useQuery } from '@tanstack/react-query'
import { RequestView } from '@/components/http/request-view'
import { Button } from '@/components/ui/button'
import type { DecodedToken } from '@/lib/jwt/decode-jwt'
import { buildUserinfoRequest } from '@/lib/oidc/userinfo'
import { fetchedValue } from '@/lib/provider-queries'
import { discoveryQueryOptions } from '@/lib/provider-query-options'
import { resolveUserinfoIssuer } from './userinfo-call'
import { UserinfoCallResult } from './userinfo-call-result'
import { useUserinfoCallMutation } from './use-userinfo-call-mutation'

export interface UserinfoCallPanelProps {
  /** Remount the panel (`key`) per token: an answer belongs to the token that was sent. */
  token: DecodedToken
  /** The Issuer field as typed; the token's `iss` is used when it is empty. */
  issuerInput: string
  tokenType?: string
  tokenResponseScope?: string
  now: number
  onUseIssuer: (issuer: string) => void
}

/** "Will userinfo take this token?": the request shown, sent on click, the answer explained. */
export function UserinfoCallPanel(props: UserinfoCallPanelProps) {
  const { token, issuerInput, tokenType, now } = props
  const target = resolveUserinfoIssuer(issuerInput, token.payload)
  const issuer = target.ok ? target.issuer : undefined
  // never fetched from here: an address read from a pasted token is contacted only on click
  const discovery = useQuery({ ...discoveryQueryOptions(issuer), enabled: false })
  const endpoint = fetchedValue(discovery.data)?.userinfo_endpoint
  const mutation = useUserinfoCallMutation()
  const call = mutation.data
  const request =
    call?.stage === 'userinfo'
      ? call.request
      : endpoint
        ? buildUserinfoRequest(endpoint, token.raw, tokenType)
        : undefined
  return (
    <div
      data-userinfo-call
      className="min-w-0 space-y-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h4 className="font-semibold">Will userinfo take this token?</h4>
      {target.ok ? (
        <p className="text-xs text-slate-600">
          Sends this token as a Bearer token to the userinfo endpoint named by the discovery
          document of <code className="font-mono">{target.issuer}</code> (
          {target.from === 'field' ? 'the Issuer field' : 'the token’s iss'}).
          {!request &&
            ' The discovery document is fetched when you click: the lab does not contact an address read from a pasted token on its own.'}
        </p>
      ) : (
        <p className="text-xs text-amber-800">{target.reason}</p>
      )}
      {request && <RequestView spec={request} label="Userinfo request" />}
      <Button
        disabled={!target.ok || mutation.isPending}
        onClick={() =>
          issuer &&
          mutation.mutate({
            issuer,
            accessToken: token.raw,
            ...(tokenType ? { tokenType } : {}),
          })
        }
      >
        Call userinfo with this token
      </Button>
      {mutation.isPending && (
        <p role="status" className="text-xs text-slate-500">
          Calling userinfo…
        </p>
      )}
      {mutation.error && (
        <p role="status" className="text-xs text-rose-700">
          {mutation.error.message}
        </p>
      )}
      {call && (
        <UserinfoCallResult
          call={call}
          token={token}
          tokenResponseScope={props.tokenResponseScope}
          now={now}
          onUseIssuer={props.onUseIssuer}
        />
      )}
    </div>
  )
}
