import { buildClientAuthenticatedPost } from './client-auth'
import { processEndpointError } from './endpoint-error'
import { isSuccessStatus, providerErrorFromJson, readBody } from './errors'
import type { HttpRequestSpec, HttpResponseRecord } from '@/lib/wire/http-types'
import { err, ok, type Result } from '@/lib/result'
import type { ClientAuth } from './client-auth'
import type { OidcError, OidcErrorCode } from './types'

/**
 * The error code RFC 7009 §2.2.1 adds to RFC 6749 §5.2, with one plain sentence.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1
 */
export const REVOCATION_ERROR_MEANINGS = {
  unsupported_token_type:
    'The provider does not revoke this type of token (many revoke refresh tokens only, not access tokens).',
} as const satisfies Partial<Record<OidcErrorCode, string>>

/**
 * The sentence the UI shows next to a successful revocation.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.2
 */
export const REVOCATION_SUCCESS_NOTICE =
  'HTTP 200 does not prove the token existed or was active: RFC 7009 §2.2 has the provider answer 200 for an invalid or unknown token too. Introspect it to see whether it is still active.'

/** Input for a token revocation request. */
export interface RevocationRequestInput {
  revocationEndpoint: string
  token: string
  tokenTypeHint?: 'access_token' | 'refresh_token'
  clientId: string
  auth: ClientAuth
}

/**
 * Builds the RFC 7009 §2.1 revocation POST: `token`, optional `token_type_hint`, then the client
 * authentication as for the token endpoint. The token is listed in `secretFields`. It does not
 * check that the token was issued to this client (the provider refuses or ignores another
 * client's token) or which token types the provider revokes.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 */
export function buildRevocationRequest(input: RevocationRequestInput): HttpRequestSpec {
  const form: [string, string][] = [['token', input.token]]
  if (input.tokenTypeHint) form.push(['token_type_hint', input.tokenTypeHint])
  return buildClientAuthenticatedPost({
    url: input.revocationEndpoint,
    clientId: input.clientId,
    auth: input.auth,
    form,
    secretFields: ['token'],
  })
}

/** A revocation the provider accepted. */
export interface RevocationResult {
  status: number
  /** The lab's remarks on tolerated departures from RFC 7009 §2.2 (not a wire field). */
  deviations: string[]
}

/**
 * Reads a revocation answer. Any 2xx is success whatever the body (RFC 7009 §2.2: the client
 * ignores it), though a status other than 200, or an error JSON with a 2xx, is reported in
 * `deviations`. Errors keep their code: `unsupported_token_type`, `invalid_client`,
 * `invalid_request`…; a 503 carries the hint that the token still exists. Success does not prove
 * the token existed or was active: the provider answers 200 for an unknown token too
 * ({@link REVOCATION_SUCCESS_NOTICE}). It does not check that the token is now unusable; only
 * introspection or a refused call shows that, and a self-contained JWT access token may stay
 * valid at an API until it expires.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.2
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1
 */
export function processRevocationResponse(
  response: HttpResponseRecord,
): Result<RevocationResult, OidcError> {
  const { status } = response
  if (isSuccessStatus(status)) {
    const deviations: string[] = []
    if (status !== 200) {
      deviations.push(`HTTP ${status} instead of the 200 RFC 7009 §2.2 specifies.`)
    }
    const shape = readBody(response.body)
    const provider = shape.kind === 'json' ? providerErrorFromJson(shape.value) : undefined
    if (provider) {
      deviations.push(
        `The body says error “${provider.error}” although the status is ${status}; RFC 7009 §2.2 has the client go by the status alone, so this counts as success.`,
      )
    }
    return ok({ status, deviations })
  }
  const error = processEndpointError(response, {
    endpoint: 'The revocation endpoint',
    meanings: REVOCATION_ERROR_MEANINGS,
  })
  if (status === 503) {
    const retryAfter = response.headers['retry-after']
    error.hint = `The token was not revoked and still works: RFC 7009 §2.2.1 says to retry later${retryAfter ? ` (Retry-After: ${retryAfter})` : ''}.`
  }
  return err(error)
}
