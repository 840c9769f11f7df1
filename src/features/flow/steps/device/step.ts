import { clientAuthFor } from '@/lib/lab-config/authorization'
import { grantProblem } from '@/lib/lab-config/grants'
import {
  buildDeviceAuthorizationRequest,
  buildDeviceTokenRequest,
  classifyDevicePoll,
  nextPollDelay,
  processDeviceAuthorizationResponse,
  type DeviceAuthorization,
  type DevicePollOutcome,
} from '@/lib/oidc/device-authorization'
import { SPEC } from '@/lib/oidc/spec-links'
import type { OidcError } from '@/lib/oidc/types'
import type { HttpExchange } from '@/lib/wire/http-types'
import { readTokenExchange, tokensOf, type TokenResult } from '@/features/flow/steps/token-result'
import { blocked, type StepContext, type StepDefinition } from '@/features/flow/steps/types'

export type DeviceRequest = 'authorize' | 'poll'

export interface DevicePoll {
  exchange: HttpExchange
  /** `done` when the poll brought tokens. */
  outcome: DevicePollOutcome | 'done' | 'no_answer'
  /** The provider's error code, e.g. `authorization_pending`. */
  error?: string
  token: TokenResult
}

export interface DeviceResult {
  exchange: HttpExchange
  authorization?: DeviceAuthorization
  error?: OidcError
  polls: DevicePoll[]
  /** Seconds to wait before the next poll; undefined when polling is over. */
  nextPollIn?: number
  /** When the device code expires (ms since the epoch), from `expires_in`. */
  expiresAt?: number
  tokens?: TokenResult
}

const isDeviceAuthorization = (x: HttpExchange, endpoint: string | undefined) =>
  endpoint !== undefined && x.request.url === endpoint

function derivePolls(context: StepContext, polls: HttpExchange[]): DevicePoll[] {
  const { config } = context
  return polls.map((exchange, i) => {
    const token = readTokenExchange(exchange, i + 1, config.scopes, {
      clientAuthMethod: clientAuthFor(config).method,
      isPublicClient: config.clientType === 'public',
      grantType: 'urn:ietf:params:oauth:grant-type:device_code',
      origin: context.origin,
      tokenEndpoint: exchange.request.url,
    })
    if (token.response) return { exchange, outcome: 'done', token }
    if (!exchange.response) return { exchange, outcome: 'no_answer', token }
    const error = token.diagnosis?.providerError?.error
    return { exchange, outcome: classifyDevicePoll(error), error, token }
  })
}

function deriveDevice(context: StepContext): DeviceResult | undefined {
  const sent = context.exchangesOf(deviceStep.id)
  const endpoint = context.document?.device_authorization_endpoint
  const start = sent.findLastIndex((x) => isDeviceAuthorization(x, endpoint))
  const exchange = sent[start]
  if (!exchange) return undefined
  if (!exchange.response) {
    const message = `No HTTP answer from the device authorization endpoint (${exchange.networkError ?? 'network error'}): the provider is down, or it does not allow this page's origin (CORS).`
    return { exchange, polls: [], error: { code: 'non_standard_response', message } }
  }
  const processed = processDeviceAuthorizationResponse(exchange.response)
  if (!processed.ok) return { exchange, polls: [], error: processed.error }
  const authorization = processed.value
  const polls = derivePolls(context, sent.slice(start + 1))
  const last = polls.at(-1)
  let interval = authorization.interval
  for (const poll of polls) {
    const delay = nextPollDelay({
      interval,
      lastError: poll.outcome === 'no_answer' ? 'network_error' : poll.error,
    })
    if (delay !== undefined) interval = delay
  }
  const over = last !== undefined && !['pending', 'slow_down', 'no_answer'].includes(last.outcome)
  return {
    exchange,
    authorization,
    polls,
    nextPollIn: over ? undefined : interval,
    expiresAt: Date.parse(exchange.startedAt) + authorization.expires_in * 1000,
    tokens: last?.outcome === 'done' ? last.token : undefined,
  }
}

/** RFC 8628: the device shows a code, the user signs in elsewhere, the device polls for tokens. */
export const deviceStep: StepDefinition<DeviceResult, DeviceRequest> = {
  id: 'device',
  phase: 'run',
  title: 'Device authorization',
  note: 'For a TV or a command line: the device asks for a code, the user enters it on another screen and signs in there, and the device polls the token endpoint until the user has answered.',
  spec: [
    { label: 'RFC 8628 §3.1', href: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.1' },
    { label: 'RFC 8628 §3.5', href: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.5' },
    SPEC.oauthTokenResponse,
  ],
  grants: ['device_code'],
  prepare: (context, request) => {
    const { document, config } = context
    const problem = grantProblem(config, document)
    if (problem) return blocked(problem)
    if (!document?.device_authorization_endpoint)
      return blocked('Waiting for the discovery document.')
    const auth = clientAuthFor(config)
    if (request === 'authorize')
      return {
        ok: true,
        request: buildDeviceAuthorizationRequest({
          endpoint: document.device_authorization_endpoint,
          clientId: config.clientId,
          auth,
          scope: config.scopes.join(' '),
        }),
      }
    const authorization = context.resultOf(deviceStep)?.authorization
    if (!authorization) return blocked('Start the device authorization first.')
    return {
      ok: true,
      request: buildDeviceTokenRequest({
        tokenEndpoint: document.token_endpoint,
        deviceCode: authorization.device_code,
        clientId: config.clientId,
        auth,
      }),
    }
  },
  derive: deriveDevice,
  status: (context, device) => {
    if (!device) return deviceStep.prepare?.(context, 'authorize').ok ? 'ready' : 'waiting'
    if (device.tokens) return 'done'
    if (device.error || device.nextPollIn === undefined) return 'fail'
    return 'running'
  },
  diagnosis: (device) => device?.polls.at(-1)?.token.diagnosis,
  tokens: (device) => tokensOf(device.tokens),
}
