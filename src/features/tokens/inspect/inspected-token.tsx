import { DecodedTokenView } from '@/components/jwt/decoded-token-view'
import { ServiceAccountPanel } from '@/components/jwt/service-account-panel'
import { decisiveAccessTokenClaims } from '@/lib/jwt/userinfo-scope-check'
import { isServiceAccountToken } from '@/lib/oidc/client-credentials'
import type { InspectCheck } from './inspect-checks'
import type { InspectSlot } from './inspect-slots'
import { LibraryDecoderView } from './library-decoder-view'
import { RoleSwitch } from './role-switch'
import type { TokenRole } from './token-role'
import { UserinfoCallPanel } from './userinfo-call-panel'

/** What the userinfo call of an access token needs from the rest of the inspector. */
export interface UserinfoCallInput {
  issuerInput: string
  tokenType?: string
  tokenResponseScope?: string
  onUseIssuer: (issuer: string) => void
}

export interface InspectedTokenProps {
  slot: InspectSlot
  checks: InspectCheck[] | undefined
  now: number
  introspectionEndpoint?: string
  userinfo: UserinfoCallInput
  onRoleChange: (role: TokenRole) => void
}

export function InspectedToken(props: InspectedTokenProps) {
  const { slot, checks, now, introspectionEndpoint, userinfo, onRoleChange } = props
  const payload = slot.token.payload
  const access = slot.role === 'access'
  return (
    <>
      <DecodedTokenView
        title={slot.title}
        token={slot.token}
        checks={checks ?? []}
        informativeChecks={access}
        now={now}
        {...(access ? { pinnedClaims: decisiveAccessTokenClaims(payload) } : {})}
        footer={<LibraryDecoderView raw={slot.source} token={slot.token} />}
      >
        {slot.guess && <RoleSwitch role={slot.role} guess={slot.guess} onChange={onRoleChange} />}
        {access && payload && <ServiceAccountPanel verdict={isServiceAccountToken(payload)} />}
        {slot.role === 'refresh' && (
          <p className="text-xs text-slate-600">
            A refresh token is for the provider only: the app sends it back to the token endpoint to
            get new tokens and never reads it, so there is nothing for a client to check.
          </p>
        )}
        {slot.token.kind === 'opaque' && introspectionEndpoint && (
          <p className="text-xs text-slate-600">
            This provider&apos;s introspection endpoint:{' '}
            <code className="font-mono break-all">{introspectionEndpoint}</code> (POST the token
            with client credentials).
          </p>
        )}
      </DecodedTokenView>
      {access && slot.token.raw !== '' && (
        <UserinfoCallPanel key={slot.token.raw} token={slot.token} now={now} {...userinfo} />
      )}
    </>
  )
}
