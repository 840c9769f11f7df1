import { type Check, makeCheck as check, OIDC_CORE, showValue as show } from './checks'

const link = `${OIDC_CORE}#UserInfoResponse`

/**
 * Checks that the userinfo response's `sub` equals the ID token's, which guards against a
 * substituted userinfo response. This does not check the userinfo response's signature or other claims.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse
 */
export function checkUserinfoSub(idTokenSub: unknown, userinfoSub: unknown): Check {
  if (typeof idTokenSub !== 'string') {
    return check(
      'userinfo_sub',
      'skip',
      'id_token_sub_missing',
      'no ID token sub to compare with',
      link,
    )
  }
  if (userinfoSub === undefined) {
    return check(
      'userinfo_sub',
      'fail',
      'userinfo_sub_missing',
      'the userinfo response has no sub, which it must always return',
      link,
    )
  }
  if (userinfoSub !== idTokenSub) {
    return check(
      'userinfo_sub',
      'fail',
      'userinfo_sub_mismatch',
      `userinfo sub ${show(userinfoSub)} differs from the ID token's ${show(idTokenSub)}: do not use this response`,
      link,
    )
  }
  return check(
    'userinfo_sub',
    'pass',
    'userinfo_sub_match',
    'userinfo sub equals the ID token sub',
    link,
  )
}
