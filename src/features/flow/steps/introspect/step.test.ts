import { describe, expect, test } from 'vitest'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { introspectStep, type IntrospectResult } from '@/features/flow/steps/introspect/step'
import { keycloakTokenSuccess } from '@/testing/fixtures/provider-responses'
import { derive, recorded, returnedFlow, withSent } from '@/testing/step-inputs'

const active: HttpResponseRecord = {
  status: 200,
  statusText: 'OK',
  headers: { 'content-type': 'application/json' },
  body: '{"active":true,"scope":"openid"}',
}

describe('introspect step', () => {
  test('prepares a request per token kind, with its type hint', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const { context } = derive(withSent(returnedFlow(), [token]), [token])
    const refresh = introspectStep.prepare?.(context, { token: 'refresh_token' })
    expect(refresh?.ok && refresh.request.form).toContainEqual(['token_type_hint', 'refresh_token'])
    const access = introspectStep.prepare?.(context, { token: 'access_token' })
    expect(access?.ok && access.request.url).toBe(context.document?.introspection_endpoint)
  })

  test('the answer’s members are read and named by the token it was about', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const answer = recorded('introspect', active, [['token_type_hint', 'refresh_token']])
    const { results, statuses } = derive(withSent(returnedFlow(), [token, answer]), [token, answer])
    const result = results.get('introspect') as IntrospectResult
    expect(result.token).toBe('refresh_token')
    expect(result.members).toEqual({ active: true, scope: 'openid' })
    expect(statuses.get('introspect')).toBe('done')
  })

  test('no introspection_endpoint: blocked with the reason', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const { context } = derive(withSent(returnedFlow(), [token]), [token], {
      issuer: 'https://op.example',
      authorization_endpoint: 'https://op.example/auth',
      token_endpoint: 'https://op.example/token',
      jwks_uri: 'https://op.example/jwks',
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    })
    expect(introspectStep.prepare?.(context, { token: 'access_token' })).toEqual({
      ok: false,
      reason: 'The provider advertises no introspection_endpoint.',
    })
  })
})
