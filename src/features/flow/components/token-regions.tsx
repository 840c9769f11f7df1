import { DecodedTokenView } from '@/components/jwt/decoded-token-view'
import { ServiceAccountPanel } from '@/components/jwt/service-account-panel'
import { decisiveAccessTokenClaims } from '@/lib/jwt/userinfo-scope-check'
import { isServiceAccountToken } from '@/lib/oidc/client-credentials'
import { missingClaimDiagnoses } from '@/lib/oidc/diagnose'
import { AlignedTokenViews } from '@/features/flow/components/aligned-token-views'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import { MissingClaims } from '@/features/flow/components/missing-claims'
import type { Lab } from '@/features/flow/lab'
import { requestedScopeOf, type TokenResult } from '@/features/flow/steps/token-result'
import { userinfoStep } from '@/features/flow/steps/userinfo/step'

export interface TokenRegionsProps {
  result: TokenResult
  lab: Lab
}

/** The ID, access and refresh token of one token response, decoded and checked. */
export function TokenRegions({ result, lab }: TokenRegionsProps) {
  const { now, checks } = lab
  const access = result.accessToken?.payload
  const missing = missingClaimDiagnoses({
    idTokenClaims: result.idToken?.payload,
    accessTokenClaims: access,
    userinfoClaims: lab.resultOf(userinfoStep)?.claims,
    requestedScope: requestedScopeOf(lab.config),
    grantedScope: result.response?.scope,
  })
  const serviceAccount = access ? isServiceAccountToken(access) : undefined
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <MissingClaims diagnoses={missing} lab={lab} />
      <AlignedTokenViews idToken={result.idToken} accessToken={result.accessToken} />
      {result.idToken ? (
        <DecodedTokenView
          title="ID token"
          token={result.idToken}
          checks={checks.idToken}
          now={now}
        />
      ) : (
        <section
          aria-label="ID token"
          className="space-y-2 rounded-xl border border-dashed border-slate-300 p-4"
        >
          <h4 className="font-semibold">ID token</h4>
          <p className="text-sm text-slate-600">The token response carried no id_token.</p>
          {serviceAccount?.serviceAccount ? (
            <p className="text-sm text-slate-600">
              A service account&apos;s token: there is no end-user to describe, so no ID token is
              needed (Keycloak still issues one when the request asked for <code>openid</code>).
            </p>
          ) : (
            result.noIdToken && <DiagnosisAlert diagnosis={result.noIdToken} lab={lab} />
          )}
        </section>
      )}
      {result.accessToken && (
        <DecodedTokenView
          title="Access token"
          token={result.accessToken}
          checks={checks.accessToken}
          informativeChecks
          now={now}
          {...(access ? { pinnedClaims: decisiveAccessTokenClaims(access) } : {})}
        >
          {serviceAccount && <ServiceAccountPanel verdict={serviceAccount} />}
        </DecodedTokenView>
      )}
      {result.refreshToken && (
        <DecodedTokenView title="Refresh token" token={result.refreshToken} now={now}>
          <p className="text-xs text-slate-500">
            For the provider only: the app sends it back to get new tokens, it never reads it.
            {result.response?.refresh_expires_in === 0 &&
              ' refresh_expires_in 0: an offline token.'}
          </p>
        </DecodedTokenView>
      )}
    </div>
  )
}
