import { describe, expect, test } from 'vitest'
import { expectWellFormed } from '@/testing/diagnosis'
import { parseCallbackParams, validateCallback } from '../callback-params'
import { diagnoseCallback, diagnoseCallbackError } from './callback'

describe('diagnoseCallbackError / diagnoseCallback', () => {
  test.each([
    { search: '?code=c&state=s', ctx: {}, code: undefined, action: undefined },
    {
      search: '?error=access_denied&state=s',
      ctx: {},
      code: 'access_denied',
      action: { kind: 'restart_flow' },
    },
    {
      search:
        '?error=invalid_scope&error_description=Invalid+scopes%3A+openid+foo&scope=foo&state=s',
      ctx: { requestedScope: ['openid', 'foo'] },
      code: 'invalid_scope',
      action: { kind: 'rerun_without_scope', scope: 'foo' },
    },
    {
      search: '?error=invalid_scope&error_description=Invalid+scopes%3A+openid+phone&state=s',
      ctx: { requestedScope: ['openid', 'phone'], scopesSupported: ['openid', 'email'] },
      code: 'invalid_scope',
      action: { kind: 'rerun_without_scope', scope: 'phone' },
    },
    {
      search:
        '?error=invalid_request&error_description=Authorization+Server+policy+requires+PKCE+to+be+used+for+this+request&state=s',
      ctx: { usedPkce: false },
      code: 'invalid_request',
      action: { kind: 'enable_pkce' },
    },
    {
      search:
        '?error=invalid_request&error_description=Missing+parameter%3A+code_challenge_method&state=s',
      ctx: {},
      code: 'invalid_request',
      action: { kind: 'enable_pkce' },
    },
    {
      search:
        '?error=invalid_request&error_description=openid+scope+must+be+requested+when+using+the+nonce+parameter&state=s',
      ctx: { requestedScope: ['profile'], sentNonce: true },
      code: 'invalid_request',
      action: { kind: 'rerun_with_scope', scope: 'openid' },
    },
    {
      search: '?error=invalid_request&error_description=Missing+parameter%3A+nonce&state=s',
      ctx: { sentNonce: false },
      code: 'invalid_request',
      action: { kind: 'send_nonce' },
    },
    {
      search:
        '?error=unauthorized_client&error_description=Client+is+not+allowed+to+initiate+browser+login+with+given+response_type.+Standard+flow+is+disabled+for+the+client.&state=s',
      ctx: {},
      code: 'unauthorized_client',
      action: undefined,
    },
    {
      search: '?error=login_required&state=s',
      ctx: { prompt: 'none' },
      code: 'login_required',
      action: { kind: 'remove_prompt_none' },
    },
    {
      search: '?error=consent_required&state=s',
      ctx: { prompt: 'none' },
      code: 'consent_required',
      action: { kind: 'remove_prompt_none' },
    },
    {
      search: '?error=temporarily_unavailable&error_description=authentication_expired&state=s',
      ctx: {},
      code: 'temporarily_unavailable',
      action: { kind: 'restart_flow' },
    },
    { search: '?error=server_error&state=s', ctx: {}, code: 'server_error', action: undefined },
    {
      search: '?error=weird_thing&error_description=Nope&state=s',
      ctx: {},
      code: 'non_standard_response',
      action: undefined,
    },
  ])('$search → $code', ({ search, ctx, code, action }) => {
    const d = diagnoseCallbackError(parseCallbackParams(search), ctx)
    expect(d?.code).toBe(code)
    expect(d?.action).toEqual(action)
    if (d) expectWellFormed(d)
  })

  test('quotes the provider and names the refused scope as a fact', () => {
    const d = diagnoseCallbackError(
      parseCallbackParams(
        '?error=invalid_scope&error_description=Invalid+scopes%3A+openid+foo&scope=foo&state=s',
      ),
      { requestedScope: ['openid', 'foo'] },
    )
    expect(d?.known).toEqual([
      'The provider answered error=`invalid_scope` with the description “Invalid scopes: openid foo”.',
      'The response names the refused scope: `foo`.',
      'The lab requested `openid foo`.',
    ])
    expect(d?.fix).toBe(
      'Untick `foo`, or assign it to the client (Keycloak: Clients → your client → Client scopes → Add client scope, as Optional).',
    )
  })

  test.each([
    { search: '?code=c&state=other', code: 'state_mismatch' },
    { search: '?code=c&state=s&iss=https%3A%2F%2Fevil.example', code: 'iss_mismatch' },
    { search: '?state=s', code: 'missing_code' },
    { search: '?error=access_denied&state=other', code: 'access_denied' },
    { search: '?code=c&state=s', code: undefined },
  ])('diagnoseCallback $search → $code', ({ search, code }) => {
    const params = parseCallbackParams(search)
    const validation = validateCallback({
      params,
      expectedState: 's',
      expectedIssuer: 'http://localhost:8080/realms/demo',
    })
    expect(diagnoseCallback(params, validation)?.code).toBe(code)
  })
})
