import type { ComponentType } from 'react'
import { SPEC } from '@/lib/oidc/spec-links'
import type { Lab } from '@/features/flow/hooks/use-lab'
import {
  AuthorizeBody,
  CallbackBody,
  ClientBody,
  LibraryBody,
  ProviderBody,
  ScopesBody,
  TokenBody,
  UserinfoBody,
} from '@/features/flow/steps/bodies'

export type StepStatus = 'waiting' | 'ready' | 'done' | 'failed' | 'warning'

export interface FlowStep {
  id: 'provider' | 'client' | 'scopes' | 'authorize' | 'callback' | 'token' | 'userinfo' | 'library'
  title: string
  /** Setup steps are edited on `/`; run steps happen after the redirect. */
  phase: 'setup' | 'run' | 'library'
  note: string
  spec: { label: string; href: string }[]
  status: (lab: Lab) => StepStatus
  Body: ComponentType<{ lab: Lab }>
}

const CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'
const DISCOVERY = 'https://openid.net/specs/openid-connect-discovery-1_0.html'

export const FLOW_STEPS: FlowStep[] = [
  {
    id: 'provider',
    title: 'Provider',
    phase: 'setup',
    note: 'The app learns every endpoint from one public JSON document published by the issuer.',
    spec: [{ label: 'OIDC Discovery §4', href: `${DISCOVERY}#ProviderConfig` }],
    status: ({ discovery }) =>
      discovery.status === 'ok' ? 'done' : discovery.status === 'error' ? 'failed' : 'ready',
    Body: ProviderBody,
  },
  {
    id: 'client',
    title: 'Client',
    phase: 'setup',
    note: 'Who is asking: the client registered at the provider, and how it proves it at the token endpoint.',
    spec: [SPEC.oauthClientTypes, SPEC.oauthClientPassword],
    status: ({ config }) =>
      !config.clientId.trim() || (config.clientType === 'confidential' && !config.clientSecret)
        ? 'warning'
        : 'done',
    Body: ClientBody,
  },
  {
    id: 'scopes',
    title: 'Scopes',
    phase: 'setup',
    note: 'What the app asks for. openid makes it OpenID Connect; profile, email… decide which claims come back.',
    spec: [SPEC.oauthScope, { label: 'OIDC Core §5.4', href: `${CORE}#ScopeClaims` }],
    status: ({ config }) => (config.scopes.includes('openid') ? 'done' : 'warning'),
    Body: ScopesBody,
  },
  {
    id: 'authorize',
    title: 'Authorization request',
    phase: 'setup',
    note: 'The browser is sent to the provider with these parameters; the user signs in there, never here.',
    spec: [SPEC.oauthAuthorizationRequest, SPEC.coreAuthRequest, SPEC.pkceAuthorization],
    status: ({ flow, authorization }) =>
      flow.request?.startedAt ? 'done' : authorization ? 'ready' : 'waiting',
    Body: AuthorizeBody,
  },
  {
    id: 'callback',
    title: 'Callback',
    phase: 'run',
    note: 'The provider sends the browser back with a code (or an error). The app first checks it is the answer to its own request.',
    spec: [SPEC.oauthAuthorizationResponse, SPEC.issParameter, SPEC.oauthCsrf],
    status: ({ callback }) =>
      !callback ? 'waiting' : callback.validation.proceed ? 'done' : 'failed',
    Body: CallbackBody,
  },
  {
    id: 'token',
    title: 'Token request',
    phase: 'run',
    note: 'A direct POST from the app to the provider trades the code (and the PKCE verifier) for tokens.',
    spec: [SPEC.oauthTokenRequest, SPEC.oauthTokenResponse, SPEC.pkceVerify],
    status: ({ token, tokenRequest }) =>
      token ? (token.response ? 'done' : 'failed') : tokenRequest ? 'ready' : 'waiting',
    Body: TokenBody,
  },
  {
    id: 'userinfo',
    title: 'Userinfo',
    phase: 'run',
    note: 'The access token is presented as a Bearer token; the provider answers with the claims the granted scopes allow.',
    spec: [
      { label: 'OIDC Core §5.3', href: `${CORE}#UserInfo` },
      SPEC.bearerHeader,
      SPEC.bearerChallenge,
    ],
    status: ({ userinfo, userinfoRequest }) =>
      userinfo ? (userinfo.claims ? 'done' : 'failed') : userinfoRequest ? 'ready' : 'waiting',
    Body: UserinfoBody,
  },
  {
    id: 'library',
    title: 'Library mode: oidc-client-ts',
    phase: 'library',
    note: 'The same setup run through oidc-client-ts, as an app would: one call processes the whole callback. Its HTTP is recorded below.',
    spec: [{ label: 'oidc-client-ts', href: 'https://authts.github.io/oidc-client-ts/' }],
    status: ({ library }) => (!library ? 'waiting' : library.error ? 'failed' : 'done'),
    Body: LibraryBody,
  },
]
