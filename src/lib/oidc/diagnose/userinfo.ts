import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { isSuccessStatus } from '../errors'
import { parseScope } from '../scopes'
import { SPEC } from '../spec-links'
import type { GrantType, OidcError } from '../types'
import { bearerChallengeOf } from '../www-authenticate'
import { diagnoseNetworkError } from './network'
import { diagnoseNonStandard } from './non-standard'
import {
  diagnosis,
  providerSaid,
  scopeText,
  statusFact,
  tick,
  wwwAuthenticateFact,
  type Diagnosis,
  type DiagnosisParts,
} from './shared'
import { grantFacts } from './token-context'
import { diagnoseInvalidToken, type AccessTokenValidity } from './userinfo-token'

/** What the lab knows about the access token's scope, for both userinfo outcomes. */
export interface AccessTokenScopeInput {
  /** The decoded access token's `scope` (or `scp`) claim; undefined when the token is opaque. */
  accessTokenScopeClaim?: string | readonly string[]
  /** The token response's `scope`; undefined when the provider omitted it. */
  tokenResponseScope?: string
  requestedScope: readonly string[]
}

/** What the lab knows when userinfo fails. */
export interface UserinfoErrorInput extends AccessTokenScopeInput, AccessTokenValidity {
  response?: HttpResponseRecord
  networkError?: string
  /**
   * The `error` of the caller's failed `processUserinfoResponse(response)`; `undefined` when there
   * was no response (then the network is diagnosed) or the response was usable.
   */
  error: OidcError | undefined
  /** How the access token was obtained; tunes the fix for a token without `openid`. */
  grantType?: GrantType
  /**
   * Keycloak: the access token's `allowed-origins` claim. With `origin`, a userinfo network failure
   * whose origin is not listed is named as a CORS refusal (Keycloak answers CORS from it).
   */
  accessTokenAllowedOrigins?: readonly string[]
  origin?: string
  userinfoEndpoint?: string
}

/** The fields of {@link UserinfoErrorInput} that come from the decoded access token. */
export type AccessTokenFacts = Pick<
  UserinfoErrorInput,
  'accessTokenScopeClaim' | 'accessTokenExp' | 'accessTokenIss' | 'accessTokenAllowedOrigins'
>

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined

/**
 * Reads from a decoded access token's claims everything the userinfo diagnoses can use: `scope`
 * (else Entra's `scp`), `exp`, `iss` and Keycloak's `allowed-origins`, so a caller can spread it
 * into the input. Absent or mistyped claims are left out. It does not verify the token.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2
 */
export function accessTokenFacts(claims: Record<string, unknown> | undefined): AccessTokenFacts {
  const facts: AccessTokenFacts = {}
  const scope = claims?.scope ?? claims?.scp
  if (typeof scope === 'string') facts.accessTokenScopeClaim = scope
  else if (strings(scope)) facts.accessTokenScopeClaim = strings(scope)
  if (typeof claims?.exp === 'number') facts.accessTokenExp = claims.exp
  if (typeof claims?.iss === 'string') facts.accessTokenIss = claims.iss
  const origins = strings(claims?.['allowed-origins'])
  if (origins) facts.accessTokenAllowedOrigins = origins
  return facts
}

interface ScopeEvidence {
  scopes: string[]
  sentence: string
  fromClaim: boolean
}

function scopeEvidence(input: AccessTokenScopeInput): ScopeEvidence {
  if (input.accessTokenScopeClaim !== undefined) {
    const scopes = parseScope(input.accessTokenScopeClaim)
    return { scopes, sentence: `The access token’s scope is ${scopeText(scopes)}`, fromClaim: true }
  }
  if (input.tokenResponseScope !== undefined) {
    const scopes = parseScope(input.tokenResponseScope)
    return {
      scopes,
      sentence: `The token response’s scope is ${scopeText(scopes)}`,
      fromClaim: false,
    }
  }
  const scopes = parseScope(input.requestedScope)
  return {
    scopes,
    sentence: `The requested scope was ${scopeText(scopes)} and the token response did not state one, so it was granted as requested (RFC 6749 §5.1)`,
    fromClaim: false,
  }
}

const OPAQUE_SCOPE_NOTE =
  'The access token is opaque (or has no scope claim), so its scope was taken from the token response.'

/**
 * Explains a failed userinfo call from `error`, the verdict the caller already got from
 * `processUserinfoResponse(response)`, together with the status, the `WWW-Authenticate` challenge
 * (RFC 6750 §3.1) and the token's scopes. A token without `openid` gives `insufficient_scope`:
 * `known` states the status, the challenge and the scope as observed, and when the provider gave no
 * code, `guessed` holds the inference (OIDC Core §5.3's rule, as Keycloak enforces it). The fix
 * fits the grant (tick `openid` and log in again; for client credentials, add `openid` to the token
 * request's `scope`). With `openid` present a 403 lists other causes, and 401 `invalid_token` is
 * checked against `exp`, `iss` and the provider's description. Returns `undefined` when there is a
 * response and no error. It does not re-read the response or decode the token; pass its claims in.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfoError
 */
export function diagnoseUserinfoError(input: UserinfoErrorInput): Diagnosis | undefined {
  const { response, error } = input
  if (!response) {
    return diagnoseNetworkError('userinfo', input.networkError ?? 'no response', {
      ...(input.origin ? { origin: input.origin } : {}),
      ...(input.userinfoEndpoint ? { url: input.userinfoEndpoint } : {}),
      ...(input.accessTokenAllowedOrigins
        ? { accessTokenAllowedOrigins: input.accessTokenAllowedOrigins }
        : {}),
    })
  }
  if (!error) return undefined
  const status = response.status
  const evidence = scopeEvidence(input)
  const lacksOpenid = !evidence.scopes.includes('openid')
  const challenge = bearerChallengeOf(error.challenges ?? [])
  const providerError = error.provider?.error
  const known = [statusFact(response, 'Userinfo'), wwwAuthenticateFact(response)]
  if (error.provider && !response.headers['www-authenticate'])
    known.push(providerSaid(error.provider))
  const base: DiagnosisParts = {
    known,
    ...(error.provider ? { providerError: error.provider } : {}),
  }

  const scopeLike =
    providerError === 'insufficient_scope' ||
    (!providerError && (status === 403 || status === 401) && lacksOpenid)
  if (scopeLike && lacksOpenid) {
    known.push(`${evidence.sentence}; it lacks ${tick('openid')}.`)
    const required = challenge?.params.scope
    if (required) known.push(`The challenge names the required scope: ${tick(required)}.`)
    const guessed: string[] = []
    if (providerError !== 'insufficient_scope') {
      guessed.push(
        `No error code was readable. OIDC Core §5.3 says userinfo is accessed with an access token obtained by an OpenID Connect request, and Keycloak (≥ 20) enforces it with 403 ${tick('insufficient_scope')}, so the missing ${tick('openid')} is almost certainly why this provider refused.`,
      )
    }
    if (!evidence.fromClaim && input.tokenResponseScope !== undefined) {
      guessed.push(OPAQUE_SCOPE_NOTE)
    }
    const facts = grantFacts(input.grantType ?? 'authorization_code')
    if (input.requestedScope.includes('openid')) {
      known.push(
        `The lab requested ${scopeText(parseScope(input.requestedScope))}, so the provider dropped \`openid\`.`,
      )
      return diagnosis('insufficient_scope', {
        ...base,
        known,
        guessed,
        cause: `\`openid\` was requested but not granted: the client may not be allowed to use OpenID Connect, or a provider policy removed the scope.`,
        fix: 'Check the client at the provider (Keycloak: the client’s protocol must be openid-connect; look for scope policies or mappers that remove `openid`).',
        detail: 'openid_not_granted',
      })
    }
    return diagnosis('insufficient_scope', {
      ...base,
      known,
      guessed,
      cause: `${facts.scopeRequest} did not include ${tick('openid')}, so the provider treated it as plain OAuth 2.0 and issued an access token that is not valid for userinfo.`,
      fix: facts.openidFix,
      action: { kind: 'rerun_with_scope', scope: 'openid' },
    })
  }
  if (providerError === 'insufficient_scope') {
    known.push(`${evidence.sentence}; it includes ${tick('openid')}.`)
    const required = parseScope(challenge?.params.scope).filter((s) => !evidence.scopes.includes(s))
    const first = required[0]
    return diagnosis('insufficient_scope', {
      ...base,
      known,
      cause: first
        ? `The provider requires ${tick(required.join(' '))}, which the token lacks.`
        : 'The provider requires a scope the token lacks, and does not say which.',
      fix: first
        ? `Tick ${tick(first)} and run the flow again.`
        : 'Compare the requested scopes with the provider’s documentation.',
      ...(first ? { action: { kind: 'rerun_with_scope', scope: first } } : {}),
    })
  }
  if (providerError === 'invalid_token' || (status === 401 && !providerError)) {
    return diagnoseInvalidToken(input, error, challenge !== undefined, base)
  }
  if (providerError === 'invalid_request') {
    return diagnosis('invalid_request', {
      ...base,
      cause:
        'The provider found the request malformed: typically the token sent in two places, or a malformed Authorization header.',
      fix: 'Send the token once, in the Authorization header.',
      specLinks: [SPEC.bearerErrors],
    })
  }
  if (status === 403) {
    known.push(
      `${evidence.sentence}; it includes ${tick('openid')}, so the scope is not the problem.`,
    )
    return diagnosis('userinfo_forbidden', {
      ...base,
      known,
      guessed: [
        'The token’s audience or type is not accepted at userinfo (e.g. oidc-provider rejects JWT access tokens meant for an API).',
        'The client or the user was disabled at the provider after the token was issued.',
        'A DPoP-bound token was sent as a plain Bearer token.',
        ...(providerError
          ? [`The provider’s own code ${tick(providerError)} is not an RFC 6750 code.`]
          : []),
      ],
    })
  }
  if (status >= 500)
    return diagnosis(status === 503 ? 'temporarily_unavailable' : 'server_error', base)
  if (error.code === 'non_standard_response')
    return diagnoseNonStandard(error, response, base, 'Userinfo')
  return diagnosis('http_error', {
    ...base,
    cause:
      status === 404 || status === 405
        ? 'The userinfo URL or method is wrong.'
        : `HTTP ${status} is not an answer RFC 6750 defines for userinfo.`,
    fix: 'Compare the request URL with userinfo_endpoint in the discovery document.',
  })
}

/** A usable userinfo answer and what the lab knows about the token's scope. */
export interface UserinfoSuccessInput extends AccessTokenScopeInput {
  response: HttpResponseRecord
}

/**
 * Notes a userinfo answer a provider should not have given: 2xx although the access token's scope
 * (its claim, else the token response's `scope`, else the requested one per RFC 6749 §5.1) lacks
 * `openid`. Info severity, code `userinfo_accepted_without_openid`: this provider does not enforce
 * OIDC Core §5.3's rule, Keycloak does. Returns `undefined` for a non-2xx answer or when the scope
 * has `openid`. It does not read the claims.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 */
export function describeUserinfoSuccess(input: UserinfoSuccessInput): Diagnosis | undefined {
  if (!isSuccessStatus(input.response.status)) return undefined
  const evidence = scopeEvidence(input)
  if (evidence.scopes.includes('openid')) return undefined
  return diagnosis('userinfo_accepted_without_openid', {
    known: [
      statusFact(input.response, 'Userinfo'),
      `${evidence.sentence}; it lacks ${tick('openid')}.`,
    ],
    guessed:
      !evidence.fromClaim && input.tokenResponseScope !== undefined ? [OPAQUE_SCOPE_NOTE] : [],
  })
}
