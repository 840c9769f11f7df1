import { DecodedTokenView } from '@/components/jwt/decoded-token-view'
import type { CheckItem } from '@/components/jwt/checks-list'
import type { HttpRequestSpec } from '@/lib/wire/http-types'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import { IntrospectPanel } from '@/features/flow/components/introspect-panel'
import { RefreshPanel } from '@/features/flow/components/refresh-panel'
import type { ClientAuthMethod } from '@/lib/oidc/types'
import type { TokenResult } from '@/features/flow/steps/results'

export interface TokenRegionsProps {
  result: TokenResult
  introspection: (
    token: string,
    hint: 'access_token' | 'refresh_token',
  ) => HttpRequestSpec | undefined
  refresh: ((refreshToken: string) => HttpRequestSpec | undefined) | undefined
  clientAuthMethod: ClientAuthMethod
  publicClient: boolean
  idTokenChecks: CheckItem[]
  accessTokenChecks: CheckItem[]
  now: number
  onRerun: (scope: string) => void
}

export function TokenRegions({
  result,
  introspection,
  refresh,
  clientAuthMethod,
  publicClient,
  idTokenChecks,
  accessTokenChecks,
  now,
  onRerun,
}: TokenRegionsProps) {
  const refreshRequest = result.refreshToken && refresh?.(result.refreshToken.raw)
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {result.idToken ? (
        <DecodedTokenView
          title="ID token"
          token={result.idToken}
          checks={idTokenChecks}
          now={now}
        />
      ) : (
        <section
          aria-label="ID token"
          className="space-y-2 rounded-xl border border-dashed border-slate-300 p-4"
        >
          <h4 className="font-semibold">ID token</h4>
          <p className="text-sm text-slate-600">The token response carried no id_token.</p>
          {result.noIdToken && (
            <DiagnosisAlert
              diagnosis={result.noIdToken}
              actionLabel="Run again with openid"
              onAction={(a) => a.kind === 'rerun_with_scope' && onRerun(a.scope)}
            />
          )}
        </section>
      )}
      {result.accessToken && (
        <DecodedTokenView
          title="Access token"
          token={result.accessToken}
          checks={accessTokenChecks}
          informativeChecks
          now={now}
        >
          {result.accessToken.kind === 'opaque' && (
            <IntrospectPanel
              request={introspection(result.accessToken.raw, 'access_token')}
              publicClient={publicClient}
            />
          )}
        </DecodedTokenView>
      )}
      {result.refreshToken && (
        <DecodedTokenView title="Refresh token" token={result.refreshToken} now={now}>
          <p className="text-xs text-slate-500">
            For the provider only: the app sends it back to get new tokens, it never reads it.
            {result.response?.refresh_expires_in === 0 &&
              ' refresh_expires_in 0: an offline token.'}
          </p>
          <IntrospectPanel
            request={introspection(result.refreshToken.raw, 'refresh_token')}
            publicClient={publicClient}
          />
          {refreshRequest && (
            <RefreshPanel request={refreshRequest} clientAuthMethod={clientAuthMethod} />
          )}
        </DecodedTokenView>
      )}
    </div>
  )
}
