import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { DIAGNOSIS_TEXT } from '../diagnosis-text'
import { SPEC } from '../spec-links'
import type { ClientAuthMethod, GrantType } from '../types'
import { diagnosis, secondsAgo, tick, type Diagnosis, type DiagnosisParts } from './shared'
import { TYPICAL_CODE_LIFETIME_SECONDS, type TokenErrorContext } from './token-context'

/**
 * invalid_grant, explained for the grant that was sent: the code (reuse, expiry, redirect_uri or
 * PKCE mismatch, ended session), a refresh token (expired, revoked, rotated), a device code, or the
 * rare client credentials case. The provider's description steers the choice; it is quoted, not
 * trusted blindly.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function diagnoseInvalidGrant(
  grant: GrantType,
  description: string,
  context: TokenErrorContext,
  base: DiagnosisParts,
): Diagnosis {
  switch (grant) {
    case 'authorization_code':
      return diagnoseCodeGrant(description, context, base)
    case 'refresh_token':
      return diagnoseRefreshGrant(description, base)
    case 'urn:ietf:params:oauth:grant-type:device_code':
      return diagnosis('invalid_grant', {
        ...base,
        title: 'The device code was rejected',
        explanation:
          'invalid_grant on a device token request means the device_code is unknown to the provider, was already exchanged, or belongs to another client.',
        cause: description
          ? `The provider says: “${description}”.`
          : 'The device_code is not valid for this client any more.',
        fix: 'Start a new device authorization and poll with the device_code it returns.',
        specLinks: [SPEC.deviceTokenError],
        action: { kind: 'restart_flow' },
        detail: 'device_code',
      })
    case 'client_credentials':
      return diagnosis('invalid_grant', {
        ...base,
        title: 'The client credentials grant was refused',
        explanation:
          'invalid_grant is unusual for client credentials, which sends no code or refresh token; only the provider’s description says what it refused.',
        cause: description
          ? `The provider says: “${description}”.`
          : 'The provider gave no description.',
        fix: 'Check that the client’s service account is enabled and the client is not disabled (Keycloak: Clients → your client → Capability config → Service accounts roles).',
        specLinks: [SPEC.oauthClientCredentials],
        detail: 'client_credentials',
      })
  }
}

function diagnoseCodeGrant(
  description: string,
  context: TokenErrorContext,
  base: DiagnosisParts,
): Diagnosis {
  const known = base.known ?? []
  const guessed: string[] = []
  const age = context.codeAgeSeconds
  if (age !== undefined) {
    known.push(
      `The code was ${secondsAgo(age)} old when exchanged; Keycloak’s default lifetime (“Client login timeout”) is ${TYPICAL_CODE_LIFETIME_SECONDS} s.`,
    )
  }
  if (context.codeAlreadyExchanged) {
    known.push('The lab had already sent this code to the token endpoint once.')
    return diagnosis('invalid_grant', {
      ...base,
      known,
      title: 'The code was already used',
      cause:
        'Authorization codes are single-use; the second exchange is refused, and providers may also revoke the tokens from the first one.',
      fix: 'Start the flow again for a new code; exchange each code exactly once.',
      action: { kind: 'restart_flow' },
      detail: 'code_reused',
    })
  }
  if (/redirect_uri/i.test(description)) {
    return diagnosis('invalid_grant', {
      ...base,
      known,
      title: 'redirect_uri differs from the authorization request',
      cause:
        'The token request must carry exactly the redirect_uri the authorization request used.',
      fix: 'Send the same redirect_uri in both requests (including trailing slash, port and scheme).',
      specLinks: [SPEC.oauthTokenRequest],
      action: { kind: 'restart_flow' },
      detail: 'redirect_uri',
    })
  }
  if (/pkce|code.?verifier|code.?challenge|verifier/i.test(description)) {
    if (context.usedPkce === false) known.push('The lab sent no code_verifier.')
    return diagnosis('invalid_grant', {
      ...base,
      known,
      title: 'The PKCE verifier does not match',
      cause:
        'The code_verifier does not hash to the code_challenge sent with the authorization request: it belongs to another attempt (a second tab, a restarted flow).',
      fix: 'Start the flow again in one tab and exchange the code with the verifier generated for it.',
      specLinks: [SPEC.pkceVerify],
      action: { kind: 'restart_flow' },
      detail: 'pkce_mismatch',
    })
  }
  if (/session/i.test(description)) {
    return diagnosis('invalid_grant', {
      ...base,
      known,
      title: 'The login session ended',
      cause:
        'The user’s session at the provider ended (logout, session timeout, admin action) before the exchange.',
      fix: 'Log in again by starting the flow again.',
      action: { kind: 'restart_flow' },
      detail: 'session_ended',
    })
  }
  if (age !== undefined && age > TYPICAL_CODE_LIFETIME_SECONDS) {
    guessed.push(
      `The code most likely expired: it was older than the usual ${TYPICAL_CODE_LIFETIME_SECONDS} s lifetime.`,
    )
    return diagnosis('invalid_grant', {
      ...base,
      known,
      guessed,
      title: 'The code probably expired',
      cause: 'Authorization codes live about a minute; this one was exchanged later.',
      fix: 'Start the flow again and press “Exchange code” within a minute (or raise Keycloak’s “Client login timeout” for testing).',
      action: { kind: 'restart_flow' },
      detail: 'code_expired',
    })
  }
  if (/code not valid/i.test(description)) {
    guessed.push(
      'Keycloak says “Code not valid” for a code that expired, was used before, or came from another client or session.',
    )
  } else if (/grant request is invalid/i.test(description)) {
    guessed.push(
      'oidc-provider gives the same description for every invalid_grant; its server log has the precise reason.',
    )
  }
  if (age !== undefined) {
    guessed.push(
      `At ${secondsAgo(age)} old the code had probably not expired yet, so reuse or a mismatch is more likely: the code was already used (a reload, a second tab, or a library exchanging it too), the redirect_uri differs, or the code_verifier belongs to another attempt.`,
    )
  } else {
    guessed.push(
      'Usual causes, most likely first: the code was already used (a reload, a second tab, or a library exchanging it too), it expired, the redirect_uri differs, or the code_verifier belongs to another attempt.',
    )
  }
  return diagnosis('invalid_grant', { ...base, known, guessed, action: { kind: 'restart_flow' } })
}

function diagnoseRefreshGrant(description: string, base: DiagnosisParts): Diagnosis {
  const guessed: string[] = []
  if (/not active|expired/i.test(description))
    guessed.push('The refresh token expired (Keycloak: SSO Session Idle / Max).')
  if (/session/i.test(description))
    guessed.push('The user session it belongs to ended (logout or timeout).')
  if (/stale|already used|reuse/i.test(description)) {
    guessed.push(
      'Refresh token rotation: this refresh token was already used and a newer one replaced it.',
    )
  }
  guessed.push(
    'Usual causes: expired, revoked by logout, rotated (an older refresh token reused), or issued to another client.',
  )
  return diagnosis('invalid_grant', {
    ...base,
    guessed,
    title: 'The refresh token was rejected',
    explanation:
      'invalid_grant on a refresh means the refresh token is expired, revoked, already rotated, or not issued to this client.',
    cause: 'The refresh token is no longer valid.',
    fix: 'Log in again (start the flow again) for a fresh refresh token.',
    specLinks: [SPEC.oauthRefresh],
    action: { kind: 'restart_flow' },
    detail: 'refresh_token',
  })
}

/** What the lab sent to authenticate the client, read from settings and the request. */
export interface ClientAuthSent {
  method: ClientAuthMethod
  isPublicClient?: boolean
  /** The Basic header's secret was changed by form-encoding (read from the header sent). */
  basicSecretEncoded: boolean
  /** Discovery's `token_endpoint_auth_methods_supported`, when the provider lists it. */
  authMethodsSupported?: readonly string[]
}

/**
 * invalid_client: no secret for a confidential client (with the fix for the grant), or a secret
 * the provider did not accept, with the usual reasons as guesses.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function diagnoseInvalidClient(
  description: string,
  response: HttpResponseRecord,
  grant: GrantType,
  base: DiagnosisParts,
  sent: ClientAuthSent,
): Diagnosis {
  const known = base.known ?? []
  const guessed: string[] = []
  const header = response.headers['www-authenticate']
  if (header) known.push(`WWW-Authenticate: ${header}`)
  const method = sent.method
  if (method === 'none') {
    known.push('The lab sent no client secret (client authentication: none, a public client).')
    const clientCredentials = grant === 'client_credentials'
    return diagnosis('invalid_client', {
      ...base,
      known,
      ...(clientCredentials
        ? {
            guessed: [
              'The client credentials grant authenticates the client itself (RFC 6749 §4.4), so it always needs a confidential client.',
            ],
          }
        : {}),
      title: 'The provider expects a client secret',
      cause:
        'The provider treats this client as confidential; in Keycloak, “Client authentication” is ON for it.',
      fix: clientCredentials
        ? 'Enter the client secret (Keycloak: Clients → your client → Credentials) and use client_secret_basic.'
        : 'Either enter the client secret (Keycloak: Clients → your client → Credentials) and use client_secret_basic, or, for a browser app, turn “Client authentication” OFF to make the client public and keep PKCE on.',
      specLinks: [SPEC.oauthClientTypes],
      action: { kind: 'switch_client_auth', method: 'client_secret_basic' },
      detail: 'secret_expected',
    })
  }
  known.push(
    method === 'client_secret_basic'
      ? 'The lab sent the secret in an Authorization: Basic header (client_secret_basic).'
      : 'The lab sent the secret in the form body (client_secret_post).',
  )
  const other = method === 'client_secret_basic' ? 'client_secret_post' : 'client_secret_basic'
  const listed = sent.authMethodsSupported
  if (listed && !listed.includes(method) && listed.includes(other)) {
    known.push(
      `The provider's discovery lists token_endpoint_auth_methods_supported: ${listed.map(tick).join(', ')}; it does not list ${tick(method)}.`,
    )
    return diagnosis('invalid_client', {
      ...base,
      known,
      title: `The provider does not take ${method}`,
      cause: `This provider authenticates clients only with the methods its discovery lists, and ${method} is not one of them.`,
      fix: `Send the secret with ${other} (Keycloak and oidc-provider accept both; this provider does not).`,
      specLinks: [SPEC.oauthClientPassword],
      action: { kind: 'switch_client_auth', method: other },
      detail: 'auth_method_not_supported',
    })
  }
  if (/not found|unknown|does not exist|invalid client_id/i.test(description)) {
    guessed.push(
      'The client_id looks unknown to the provider: a typo, or the client lives in another realm.',
    )
  }
  guessed.push(
    'The secret is wrong: regenerated at the provider, copied from another client or realm, or with whitespace around it.',
    `Some providers accept only the registered method: try ${method === 'client_secret_basic' ? 'client_secret_post' : 'client_secret_basic'} (Keycloak and oidc-provider accept both).`,
  )
  if (method === 'client_secret_basic' && sent.basicSecretEncoded) {
    guessed.push(
      'The secret has characters that RFC 6749 §2.3.1 form-encodes before base64; some providers do not decode them, so client_secret_post may work where Basic fails.',
    )
  }
  if (sent.isPublicClient === false && /public/i.test(description)) {
    guessed.push('The provider says the client is public: it should not send a secret at all.')
  }
  return diagnosis('invalid_client', {
    ...base,
    known,
    guessed,
    cause: 'The provider did not accept this client_id and secret.',
    fix: 'Copy the secret again from the provider (Keycloak: Clients → your client → Credentials → Client secret) and check the client_id and realm.',
  })
}

/**
 * invalid_request at the token endpoint: missing code_verifier, two client authentications, an
 * origin the client does not allow, or the parameter the provider names.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function diagnoseTokenInvalidRequest(
  description: string,
  context: TokenErrorContext,
  base: DiagnosisParts,
): Diagnosis {
  const known = base.known ?? []
  if (/code.?verifier|pkce/i.test(description)) {
    if (context.usedPkce === false) known.push('The lab sent no code_verifier.')
    return diagnosis('invalid_request', {
      ...base,
      known,
      title: 'The code_verifier is missing',
      cause:
        'The authorization request carried a code_challenge, so the token request must carry the matching code_verifier.',
      fix: 'Keep PKCE on for both requests, then start the flow again.',
      specLinks: [SPEC.pkceVerify],
      action: { kind: 'restart_flow' },
      detail: 'pkce_verifier_missing',
    })
  }
  if (/one mechanism|multiple|more than one/i.test(description)) {
    return diagnosis('invalid_request', {
      ...base,
      title: 'The client authenticated twice',
      cause:
        'The secret was sent both in the Basic header and in the form body; only one method is allowed.',
      fix: 'Pick one method: client_secret_basic or client_secret_post.',
      detail: 'multiple_client_auth',
    })
  }
  if (/origin .*not allowed|cors/i.test(description)) {
    return diagnosis('invalid_request', {
      ...base,
      title: 'This origin is not allowed for the client',
      cause: `The provider refused requests from ${context.origin ? tick(context.origin) : 'this page’s origin'} for this client.`,
      fix: 'Add this origin to the client’s allowed origins (Keycloak: Web origins).',
      specLinks: [SPEC.keycloakOidcClients],
      detail: 'origin_not_allowed',
    })
  }
  const missing = /missing (?:parameter|form parameter)?:?\s*([\w-]+)/i.exec(description)?.[1]
  return diagnosis('invalid_request', {
    ...base,
    cause: missing
      ? `The provider misses the parameter ${tick(missing)}.`
      : description
        ? `The provider says: “${description}”.`
        : DIAGNOSIS_TEXT.invalid_request.cause,
    ...(missing ? { detail: `missing_${missing}` } : {}),
  })
}
