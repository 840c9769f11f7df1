import { describe, expect, test } from 'vitest'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { buildRevocationRequest, processRevocationResponse } from './revocation'

const REVOKE = 'http://localhost:8080/realms/demo/protocol/openid-connect/revoke'

const response = (
  status: number,
  body: string,
  headers: Record<string, string> = {},
): HttpResponseRecord => ({ status, statusText: '', headers, body })

describe('buildRevocationRequest', () => {
  test.each([
    {
      name: 'public client with a hint',
      hint: 'refresh_token' as const,
      auth: { method: 'none' as const },
      form: [
        ['token', 'rt-1'],
        ['token_type_hint', 'refresh_token'],
        ['client_id', 'oidc-lab'],
      ],
      headers: {},
      secretFields: ['token'],
    },
    {
      name: 'client_secret_basic without a hint',
      hint: undefined,
      auth: { method: 'client_secret_basic' as const, clientSecret: 's' },
      form: [['token', 'rt-1']],
      headers: { Authorization: 'Basic b2lkYy1sYWI6cw==' },
      secretFields: ['Authorization', 'token'],
    },
    {
      name: 'client_secret_post',
      hint: 'access_token' as const,
      auth: { method: 'client_secret_post' as const, clientSecret: 's' },
      form: [
        ['token', 'rt-1'],
        ['token_type_hint', 'access_token'],
        ['client_id', 'oidc-lab'],
        ['client_secret', 's'],
      ],
      headers: {},
      secretFields: ['client_secret', 'token'],
    },
  ])('$name', ({ hint, auth, form, headers, secretFields }) => {
    expect(
      buildRevocationRequest({
        revocationEndpoint: REVOKE,
        token: 'rt-1',
        clientId: 'oidc-lab',
        auth,
        ...(hint ? { tokenTypeHint: hint } : {}),
      }),
    ).toEqual({
      method: 'POST',
      url: REVOKE,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        ...headers,
      },
      form,
      secretFields,
    })
  })
})

describe('processRevocationResponse', () => {
  test.each([
    { name: 'empty 200 (Keycloak, the demo realm)', res: response(200, ''), deviations: [] },
    { name: '200 with a body', res: response(200, '{"revoked":true}'), deviations: [] },
    {
      name: '204',
      res: response(204, ''),
      deviations: ['HTTP 204 instead of the 200 RFC 7009 §2.2 specifies.'],
    },
    {
      name: '200 whose body is an error',
      res: response(200, '{"error":"invalid_token"}'),
      deviations: [
        'The body says error “invalid_token” although the status is 200; RFC 7009 §2.2 has the client go by the status alone, so this counts as success.',
      ],
    },
  ])('success: $name', ({ res, deviations }) => {
    expect(processRevocationResponse(res)).toEqual({
      ok: true,
      value: { status: res.status, deviations },
    })
  })

  test('unsupported_token_type', () => {
    const res = response(400, '{"error":"unsupported_token_type"}')
    expect(processRevocationResponse(res)).toEqual({
      ok: false,
      error: {
        code: 'unsupported_token_type',
        message:
          'unsupported_token_type: The provider does not revoke this type of token (many revoke refresh tokens only, not access tokens).',
        status: 400,
        body: res.body,
        provider: { error: 'unsupported_token_type' },
      },
    })
  })

  test.each([
    {
      name: 'invalid_client',
      res: response(401, '{"error":"invalid_client"}'),
      code: 'invalid_client',
    },
    {
      name: 'Keycloak: unauthorized_client for a wrong secret',
      res: response(
        401,
        '{"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}',
      ),
      code: 'invalid_client',
    },
    {
      name: 'demo realm: another client’s token',
      res: response(400, '{"error":"invalid_request","error_description":"Unmatching clients"}'),
      code: 'invalid_request',
    },
    { name: 'an HTML page', res: response(500, '<html></html>'), code: 'non_standard_response' },
  ])('error: $name', ({ res, code }) => {
    const result = processRevocationResponse(res)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.hint).toBeUndefined()
  })

  test('503: the token still exists', () => {
    const result = processRevocationResponse(
      response(503, '{"error":"temporarily_unavailable"}', { 'retry-after': '30' }),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('temporarily_unavailable')
    expect(result.error.hint).toBe(
      'The token was not revoked and still works: RFC 7009 §2.2.1 says to retry later (Retry-After: 30).',
    )
  })
})
