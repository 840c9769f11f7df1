import { describe, expect, test } from 'vitest'
import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { revokeStep, type RevokeResult } from '@/features/flow/steps/revoke/step'
import {
  keycloakDiscoveryDocument,
  keycloakTokenSuccess,
} from '@/testing/fixtures/provider-responses'
import { derive, recorded, returnedFlow, withSent } from '@/testing/step-inputs'
import type { DiscoveryDocument } from '@/lib/oidc/types'

const withRevocation = keycloakDiscoveryDocument as DiscoveryDocument
const withoutRevocation = { ...withRevocation, revocation_endpoint: undefined }
const answer = (status: number, body = ''): HttpResponseRecord => ({
  status,
  statusText: '',
  headers: { 'content-type': 'application/json' },
  body,
})

describe('revoke step', () => {
  test('prepares a revocation of the newest token of either kind, with its hint', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const { context, statuses } = derive(withSent(returnedFlow(), [token]), [token], withRevocation)
    const prepared = revokeStep.prepare?.(context, { token: 'refresh_token' })
    expect(prepared?.ok && prepared.request.url).toBe(withRevocation.revocation_endpoint)
    expect(prepared?.ok && prepared.request.form).toEqual(
      expect.arrayContaining([
        ['token', 'eyJhbGciOiJIUzUxMiJ9.eyJ0eXAiOiJSZWZyZXNoIn0.c2ln'],
        ['token_type_hint', 'refresh_token'],
      ]),
    )
    expect(statuses.get('revoke')).toBe('ready')
  })

  test('a 200 is accepted; a 400 unsupported_token_type is a failure with the provider’s code', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const ok = recorded('revoke', answer(200), [['token_type_hint', 'access_token']])
    const done = derive(withSent(returnedFlow(), [token, ok]), [token, ok], withRevocation)
    expect((done.results.get('revoke') as RevokeResult).accepted).toBe(true)
    expect(done.statuses.get('revoke')).toBe('done')
    const refused = recorded('revoke', answer(400, '{"error":"unsupported_token_type"}'))
    const failed = derive(
      withSent(returnedFlow(), [token, refused]),
      [token, refused],
      withRevocation,
    )
    expect((failed.results.get('revoke') as RevokeResult).error?.code).toBe(
      'unsupported_token_type',
    )
    expect(failed.statuses.get('revoke')).toBe('fail')
  })

  test('no revocation_endpoint in discovery: blocked, with the reason', () => {
    const token = recorded('token', keycloakTokenSuccess)
    const { context, statuses } = derive(
      withSent(returnedFlow(), [token]),
      [token],
      withoutRevocation,
    )
    expect(revokeStep.prepare?.(context, { token: 'access_token' })).toEqual({
      ok: false,
      reason: 'The provider advertises no revocation_endpoint.',
    })
    expect(statuses.get('revoke')).toBe('waiting')
  })
})
