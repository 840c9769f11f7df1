import { DecodedTokenView } from '@/components/jwt/decoded-token-view'
import type { InspectCheck } from './inspect-checks'
import type { InspectSlot } from './inspect-slots'
import { RoleSwitch } from './role-switch'
import type { TokenRole } from './token-role'

export interface InspectedTokenProps {
  slot: InspectSlot
  checks: InspectCheck[] | undefined
  now: number
  introspectionEndpoint?: string
  onRoleChange: (role: TokenRole) => void
}

export function InspectedToken(props: InspectedTokenProps) {
  const { slot, checks, now, introspectionEndpoint, onRoleChange } = props
  return (
    <DecodedTokenView
      title={slot.title}
      token={slot.token}
      checks={checks ?? []}
      informativeChecks={slot.role === 'access'}
      now={now}
    >
      {slot.guess && <RoleSwitch role={slot.role} guess={slot.guess} onChange={onRoleChange} />}
      {slot.role === 'refresh' && (
        <p className="text-xs text-slate-600">
          A refresh token is for the provider only: the app sends it back to the token endpoint to
          get new tokens and never reads it, so there is nothing for a client to check.
        </p>
      )}
      {slot.token.kind === 'opaque' && introspectionEndpoint && (
        <p className="text-xs text-slate-600">
          This provider&apos;s introspection endpoint:{' '}
          <code className="font-mono break-all">{introspectionEndpoint}</code> (POST the token with
          client credentials).
        </p>
      )}
    </DecodedTokenView>
  )
}
