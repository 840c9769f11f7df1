import { describe, expect, test } from 'vitest'
import { type Check, needsJwksRefresh } from './checks'

const row = (extra: Partial<Check> = {}): Check => ({
  id: 'signature',
  status: 'fail',
  code: 'kid_not_found',
  message: "no key with kid k in the provider's JWKS",
  specLink: 'https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation',
  ...extra,
})

describe('needsJwksRefresh', () => {
  test.each<[string, Check[], boolean]>([
    ['no checks', [], false],
    ['a signature row without the flag', [row()], false],
    ['a signature row with the flag', [row({ needsJwksRefresh: true })], true],
  ])('%s → %s', (_name, checks, expected) => {
    expect(needsJwksRefresh(checks)).toBe(expected)
  })
})
