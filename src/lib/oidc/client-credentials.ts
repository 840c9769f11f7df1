import { buildClientAuthenticatedPost } from './client-auth'
import type { HttpRequestSpec } from '@/lib/wire/http-types'
import type { ClientAuth } from './client-auth'

/** Input for a client credentials grant. */
export interface ClientCredentialsRequestInput {
  tokenEndpoint: string
  clientId: string
  auth: ClientAuth
  /** Space-separated scope; omitted when empty (the provider then applies the client's defaults). */
  scope?: string
  /** Extra form fields appended in order (e.g. `resource`, `audience`); empty values are skipped. */
  extra?: Readonly<Record<string, string | undefined>>
}

/**
 * Builds the client credentials POST: `grant_type=client_credentials`, `scope` when non-empty, then
 * the client authentication exactly as `buildTokenRequest` sends it, then extras. It does not check
 * that the client is confidential: RFC 6749 §4.4 allows this grant for confidential clients only,
 * and a public client (`none`) is refused by the provider (`unauthorized_client` or `invalid_client`).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 */
export function buildClientCredentialsRequest(
  input: ClientCredentialsRequestInput,
): HttpRequestSpec {
  const form: [string, string][] = [['grant_type', 'client_credentials']]
  const scope = input.scope?.trim()
  if (scope) form.push(['scope', scope])
  return buildClientAuthenticatedPost({
    url: input.tokenEndpoint,
    clientId: input.clientId,
    auth: input.auth,
    form,
    ...(input.extra ? { extra: input.extra } : {}),
  })
}

/** Whether an access token stands for a client rather than a user, and why the lab thinks so. */
export interface ServiceAccountVerdict {
  serviceAccount: boolean
  /** The client the token was issued to, when a claim names it. */
  clientId?: string
  /** One sentence per piece of evidence, strongest first; empty when nothing points to a client. */
  evidence: string[]
}

const KEYCLOAK_PREFIX = 'service-account-'

/** Claims only an end-user token carries (OIDC Core §5.1 profile claims and their kin). */
const USER_CLAIMS = [
  'email',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'nickname',
  'upn',
] as const

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

/**
 * Recognises a token issued to a client for itself (client credentials grant) from its claims.
 * Keycloak: `preferred_username` `service-account-<clientId>` (the hidden service-account user),
 * the `clientId`/`clientHost`/`clientAddress` claims of its service-account mappers, and no
 * `sid`/`session_state` (no browser session) as corroboration. Auth0's `gty: client-credentials`
 * and Entra ID's `idtyp: app` are recognised too. Otherwise `sub` equal to `client_id` or `azp` with
 * no user claims is reported as an inference. It reads claims only: it does not verify the token,
 * and a provider can make a user token look like this (or the other way round) with mappers.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2
 * @see https://www.keycloak.org/docs/latest/server_admin/index.html#_service_accounts
 */
export function isServiceAccountToken(
  claims: Readonly<Record<string, unknown>>,
): ServiceAccountVerdict {
  const evidence: string[] = []
  const username = text(claims.preferred_username)
  const fromUsername = username?.startsWith(KEYCLOAK_PREFIX)
    ? username.slice(KEYCLOAK_PREFIX.length) || undefined
    : undefined
  if (username?.startsWith(KEYCLOAK_PREFIX)) {
    evidence.push(
      `preferred_username “${username}” starts with “${KEYCLOAK_PREFIX}”: Keycloak names the hidden user behind a client’s service account that way.`,
    )
  }
  const mapperClaims = (['clientId', 'clientHost', 'clientAddress'] as const).filter(
    (name) => claims[name] !== undefined,
  )
  if (mapperClaims.length) {
    evidence.push(
      `It carries ${mapperClaims.map((n) => `“${n}”`).join(', ')}: Keycloak’s service-account mappers add ${mapperClaims.length === 1 ? 'this claim' : 'these claims'} to client credentials tokens.`,
    )
  }
  if (claims.gty === 'client-credentials') {
    evidence.push('gty “client-credentials”: Auth0 marks client credentials tokens that way.')
  }
  if (claims.idtyp === 'app') {
    evidence.push('idtyp “app”: Entra ID marks app-only tokens (no signed-in user) that way.')
  }
  const clientId =
    text(claims.client_id) ?? text(claims.clientId) ?? text(claims.azp) ?? fromUsername

  const sub = text(claims.sub)
  const userClaims = USER_CLAIMS.filter((name) => claims[name] !== undefined)
  const subIsClient = (['client_id', 'azp'] as const).find(
    (name) => sub !== undefined && text(claims[name]) === sub,
  )
  if (subIsClient && userClaims.length === 0) {
    evidence.push(
      `sub equals ${subIsClient} (“${sub}”) and there are no user claims (${USER_CLAIMS.join(', ')}): the subject is the client itself. This is an inference from the claims, not something the token states.`,
    )
  }

  const found = evidence.length > 0
  if (found && claims.sid === undefined && claims.session_state === undefined) {
    evidence.push(
      'No sid or session_state: the token is not tied to a login session, as a client credentials token is not (this alone proves nothing).',
    )
  }
  if (!found) return { serviceAccount: false, evidence: [] }
  return { serviceAccount: true, ...(clientId ? { clientId } : {}), evidence }
}
