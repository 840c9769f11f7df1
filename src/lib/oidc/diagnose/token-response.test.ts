import { describe, expect, test } from 'vitest'
import { diagnoseTokenResponse } from './token-response'

describe('diagnoseTokenResponse', () => {
  test.each([
    {
      scope: ['openid'],
      token: { access_token: 'a', token_type: 'Bearer', id_token: 'x' },
      expected: [],
    },
    {
      scope: ['profile', 'email'],
      token: { access_token: 'a', token_type: 'Bearer', scope: 'profile email' },
      expected: [
        {
          code: 'no_id_token',
          severity: 'info',
          action: { kind: 'rerun_with_scope', scope: 'openid' },
        },
      ],
    },
    {
      scope: ['openid', 'email'],
      token: { access_token: 'a', token_type: 'Bearer', scope: 'email' },
      expected: [{ code: 'no_id_token', severity: 'warning' }],
    },
    {
      scope: ['openid'],
      token: { access_token: 'a', token_type: 'Bearer' },
      expected: [{ code: 'no_id_token', severity: 'error', detail: 'missing_despite_openid' }],
    },
  ])('$scope', ({ scope, token, expected }) => {
    expect(diagnoseTokenResponse(token, { requestedScope: scope })).toMatchObject(expected)
  })

  test('refresh responses may omit the ID token', () => {
    expect(
      diagnoseTokenResponse(
        { access_token: 'a', token_type: 'Bearer' },
        { requestedScope: ['openid'], grantType: 'refresh_token' },
      ),
    ).toEqual([])
  })
})

test('client credentials never has an ID token (no user)', () => {
  expect(
    diagnoseTokenResponse(
      { access_token: 'a', token_type: 'Bearer', scope: 'openid' },
      { requestedScope: ['openid'], grantType: 'client_credentials' },
    ),
  ).toEqual([])
})

test('without openid the note does not claim a refusal, it names who enforces the rule', () => {
  const [d] = diagnoseTokenResponse(
    { access_token: 'a', token_type: 'Bearer', scope: 'email' },
    { requestedScope: ['email'] },
  )
  expect(d?.cause).toBe(
    '`openid` was not requested, so the provider treated the request as plain OAuth 2.0: no ID token, and a provider that enforces OIDC Core §5.3 (Keycloak does) refuses this access token at userinfo.',
  )
})
