import type { ReactNode } from 'react'
import { ChecksList, type CheckItem } from '@/components/jwt/checks-list'
import { ClaimsTable } from '@/components/jwt/claims-table'
import type { PartTabId } from '@/components/jwt/part-tabs'
import { PinnedClaims } from '@/components/jwt/pinned-claims'
import { ProblemsList } from '@/components/jwt/problems-list'
import { RawToken } from '@/components/jwt/raw-token'
import { describeTokenDisplay } from '@/components/jwt/token-display'
import { TokenPartsView } from '@/components/jwt/token-parts-view'
import { TokenViewHeader } from '@/components/jwt/token-view-header'
import { DECODE_ONLY_NOTICE, type DecodedToken } from '@/lib/jwt/decode-jwt'

export interface DecodedTokenViewProps {
  /** The region's accessible name, e.g. `ID token` (UI contract). */
  title: string
  token?: DecodedToken
  /** For responses that are plain JSON claims (userinfo). */
  claims?: Record<string, unknown>
  checks?: CheckItem[]
  informativeChecks?: boolean
  /** Current time in seconds since the epoch, for "expires in 4 min". */
  now: number
  /** Which part tab opens first; defaults to the payload. */
  defaultTab?: PartTabId
  /**
   * Claims shown above everything else, each as `data-pinned-claim` (the regular rows keep
   * `data-claim`): for an access token, `decisiveAccessTokenClaims(payload)`.
   */
  pinnedClaims?: readonly string[]
  children?: ReactNode
  /** Shown after the checks, inside the region. */
  footer?: ReactNode
}

/** The token inspector: raw token coloured by part, problems, Header · Payload · Signature, checks. */
export function DecodedTokenView(props: DecodedTokenViewProps) {
  const { title, token, claims, checks = [], informativeChecks, now, children, footer } = props
  const payload = claims ?? token?.payload
  const display = token ? describeTokenDisplay(token) : undefined
  const readable = token !== undefined && token.kind !== 'opaque'
  return (
    <section
      aria-label={title}
      data-token-kind={token?.kind}
      className="min-w-0 space-y-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <TokenViewHeader
        title={title}
        label={display?.label}
        checks={checks}
        raw={token?.raw}
        payload={payload}
      />
      {payload && props.pinnedClaims && (
        <PinnedClaims names={props.pinnedClaims} claims={payload} now={now} />
      )}
      {children}
      {token && display && token.raw !== '' && (
        <RawToken raw={token.raw} parts={display.parts} problems={display.problems} />
      )}
      {readable && !display?.brokenJwt && token.raw !== '' && (
        <p className="text-xs text-slate-500">
          {token.note} {DECODE_ONLY_NOTICE}
        </p>
      )}
      {display && <ProblemsList problems={display.problems} />}
      {token && display ? (
        <TokenPartsView
          token={token}
          display={display}
          payload={payload}
          signatureCheck={checks.find((c) => c.id === 'signature')}
          now={now}
          defaultTab={props.defaultTab ?? 'payload'}
        />
      ) : (
        payload && <ClaimsTable claims={payload} now={now} label="Claims" />
      )}
      <ChecksList checks={checks} informative={informativeChecks} />
      {footer}
    </section>
  )
}
