/**
 * The time claim checks (`exp`, `iat`, `nbf`, `auth_time`) shared by the ID token and access token
 * checks: each reads a NumericDate strictly (a string or milliseconds fails) and applies a clock
 * tolerance. None of them verifies the signature that protects the claim.
 */

import { formatClaimTime, formatDuration } from './claim-time'
import {
  type Check,
  type CheckCode,
  type CheckId,
  ID_TOKEN_VALIDATION,
  makeCheck as check,
  showValue as show,
} from './checks'

/** Reads a time claim; returns a failing check when it is missing or not a plain NumericDate. */
function readTime(
  id: CheckId,
  name: string,
  value: unknown,
  now: number,
  missing: CheckCode,
  invalid: CheckCode,
  specLink = ID_TOKEN_VALIDATION,
): { seconds: number; relative: string; iso: string } | Check {
  if (value === undefined) return check(id, 'fail', missing, `no ${name} claim`, specLink)
  const time = formatClaimTime(value, now, name)
  if (!time.ok) return check(id, 'fail', invalid, `${name}: ${time.error.message}`, specLink)
  if (typeof value !== 'number' || time.value.flags.includes('milliseconds')) {
    const why = time.value.warnings[0] ?? 'not a NumericDate'
    return check(id, 'fail', invalid, `${name} ${show(value)}: ${why}`, specLink)
  }
  return time.value
}

const isCheck = (value: object): value is Check => 'status' in value

/**
 * Checks `exp` with a clock tolerance: expired beyond it fails, within it warns. This only reads
 * the claim; it does not verify the signature that protects it.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export function checkExp(exp: unknown, now: number, tolerance = 60): Check {
  const time = readTime('exp', 'exp', exp, now, 'exp_missing', 'exp_invalid')
  if (isCheck(time)) return time
  const at = ` (${time.iso})`
  if (now >= time.seconds + tolerance) return check('exp', 'fail', 'expired', time.relative + at)
  if (now >= time.seconds) {
    return check(
      'exp',
      'warn',
      'expired_within_tolerance',
      `${time.relative}${at}, accepted within the ${tolerance} s clock tolerance`,
    )
  }
  return check('exp', 'pass', 'not_expired', time.relative + at)
}

/**
 * Checks `iat` is present, a NumericDate and not in the future beyond the clock tolerance (clock
 * skew). It does not reject old tokens: that is `exp`'s job.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export function checkIat(iat: unknown, now: number, tolerance: number): Check {
  const time = readTime('iat', 'iat', iat, now, 'iat_missing', 'iat_invalid')
  if (isCheck(time)) return time
  if (time.seconds > now + tolerance) {
    return check(
      'iat',
      'fail',
      'iat_future',
      `${time.relative}: the provider's clock and this computer's differ by more than ${tolerance} s`,
    )
  }
  return check('iat', 'pass', 'iat_ok', time.relative)
}

/**
 * Checks the optional `nbf`: skipped when absent, fails when it is in the future beyond the clock
 * tolerance.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1.5
 */
export function checkNbf(nbf: unknown, now: number, tolerance: number): Check {
  if (nbf === undefined) return check('nbf', 'skip', 'nbf_absent', 'no nbf claim (optional)')
  const time = readTime('nbf', 'nbf', nbf, now, 'nbf_absent', 'nbf_invalid')
  if (isCheck(time)) return time
  if (time.seconds > now + tolerance) {
    return check('nbf', 'fail', 'not_yet_valid', `${time.relative} (${time.iso})`)
  }
  return check('nbf', 'pass', 'nbf_ok', time.relative)
}

/**
 * Checks `auth_time` against the `max_age` the request sent: skipped when none was sent (the time
 * is still shown), required and compared with the clock tolerance when one was. It does not ask the
 * provider whether the user really logged in then.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export function checkAuthTime(
  authTime: unknown,
  maxAge: number | undefined,
  now: number,
  tolerance: number,
): Check {
  if (maxAge === undefined) {
    const time = authTime === undefined ? undefined : formatClaimTime(authTime, now, 'auth_time')
    const when = time?.ok ? `${time.value.relative}; ` : ''
    return check(
      'auth_time',
      'skip',
      'max_age_not_requested',
      `${when}no max_age was requested, so auth_time is not checked`,
    )
  }
  const time = readTime(
    'auth_time',
    'auth_time',
    authTime,
    now,
    'auth_time_missing',
    'auth_time_invalid',
  )
  if (isCheck(time)) {
    return time.code === 'auth_time_missing'
      ? { ...time, message: 'max_age was requested, so auth_time is required but missing' }
      : time
  }
  if (now - time.seconds > maxAge + tolerance) {
    return check(
      'auth_time',
      'fail',
      'auth_time_too_old',
      `${time.relative}, more than max_age ${formatDuration(maxAge)}: the provider should have asked the user to log in again`,
    )
  }
  return check('auth_time', 'pass', 'auth_time_ok', `${time.relative}, within max_age`)
}
