import { expect, test } from 'vitest'
import { SCOPE_CLAIMS } from './scope-claims'

test('SCOPE_CLAIMS follows OIDC Core §5.4', () => {
  expect(SCOPE_CLAIMS.email).toEqual(['email', 'email_verified'])
  expect(SCOPE_CLAIMS.phone).toEqual(['phone_number', 'phone_number_verified'])
  expect(SCOPE_CLAIMS.address).toEqual(['address'])
  expect(SCOPE_CLAIMS.profile).toHaveLength(14)
})
