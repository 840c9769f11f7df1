import { ClaimsTable } from '@/components/jwt/claims-table'
import { UndecodedPart } from '@/components/jwt/undecoded-part'
import type { DecodedToken } from '@/lib/jwt/decode-jwt'

export interface HeaderViewProps {
  token: DecodedToken
  now: number
}

/** The JOSE header: each parameter with what it means, or the text that failed to parse. */
export function HeaderView({ token, now }: HeaderViewProps) {
  if (token.header) {
    return (
      <div className="space-y-2">
        <p className="text-xs text-slate-600">
          The header says how the token is protected: which algorithm, which key. It is not
          encrypted: anyone can read it.
        </p>
        <ClaimsTable claims={token.header} now={now} where="header" label="Header parameters" />
      </div>
    )
  }
  return <UndecodedPart name="header" text={token.headerText} />
}
