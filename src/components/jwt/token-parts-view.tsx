import { ClaimsTable } from '@/components/jwt/claims-table'
import type { CheckItem } from '@/components/jwt/checks-list'
import { HeaderView } from '@/components/jwt/header-view'
import { OpaqueTokenView } from '@/components/jwt/opaque-token-view'
import { PartTabs, type PartTab, type PartTabId } from '@/components/jwt/part-tabs'
import { SignatureView } from '@/components/jwt/signature-view'
import { partError, type TokenDisplay } from '@/components/jwt/token-display'
import { UndecodedPart } from '@/components/jwt/undecoded-part'
import type { DecodedToken } from '@/lib/jwt/decode-jwt'

export interface TokenPartsViewProps {
  token: DecodedToken
  display: TokenDisplay
  payload: Record<string, unknown> | undefined
  signatureCheck: CheckItem | undefined
  now: number
  defaultTab: PartTabId
}

/** The decoded parts of a JWT as tabs, or the explanation of an opaque token. */
export function TokenPartsView(props: TokenPartsViewProps) {
  const { token, display, payload, signatureCheck, now, defaultTab } = props
  if (token.raw === '' || display.brokenJwt) return null
  if (token.kind === 'opaque') return <OpaqueTokenView raw={token.raw} />
  const encrypted = token.kind === 'jwe'
  const bad = (role: 'header' | 'payload' | 'signature') =>
    partError(display.problems, role) !== undefined
  const tabs: PartTab[] = [
    {
      id: 'header',
      label: 'Header',
      bad: bad('header'),
      panel: <HeaderView token={token} now={now} />,
    },
    {
      id: 'payload',
      label: 'Payload',
      bad: bad('payload'),
      panel: payload ? (
        <ClaimsTable claims={payload} now={now} label="Payload claims" />
      ) : encrypted ? (
        <p className="text-xs text-slate-600">
          Encrypted: only the recipient holding the private key can read the claims.
        </p>
      ) : (
        <UndecodedPart name="payload" text={token.payloadText} />
      ),
    },
    {
      id: 'signature',
      label: encrypted ? 'Encryption' : 'Signature',
      bad: encrypted ? false : bad('signature'),
      panel: <SignatureView token={token} check={signatureCheck} />,
    },
  ]
  return <PartTabs tabs={tabs} defaultTab={defaultTab} />
}
