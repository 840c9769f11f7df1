import { describe, expect, test } from 'vitest'
import { missingFieldsError, notAJsonObjectError, processEndpointError } from './endpoint-error'
import { readBody } from './errors'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import type { OidcError } from './types'

const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponseRecord => ({
  status,
  statusText: '',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

const ENDPOINT = { endpoint: 'The revocation endpoint' }

describe('processEndpointError', () => {
  test.each<{ name: string; response: HttpResponseRecord; expected: Partial<OidcError> }>([
    {
      name: 'a standard code',
      response: json(400, { error: 'invalid_request', error_description: 'Missing token' }),
      expected: {
        code: 'invalid_request',
        message:
          'invalid_request: The request is missing a parameter, repeats one, or is otherwise malformed (for example a missing PKCE code_verifier). The provider said: “Missing token”.',
      },
    },
    {
      name: 'invalid_client with 401 is as specified',
      response: json(401, { error: 'invalid_client' }),
      expected: { code: 'invalid_client', deviations: undefined },
    },
    {
      name: 'Keycloak’s unauthorized_client for a failed client authentication',
      response: json(401, {
        error: 'unauthorized_client',
        error_description: 'Invalid client or Invalid client credentials',
      }),
      expected: {
        code: 'invalid_client',
        deviations: [
          'The provider said “unauthorized_client” for a failed client authentication; RFC 6749 §5.2 calls that “invalid_client” (Keycloak does this).',
        ],
      },
    },
    {
      name: 'an error with a 2xx status',
      response: json(200, { error: 'invalid_client' }),
      expected: {
        code: 'invalid_client',
        deviations: [
          'The error came with HTTP 200; RFC 6749 §5.2 requires 400 (401 for invalid_client).',
        ],
      },
    },
    {
      name: 'a standard code with an unexpected status',
      response: json(403, { error: 'invalid_scope' }),
      expected: {
        code: 'invalid_scope',
        deviations: ['HTTP 403 instead of 400 for “invalid_scope” (RFC 6749 §5.2).'],
      },
    },
    {
      name: 'server_error keeps its code whatever the status',
      response: json(500, { error: 'server_error' }),
      expected: {
        code: 'server_error',
        message: 'server_error: The provider hit an unexpected error while handling the request.',
        deviations: undefined,
      },
    },
    {
      name: 'a provider-specific code',
      response: json(403, { error: 'access_forbidden' }),
      expected: {
        code: 'non_standard_response',
        detail: 'unknown_error_code',
        closest: 'unauthorized_client',
        message:
          'The revocation endpoint answered HTTP 403 with its own error code “access_forbidden”, which the specification does not define. The closest standard meaning is “unauthorized_client”.',
        deviations: ['“access_forbidden” is not an error code this endpoint defines.'],
      },
    },
    {
      name: 'a 401 with only a Basic challenge',
      response: {
        status: 401,
        statusText: 'Unauthorized',
        headers: { 'www-authenticate': 'Basic realm="demo"' },
        body: '',
      },
      expected: {
        code: 'invalid_client',
        message:
          'invalid_client: HTTP 401 with a Basic challenge and no error body: the provider did not accept the client credentials.',
        deviations: ['No JSON error body (RFC 6749 §5.2 expects one, even with 401).'],
      },
    },
    {
      name: 'a gateway page',
      response: {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
        body: '<html><head><title>502 Bad Gateway</title></head></html>',
      },
      expected: {
        code: 'non_standard_response',
        detail: 'html',
        closest: 'server_error',
        message:
          'The revocation endpoint answered HTTP 502 Bad Gateway with an HTML page titled “502 Bad Gateway” (Content-Type: text/html), starting: <html><head><title>502 Bad Gateway</title></head></html>, not an OAuth error. The closest standard meaning is “server_error”.',
      },
    },
    {
      name: 'JSON without an error field',
      response: json(400, { message: 'bad' }),
      expected: { code: 'non_standard_response', detail: 'error_without_code' },
    },
  ])('$name', ({ response, expected }) => {
    const error = processEndpointError(response, ENDPOINT)
    expect(error).toMatchObject({ status: response.status, body: response.body })
    for (const [key, value] of Object.entries(expected)) {
      expect(error[key as keyof typeof error], key).toEqual(value)
    }
  })

  test('an endpoint’s own codes, from meanings', () => {
    const error = processEndpointError(json(400, { error: 'unsupported_token_type' }), {
      ...ENDPOINT,
      meanings: { unsupported_token_type: 'Not revocable here.' },
    })
    expect(error.code).toBe('unsupported_token_type')
    expect(error.message).toBe('unsupported_token_type: Not revocable here.')
  })

  test('the challenges are kept', () => {
    const error = processEndpointError(
      json(401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="demo"' }),
      ENDPOINT,
    )
    expect(error.challenges).toEqual([{ scheme: 'Basic', params: { realm: 'demo' } }])
  })
})

describe('notAJsonObjectError / missingFieldsError', () => {
  test('empty body', () => {
    const response: HttpResponseRecord = { status: 200, statusText: '', headers: {}, body: '' }
    expect(
      notAJsonObjectError(response, readBody(''), {
        endpoint: 'The introspection endpoint',
        expected: 'the introspection JSON',
        rule: 'RFC 7662 §2.2 responses are JSON.',
      }),
    ).toEqual({
      code: 'non_standard_response',
      message:
        'The introspection endpoint answered HTTP 200 with an empty body, not the introspection JSON.',
      detail: 'empty_body',
      status: 200,
      body: '',
      deviations: ['RFC 7662 §2.2 responses are JSON.'],
    })
  })

  test('missing fields', () => {
    const response = json(200, {})
    expect(missingFieldsError(response, { message: 'm', deviations: ['d'] })).toEqual({
      code: 'non_standard_response',
      message: 'm',
      detail: 'missing_fields',
      status: 200,
      body: '{}',
      deviations: ['d'],
    })
  })
})
