import { buildClientAuthenticatedPost } from './client-auth'
import { missingFieldsError, notAJsonObjectError, processEndpointError } from './endpoint-error'
import { isJsonObject, isSuccessStatus, oidcError, providerErrorFromJson, readBody } from './errors'
import type { HttpRequestSpec, HttpResponseRecord } from '@/lib/wire/http-types'
import { err, ok, type Result } from '@/lib/result'
import type { ClientAuth } from './client-auth'
import { processTokenResponse } from './token-response'
import type { OidcError, OidcErrorCode, TokenEndpointResponse } from './types'
import { parseAbsoluteUrl } from './url'

/**
 * The `grant_type` of the device access token request.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.4
 */
export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code'

/**
 * Seconds between polls when the provider sends no `interval`.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.2
 */
export const DEFAULT_POLL_INTERVAL = 5

/**
 * Seconds added to the polling interval on every `slow_down`.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export const SLOW_DOWN_INCREMENT = 5

/**
 * The four error codes RFC 8628 §3.5 adds to the token endpoint while the device polls, with one
 * plain sentence each.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export const DEVICE_ERROR_MEANINGS = {
  authorization_pending:
    'The user has not finished at the verification page yet; keep polling at the same interval.',
  slow_down: `Polling too fast: keep polling, but add ${SLOW_DOWN_INCREMENT} seconds to the interval for this and every later request.`,
  access_denied: 'The user declined the request at the verification page; stop polling.',
  expired_token:
    'The device_code expired before the user finished; stop polling and start a new device authorization.',
} as const satisfies Partial<Record<OidcErrorCode, string>>

/** Input for the device authorization request. */
export interface DeviceAuthorizationRequestInput {
  endpoint: string
  clientId: string
  auth: ClientAuth
  /** Space-separated scope; omitted when empty. */
  scope?: string
}

/**
 * Builds the RFC 8628 §3.1 device authorization POST: `scope` when non-empty, then the client
 * authentication as for the token endpoint (`client_id` in the form for a public client). It does
 * not check that the provider offers the device grant (discovery's
 * `device_authorization_endpoint`) or that the client may use it.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.1
 */
export function buildDeviceAuthorizationRequest(
  input: DeviceAuthorizationRequestInput,
): HttpRequestSpec {
  const scope = input.scope?.trim()
  return buildClientAuthenticatedPost({
    url: input.endpoint,
    clientId: input.clientId,
    auth: input.auth,
    form: scope ? [['scope', scope]] : [],
  })
}

/**
 * The device authorization response with RFC 8628 §3.2 field names.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.2
 */
export interface DeviceAuthorizationResponse {
  device_code: string
  /** What the user types at the verification page. */
  user_code: string
  verification_uri: string
  /** The verification URI with the user code in it (for a QR code). */
  verification_uri_complete?: string
  /** Lifetime of `device_code` and `user_code` in seconds. */
  expires_in: number
  /** Minimum seconds between polls; absent means 5. */
  interval?: number
}

/** A processed device authorization: the response, the interval to use, and what deviated. */
export interface DeviceAuthorization extends DeviceAuthorizationResponse {
  /** The interval to poll with: the provider's, or {@link DEFAULT_POLL_INTERVAL} when absent or unusable. */
  interval: number
  /** True when the provider sent no usable `interval` and the default applies. */
  intervalDefaulted: boolean
  /** The lab's remarks on tolerated departures from RFC 8628 §3.2 (not a wire field). */
  deviations: string[]
}

const ENDPOINT = 'The device authorization endpoint'

const show = (value: unknown): string => JSON.stringify(value) ?? String(value)

/** A positive number, or a numeric string (tolerated, with a deviation). */
function readSeconds(
  value: unknown,
  name: string,
  deviations: string[],
): number | undefined | 'invalid' {
  if (value === undefined) return undefined
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) && Number(value) > 0) {
    deviations.push(
      `“${name}” is the string ${show(value)}, not a JSON number; read as ${Number(value)}.`,
    )
    return Number(value)
  }
  return 'invalid'
}

/**
 * Reads a device authorization answer without throwing. 2xx JSON must carry `device_code`,
 * `user_code`, `verification_uri` (an absolute URL) and a positive `expires_in`; Google's
 * `verification_url` is read as `verification_uri`, and numeric strings as numbers, each reported
 * in `deviations`. `interval` defaults to 5 seconds (RFC 8628 §3.2) when absent or unusable. Error
 * answers keep their RFC 6749 §5.2 code (`invalid_client`, `invalid_scope`,
 * `unauthorized_client`…) via {@link processEndpointError}. It does not check that the user code is
 * readable or that `verification_uri` belongs to the provider (a phishing risk RFC 8628 §5.4 names).
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.2
 */
export function processDeviceAuthorizationResponse(
  response: HttpResponseRecord,
): Result<DeviceAuthorization, OidcError> {
  const shape = readBody(response.body)
  const provider = shape.kind === 'json' ? providerErrorFromJson(shape.value) : undefined
  if (!isSuccessStatus(response.status) || provider) {
    return err(processEndpointError(response, { endpoint: ENDPOINT }))
  }
  if (shape.kind !== 'json' || !isJsonObject(shape.value)) {
    return err(
      notAJsonObjectError(response, shape, {
        endpoint: ENDPOINT,
        expected: 'the device authorization JSON',
        rule: 'RFC 8628 §3.2 responses are a JSON object (application/json).',
      }),
    )
  }
  const value = shape.value
  const deviations: string[] = []
  const problems: string[] = []
  const missing: string[] = []
  const requireString = (name: string): string | undefined => {
    const v = value[name]
    if (typeof v === 'string' && v !== '') return v
    missing.push(name)
    problems.push(
      v === undefined
        ? `“${name}” is missing.`
        : `“${name}” is ${show(v)}, not a non-empty string.`,
    )
    return undefined
  }

  const deviceCode = requireString('device_code')
  const userCode = requireString('user_code')
  let verificationUri: string | undefined
  if (value.verification_uri === undefined && typeof value.verification_url === 'string') {
    verificationUri = value.verification_url
    deviations.push(
      'The provider sent “verification_url”, not “verification_uri” as RFC 8628 §3.2 names it (Google does this); read as verification_uri.',
    )
  } else {
    verificationUri = requireString('verification_uri')
  }
  const expiresIn = readSeconds(value.expires_in, 'expires_in', deviations)
  if (expiresIn === undefined || expiresIn === 'invalid') {
    missing.push('expires_in')
    problems.push(
      expiresIn === undefined
        ? '“expires_in” is missing.'
        : `“expires_in” is ${show(value.expires_in)}, not a positive number of seconds.`,
    )
  }
  if (
    deviceCode === undefined ||
    userCode === undefined ||
    verificationUri === undefined ||
    typeof expiresIn !== 'number'
  ) {
    return err(
      missingFieldsError(response, {
        message: `The device authorization response lacks a usable ${missing.map((n) => `“${n}”`).join(', ')}, which RFC 8628 §3.2 requires.`,
        deviations: [...problems, ...deviations],
      }),
    )
  }

  if (!/^https?:$/.test(parseAbsoluteUrl(verificationUri)?.protocol ?? '')) {
    return err(
      oidcError(
        'non_standard_response',
        `The verification URI “${verificationUri}” is not an absolute http(s) URL, so the user cannot be sent there.`,
        {
          status: response.status,
          body: response.body,
          detail: 'invalid_url',
          deviations: [
            'RFC 8628 §3.2: verification_uri is the end-user verification URI on the authorization server.',
            ...deviations,
          ],
        },
      ),
    )
  }

  const result: DeviceAuthorization = {
    device_code: deviceCode,
    user_code: userCode,
    verification_uri: verificationUri,
    expires_in: expiresIn,
    interval: DEFAULT_POLL_INTERVAL,
    intervalDefaulted: true,
    deviations,
  }
  const complete = value.verification_uri_complete
  const completeIsHttp =
    typeof complete === 'string' && /^https?:$/.test(parseAbsoluteUrl(complete)?.protocol ?? '')
  if (completeIsHttp) result.verification_uri_complete = complete
  else if (typeof complete === 'string' && complete !== '') {
    // shown as a link and a QR code: anything but http(s) (javascript:, data:…) is never offered
    deviations.push(
      `“verification_uri_complete” “${complete}” is not an absolute http(s) URL; ignored (the user types the code at verification_uri instead).`,
    )
  } else if (complete !== undefined) {
    deviations.push(`“verification_uri_complete” is ${show(complete)}, not a string; ignored.`)
  }
  const interval = readSeconds(value.interval, 'interval', deviations)
  if (typeof interval === 'number') {
    result.interval = interval
    result.intervalDefaulted = false
  } else if (interval === 'invalid') {
    deviations.push(
      `“interval” is ${show(value.interval)}, not a positive number of seconds; the default of ${DEFAULT_POLL_INTERVAL} applies.`,
    )
  }
  return ok(result)
}

/** Input for the device access token request (the poll). */
export interface DeviceTokenRequestInput {
  tokenEndpoint: string
  deviceCode: string
  clientId: string
  auth: ClientAuth
}

/**
 * Builds one poll of the token endpoint: `grant_type` {@link DEVICE_CODE_GRANT_TYPE}, the
 * `device_code` (listed in `secretFields`: whoever holds it gets the tokens), then the client
 * authentication as for the code exchange. It does not wait: pacing the polls is
 * {@link nextPollDelay}'s job.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.4
 */
export function buildDeviceTokenRequest(input: DeviceTokenRequestInput): HttpRequestSpec {
  return buildClientAuthenticatedPost({
    url: input.tokenEndpoint,
    clientId: input.clientId,
    auth: input.auth,
    form: [
      ['grant_type', DEVICE_CODE_GRANT_TYPE],
      ['device_code', input.deviceCode],
    ],
    secretFields: ['device_code'],
  })
}

const isDeviceErrorCode = (code: string): code is keyof typeof DEVICE_ERROR_MEANINGS =>
  Object.hasOwn(DEVICE_ERROR_MEANINGS, code)

/**
 * Reads one poll's answer: the four RFC 8628 §3.5 codes (`authorization_pending`, `slow_down`,
 * `access_denied`, `expired_token`) keep their code; everything else is read exactly as
 * `processTokenResponse` reads a token endpoint answer. It does not decide whether to poll again;
 * see {@link classifyDevicePoll} and {@link nextPollDelay}.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export function processDeviceTokenResponse(
  response: HttpResponseRecord,
): Result<TokenEndpointResponse, OidcError> {
  const shape = readBody(response.body)
  const provider = shape.kind === 'json' ? providerErrorFromJson(shape.value) : undefined
  if (provider && isDeviceErrorCode(provider.error)) {
    return err(
      processEndpointError(response, {
        endpoint: 'The token endpoint',
        meanings: DEVICE_ERROR_MEANINGS,
      }),
    )
  }
  return processTokenResponse(response)
}

/** What a poll's error means for the device flow. */
export type DevicePollOutcome = 'pending' | 'slow_down' | 'expired' | 'denied' | 'other'

/**
 * Classifies a poll's error code (the provider's `error`): `authorization_pending` → `pending`,
 * `slow_down`, `expired_token` → `expired`, `access_denied` → `denied`, anything else → `other`
 * (stop: the grant failed). It does not look at HTTP status or at the description.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export function classifyDevicePoll(code: string | undefined): DevicePollOutcome {
  switch (code) {
    case 'authorization_pending':
      return 'pending'
    case 'slow_down':
      return 'slow_down'
    case 'expired_token':
      return 'expired'
    case 'access_denied':
      return 'denied'
    default:
      return 'other'
  }
}

/** Input for {@link nextPollDelay}. */
export interface PollDelayInput {
  /** The interval in use, in seconds (start with the processed response's `interval`). */
  interval: number
  /** The previous poll's error code; `undefined` before the first poll. `network_error` for no answer. */
  lastError?: string
}

/**
 * The seconds to wait before the next poll, which is also the interval to keep for later polls, or
 * `undefined` to stop. Before the first poll and after `authorization_pending`: the interval.
 * After `slow_down`: the interval plus 5 seconds, kept from then on (RFC 8628 §3.5). After a
 * `network_error` (no answer): the interval doubled, the exponential back-off §3.5 asks for. After
 * `expired_token`, `access_denied` or any other error: `undefined`. An interval that is not a
 * positive number is replaced by 5. It does not track `expires_in`; stop when that has passed.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 */
export function nextPollDelay({ interval, lastError }: PollDelayInput): number | undefined {
  const current = Number.isFinite(interval) && interval > 0 ? interval : DEFAULT_POLL_INTERVAL
  if (lastError === undefined) return current
  if (lastError === 'network_error') return current * 2
  switch (classifyDevicePoll(lastError)) {
    case 'pending':
      return current
    case 'slow_down':
      return current + SLOW_DOWN_INCREMENT
    case 'expired':
    case 'denied':
    case 'other':
      return undefined
  }
}
