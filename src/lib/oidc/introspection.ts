import { missingFieldsError, notAJsonObjectError, processEndpointError } from './endpoint-error'
import { isJsonObject, isSuccessStatus, providerErrorFromJson, readBody } from './errors'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { err, ok, type Result } from '@/lib/result'
import type { OidcError } from './types'

/**
 * An introspection answer with RFC 7662 §2.2 member names; everything else the provider sends
 * (Keycloak copies all token claims) is kept as unknown.
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.2
 */
export interface IntrospectionResponse {
  /** The only required member: whether the token is currently active. */
  active: boolean
  scope?: string
  client_id?: string
  username?: string
  token_type?: string
  exp?: number
  iat?: number
  nbf?: number
  sub?: string
  aud?: string | string[]
  iss?: string
  jti?: string
  [member: string]: unknown
}

/** A processed introspection: the members, plus the lab's remarks. */
export interface IntrospectionResult extends IntrospectionResponse {
  /** The lab's remarks on tolerated departures from RFC 7662 §2.2 (not a wire field). */
  deviations: string[]
}

const ENDPOINT = 'The introspection endpoint'

/**
 * Reads an introspection answer without throwing. 2xx JSON must have a boolean `active`; the
 * strings `"true"`/`"false"` are tolerated and reported in `deviations`, as are members beside
 * `active: false` (RFC 7662 §2.2: the provider should not describe an inactive token). Every other
 * member is kept as sent. Error answers keep their RFC 6749 §5.2 code (`invalid_client` for a
 * client that may not introspect, `invalid_request`…). It does not check any member (an active
 * token may still be for another API, see `aud`), and cannot tell why a token is inactive:
 * expired, revoked, unknown, from another realm, or (at some providers) a caller that may not
 * introspect, such as a public client.
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.2
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.3
 */
export function processIntrospectionResponse(
  response: HttpResponseRecord,
): Result<IntrospectionResult, OidcError> {
  const shape = readBody(response.body)
  const provider = shape.kind === 'json' ? providerErrorFromJson(shape.value) : undefined
  if (!isSuccessStatus(response.status) || provider) {
    return err(processEndpointError(response, { endpoint: ENDPOINT }))
  }
  if (shape.kind !== 'json' || !isJsonObject(shape.value)) {
    return err(
      notAJsonObjectError(response, shape, {
        endpoint: ENDPOINT,
        expected: 'the introspection JSON',
        rule: 'RFC 7662 §2.2 responses are a JSON object (application/json).',
      }),
    )
  }
  const value = shape.value
  const deviations: string[] = []
  let active: boolean
  if (typeof value.active === 'boolean') active = value.active
  else if (value.active === 'true' || value.active === 'false') {
    active = value.active === 'true'
    deviations.push(
      `“active” is the string "${value.active}", not a JSON boolean (RFC 7662 §2.2); read as ${value.active}.`,
    )
  } else {
    const got = value.active === undefined ? 'missing' : `${JSON.stringify(value.active)}`
    return err(
      missingFieldsError(response, {
        message: `The introspection response has no boolean “active”, which RFC 7662 §2.2 requires (it is ${got}); the lab cannot tell whether the token is active.`,
        deviations: [
          value.active === undefined
            ? '“active” is missing.'
            : `“active” is ${got}, not true or false.`,
        ],
      }),
    )
  }
  const others = Object.keys(value).filter((name) => name !== 'active')
  if (!active && others.length) {
    deviations.push(
      `An inactive token is described with ${others.map((n) => `“${n}”`).join(', ')}; RFC 7662 §2.2 says the provider should send only “active”.`,
    )
  }
  return ok({ ...value, active, deviations })
}
