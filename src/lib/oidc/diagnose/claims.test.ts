import { describe, expect, test } from 'vitest'
import { expectWellFormed } from '@/testing/diagnosis'
import { diagnoseMissingClaim, missingClaimDiagnoses } from './claims'

describe('diagnoseMissingClaim', () => {
  test.each([
    {
      name: 'email not requested',
      input: {
        claim: 'email',
        where: 'id_token' as const,
        requestedScope: ['openid', 'profile'],
        grantedScope: 'openid profile',
      },
      action: { kind: 'rerun_with_scope', scope: 'email' },
      cause: '`email` was not requested, so the provider did not release `email`.',
    },
    {
      name: 'phone requested, not granted',
      input: {
        claim: 'phone_number',
        where: 'id_token' as const,
        requestedScope: ['openid', 'phone'],
        grantedScope: 'openid',
      },
      action: undefined,
      cause: 'The provider did not grant `phone`.',
    },
    {
      name: 'email granted but only in userinfo',
      input: {
        claim: 'email',
        where: 'id_token' as const,
        requestedScope: ['openid', 'email'],
        grantedScope: 'openid email',
        presentIn: ['userinfo' as const],
      },
      action: undefined,
      cause: '`email` is released, but not into the ID token.',
    },
    {
      name: 'Keycloak default scope granted, user has no value',
      input: {
        claim: 'email',
        where: 'userinfo' as const,
        requestedScope: ['openid'],
        grantedScope: 'openid profile email',
      },
      action: undefined,
      cause: '`email` was not released although its scope was granted.',
    },
  ])('$name', ({ input, action, cause }) => {
    const d = diagnoseMissingClaim(input)
    expect(d.code).toBe('missing_claim')
    expect(d.action).toEqual(action)
    expect(d.cause).toBe(cause)
    expectWellFormed(d)
  })
})

describe('missingClaimDiagnoses', () => {
  const idToken = {
    sub: 'alice',
    name: 'Alice Liddell',
    given_name: 'Alice',
    family_name: 'Liddell',
    preferred_username: 'alice',
  }

  test('no email scope: email is explained with a rerun action', () => {
    const found = missingClaimDiagnoses({
      idTokenClaims: idToken,
      requestedScope: ['openid', 'profile'],
      grantedScope: 'openid profile',
    })
    expect(found.map((d) => d.known[0])).toEqual([
      'the ID token has no `email` claim.',
      'the ID token has no `email_verified` claim.',
      'the ID token has no `address` claim.',
      'the ID token has no `phone_number` claim.',
      'the ID token has no `phone_number_verified` claim.',
    ])
    const [email] = found
    expect(email).toMatchObject({
      code: 'missing_claim',
      severity: 'warning',
      cause: '`email` was not requested, so the provider did not release `email`.',
      action: { kind: 'rerun_with_scope', scope: 'email' },
    })
    if (email) expectWellFormed(email)
  })

  test('requested but not granted: said so, no rerun', () => {
    const [email] = missingClaimDiagnoses({
      idTokenClaims: idToken,
      userinfoClaims: { sub: 'alice' },
      requestedScope: ['openid', 'profile', 'email', 'address', 'phone'],
      grantedScope: 'openid profile address phone',
    })
    expect(email).toMatchObject({ cause: 'The provider did not grant `email`.' })
    expect(email?.action).toBeUndefined()
    expect(email?.known[1]).toBe('Nor does the userinfo response.')
  })

  test('a claim found in any source, or whose scope was granted, is not listed', () => {
    const found = missingClaimDiagnoses({
      idTokenClaims: idToken,
      userinfoClaims: { sub: 'alice', email: 'alice@example.com' },
      accessTokenClaims: { sub: 'alice' },
      requestedScope: ['openid'],
      grantedScope: 'openid profile email phone',
    })
    expect(found.map((d) => d.known[0])).toEqual(['the ID token has no `address` claim.'])
  })

  test('no source read: nothing to say', () => {
    expect(missingClaimDiagnoses({ requestedScope: ['openid'] })).toEqual([])
  })
})
