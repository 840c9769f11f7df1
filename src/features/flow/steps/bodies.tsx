// Adapters from the lab controller to each step's presentational component: the registry's `Body`s.
import type { Lab } from '@/features/flow/hooks/use-lab'
import { AuthorizeStep } from '@/features/flow/components/authorize-step'
import { CallbackStep } from '@/features/flow/components/callback-step'
import { ClientStep } from '@/features/flow/components/client-step'
import { LibraryStep } from '@/features/flow/components/library-step'
import { ProviderStep } from '@/features/flow/components/provider-step'
import { ScopesStep } from '@/features/flow/components/scopes-step'
import { TokenStep } from '@/features/flow/components/token-step'
import { UserinfoStep } from '@/features/flow/components/userinfo-step'

type BodyProps = { lab: Lab }

export const ProviderBody = ({ lab }: BodyProps) => (
  <ProviderStep
    config={lab.config}
    issuer={lab.issuer}
    discovery={lab.discovery}
    onChange={lab.updateConfig}
  />
)

export const ClientBody = ({ lab }: BodyProps) => (
  <ClientStep config={lab.config} redirectUri={lab.redirectUri} onChange={lab.updateConfig} />
)

export const ScopesBody = ({ lab }: BodyProps) => (
  <ScopesStep
    selected={lab.config.scopes}
    supported={lab.discovery.status === 'ok' ? lab.discovery.document.scopes_supported : undefined}
    onChange={(scopes) => lab.updateConfig({ scopes })}
  />
)

export const AuthorizeBody = ({ lab }: BodyProps) => (
  <AuthorizeStep
    config={lab.config}
    authorization={lab.authorization}
    blockedReason={
      lab.discovery.status === 'ok' ? undefined : 'Waiting for the discovery document (step 1).'
    }
    onChange={lab.updateConfig}
    onRegenerate={() => void lab.regenerate()}
    onStart={lab.startAuthorization}
    onStartLibrary={lab.startLibrary}
  />
)

export const CallbackBody = ({ lab }: BodyProps) =>
  lab.callback ? (
    <CallbackStep
      params={lab.callback.params}
      validation={lab.callback.validation}
      diagnosis={lab.callback.diagnosis}
      onRestart={lab.goToSetup}
    />
  ) : (
    <p className="text-sm text-slate-500">
      Press Start authorization: the provider sends the browser back here.
    </p>
  )

export const TokenBody = ({ lab }: BodyProps) => (
  <TokenStep
    request={lab.tokenRequest}
    blockedReason="Needs a callback with a valid code and state."
    result={lab.token}
    pending={lab.tokenPending}
    idTokenChecks={lab.checks.idToken}
    accessTokenChecks={lab.checks.accessToken}
    introspection={lab.introspectionRequest}
    refresh={lab.refreshRequest}
    clientAuthMethod={lab.clientAuth.method}
    publicClient={lab.config.clientType === 'public'}
    now={lab.now}
    onExchange={lab.exchangeCode}
    onRerun={lab.rerunWithScope}
  />
)

export const UserinfoBody = ({ lab }: BodyProps) => (
  <UserinfoStep
    request={lab.userinfoRequest}
    blockedReason={
      lab.discovery.status === 'ok' && !lab.discovery.document.userinfo_endpoint
        ? 'The provider advertises no userinfo_endpoint.'
        : 'Needs an access token from the token request.'
    }
    result={lab.userinfo}
    checks={lab.checks.userinfo}
    pending={lab.userinfoPending}
    now={lab.now}
    onCall={lab.callUserinfo}
    onRerun={lab.rerunWithScope}
  />
)

export const LibraryBody = ({ lab }: BodyProps) => (
  <LibraryStep outcome={lab.library} now={lab.now} />
)
