import { describeIssuerDifference } from '../issuer'
import type { OidcError } from '../types'
import { diagnosis, secondsAgo, tick, type Diagnosis, type DiagnosisParts } from './shared'

/**
 * What the lab read from the access token, to tell an expired or foreign token from a revoked one.
 * Pass them from the decoded access token (see `accessTokenFacts`); every field is optional.
 */
export interface AccessTokenValidity {
  /** The decoded access token's `exp` (seconds). */
  accessTokenExp?: number
  /** The decoded access token's `iss`. */
  accessTokenIss?: string
  /**
   * The issuer the lab uses (the discovery document's `issuer`). With `accessTokenIss` it turns
   * an `invalid_token` into "the token comes from another issuer" when the two differ.
   */
  expectedIssuer?: string
  /** Milliseconds since the epoch; defaults to `Date.now()`. */
  now?: number
}

/**
 * invalid_token at userinfo (or a 401 without a code), checked against the token's `exp` and `iss`
 * and the provider's description: expired, another issuer, ended session, inactive, or the usual
 * causes as guesses.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function diagnoseInvalidToken(
  input: AccessTokenValidity,
  error: OidcError,
  hadChallenge: boolean,
  base: DiagnosisParts,
): Diagnosis {
  const known = base.known ?? []
  const guessed: string[] = []
  const description = error.provider?.error_description ?? ''
  const nowSeconds = (input.now ?? Date.now()) / 1000
  if (input.accessTokenExp !== undefined) {
    const left = input.accessTokenExp - nowSeconds
    const at = new Date(input.accessTokenExp * 1000).toISOString()
    if (left <= 0) {
      known.push(`The access token expired at ${at} (${secondsAgo(-left)} ago).`)
      return diagnosis('invalid_token', {
        ...base,
        known,
        title: 'The access token expired',
        cause: 'Access tokens are short-lived (Keycloak: 5 minutes by default).',
        fix: 'Use the refresh token, or run the flow again.',
        action: { kind: 'restart_flow' },
        detail: 'expired',
      })
    }
    known.push(`The access token is still within its lifetime (exp ${at}).`)
  }
  if (input.accessTokenIss && input.expectedIssuer) {
    const difference = describeIssuerDifference(input.expectedIssuer, input.accessTokenIss)
    if (difference) {
      known.push(
        `The token’s iss is ${tick(input.accessTokenIss)}, not ${tick(input.expectedIssuer)}. ${difference.message}`,
      )
      return diagnosis('invalid_token', {
        ...base,
        known,
        title: 'The token comes from another issuer',
        cause:
          'The provider only accepts tokens whose iss is its own issuer, character for character.',
        fix: 'Use one host name for the provider everywhere (e.g. always localhost, or always 127.0.0.1), then run the flow again.',
        action: { kind: 'restart_flow' },
        detail: 'issuer',
      })
    }
  }
  if (/invalid token issuer|issuer/i.test(description)) {
    return diagnosis('invalid_token', {
      ...base,
      known,
      title: 'The token comes from another issuer',
      cause:
        'The token was issued under a different issuer URL (host name, scheme or realm) than the one userinfo expects.',
      fix: 'Use one host name for the provider everywhere, then run the flow again.',
      action: { kind: 'restart_flow' },
      detail: 'issuer',
    })
  }
  if (/session/i.test(description)) {
    return diagnosis('invalid_token', {
      ...base,
      known,
      title: 'The login session ended',
      cause:
        'The token is tied to a provider session that no longer exists (logout, session timeout, admin action).',
      fix: 'Log in again by running the flow again.',
      action: { kind: 'restart_flow' },
      detail: 'session_ended',
    })
  }
  if (/not active|expired/i.test(description)) {
    return diagnosis('invalid_token', {
      ...base,
      known,
      title: 'The access token is no longer active',
      cause: 'The provider considers the token expired or inactive.',
      fix: 'Use the refresh token, or run the flow again.',
      action: { kind: 'restart_flow' },
      detail: 'expired',
    })
  }
  if (/signature|verification failed|no matching key/i.test(description)) {
    guessed.push(
      'The signature did not verify: the token was altered, comes from another realm, or the provider’s keys changed.',
    )
  }
  if (hadChallenge && !error.provider) {
    guessed.push(
      'The challenge carries no error code, which RFC 6750 uses when the request had no usable token at all: a proxy may have dropped the Authorization header.',
    )
  }
  guessed.push(
    'Usual causes: the token was revoked (logout, or the authorization code was used twice, which revokes its tokens), it expired, or it was issued for another audience or realm.',
  )
  return diagnosis('invalid_token', { ...base, known, guessed, action: { kind: 'restart_flow' } })
}
