import { describe, expect, test } from 'vitest'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { processIntrospectionResponse } from './introspection'

const json = (status: number, body: unknown): HttpResponseRecord => ({
  status,
  statusText: '',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

const ACTIVE = {
  exp: 1767225900,
  iat: 1767225600,
  jti: 'j1',
  iss: 'http://localhost:8080/realms/demo',
  aud: 'account',
  sub: 'u1',
  typ: 'Bearer',
  azp: 'oidc-lab',
  scope: 'openid profile email',
  preferred_username: 'alice',
  client_id: 'oidc-lab',
  username: 'alice',
  token_type: 'Bearer',
  active: true,
}

describe('processIntrospectionResponse', () => {
  test.each([
    { name: 'active, with every member kept', body: ACTIVE, value: ACTIVE, deviations: [] },
    { name: 'inactive', body: { active: false }, value: { active: false }, deviations: [] },
    {
      name: '"true" as a string',
      body: { active: 'true', sub: 'u1' },
      value: { active: true, sub: 'u1' },
      deviations: [
        '“active” is the string "true", not a JSON boolean (RFC 7662 §2.2); read as true.',
      ],
    },
    {
      name: '"false" as a string',
      body: { active: 'false' },
      value: { active: false },
      deviations: [
        '“active” is the string "false", not a JSON boolean (RFC 7662 §2.2); read as false.',
      ],
    },
    {
      name: 'inactive but described',
      body: { active: false, exp: 1, sub: 'u1' },
      value: { active: false, exp: 1, sub: 'u1' },
      deviations: [
        'An inactive token is described with “exp”, “sub”; RFC 7662 §2.2 says the provider should send only “active”.',
      ],
    },
  ])('$name', ({ body, value, deviations }) => {
    expect(processIntrospectionResponse(json(200, body))).toEqual({
      ok: true,
      value: { ...value, deviations },
    })
  })

  test.each([
    {
      name: 'no active',
      body: { sub: 'u1' },
      message:
        'The introspection response has no boolean “active”, which RFC 7662 §2.2 requires (it is missing); the lab cannot tell whether the token is active.',
      deviations: ['“active” is missing.'],
    },
    {
      name: 'active as a number',
      body: { active: 1 },
      message:
        'The introspection response has no boolean “active”, which RFC 7662 §2.2 requires (it is 1); the lab cannot tell whether the token is active.',
      deviations: ['“active” is 1, not true or false.'],
    },
    {
      name: 'active as "yes"',
      body: { active: 'yes' },
      message:
        'The introspection response has no boolean “active”, which RFC 7662 §2.2 requires (it is "yes"); the lab cannot tell whether the token is active.',
      deviations: ['“active” is "yes", not true or false.'],
    },
  ])('unusable: $name', ({ body, message, deviations }) => {
    const response = json(200, body)
    expect(processIntrospectionResponse(response)).toEqual({
      ok: false,
      error: {
        code: 'non_standard_response',
        message,
        detail: 'missing_fields',
        status: 200,
        body: response.body,
        deviations,
      },
    })
  })

  test.each([
    {
      name: 'invalid_client',
      response: json(401, { error: 'invalid_client' }),
      code: 'invalid_client',
      detail: undefined,
    },
    {
      name: 'an error with 200',
      response: json(200, { error: 'invalid_request', error_description: 'Client not allowed.' }),
      code: 'invalid_request',
      detail: undefined,
    },
    {
      name: 'a JSON string',
      response: json(200, 'active'),
      code: 'non_standard_response',
      detail: 'not_an_object',
    },
    {
      name: 'plain text',
      response: { status: 200, statusText: '', headers: {}, body: 'active=true' },
      code: 'non_standard_response',
      detail: 'not_json',
    },
  ])('error: $name', ({ response, code, detail }) => {
    const result = processIntrospectionResponse(response)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.detail).toBe(detail)
  })
})
