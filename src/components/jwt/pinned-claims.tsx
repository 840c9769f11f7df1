import { ClaimTimeNote } from '@/components/jwt/claim-time-note'
import { ClaimValue } from '@/components/jwt/claim-value'

export interface PinnedClaimsProps {
  names: readonly string[]
  claims: Record<string, unknown>
  now: number
}

const WHY: Record<string, string> = {
  scope: 'what the token may be used for; userinfo needs openid',
  scp: 'what the token may be used for (array or string); userinfo needs openid',
  aud: 'which resource servers should accept it',
  azp: 'the client it was issued to',
  exp: 'refused after this time',
}

/** The claims that decide whether userinfo or an API accepts the token, above the full list. */
export function PinnedClaims({ names, claims, now }: PinnedClaimsProps) {
  const shown = names.filter((name) => claims[name] !== undefined)
  if (shown.length === 0) return null
  return (
    <div className="rounded-lg bg-violet-50 px-3 py-2">
      <p className="mb-1 text-xs font-semibold text-slate-700">Claims that decide the outcome</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1.5 text-xs">
        {shown.map((name) => (
          <div key={name} data-pinned-claim={name} className="contents">
            <dt className="font-mono font-semibold text-violet-700">{name}</dt>
            <dd className="min-w-0">
              <div className="font-mono">
                <ClaimValue value={claims[name]} />
                {name === 'exp' && <ClaimTimeNote name={name} value={claims[name]} now={now} />}
              </div>
              {WHY[name] && <p className="text-slate-600">{WHY[name]}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
