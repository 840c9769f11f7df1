import type { Result } from '@/lib/result'

/** How a time value deviated from a JSON-number NumericDate in seconds (but was still read). */
export type ClaimTimeFlag = 'milliseconds' | 'string' | 'iso_string' | 'negative'

/** A readable time claim: absolute ISO date and wording relative to `now`. */
export interface ClaimTime {
  /** The value in seconds since the epoch, after correcting milliseconds or strings. */
  seconds: number
  iso: string
  /** E.g. `expires in 4 min`, `expired 3 min ago`, `issued 2 min ago`. */
  relative: string
  /** `seconds - now`: positive in the future. */
  deltaSeconds: number
  flags: ClaimTimeFlag[]
  /** One sentence per flag, e.g. why a millisecond value is wrong. */
  warnings: string[]
}

/** Why a value could not be read as a time. */
export interface ClaimTimeError {
  code: 'not_a_time' | 'out_of_range'
  message: string
}

/** Above this, a NumericDate is almost certainly milliseconds (1e11 s is the year 5138). */
const MILLISECONDS_THRESHOLD = 1e11
/** `Date` covers ±8.64e15 ms. */
const MAX_SECONDS = 8.64e12

const UNITS: readonly [limit: number, size: number, unit: string][] = [
  [60, 1, 's'],
  [3600, 60, 'min'],
  [86400 * 2, 3600, 'h'],
  [86400 * 365, 86400, 'day'],
  [Infinity, 86400 * 365, 'year'],
]

/**
 * Formats a duration in whole units, e.g. `45 s`, `4 min`, `3 h 10 min`, `12 days`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-2
 */
export function formatDuration(seconds: number): string {
  const abs = Math.abs(seconds)
  for (const [limit, size, unit] of UNITS) {
    if (abs >= limit) continue
    const count = Math.floor(abs / size)
    if (unit === 'h') {
      const minutes = Math.floor((abs % 3600) / 60)
      return minutes > 0 ? `${count} h ${minutes} min` : `${count} h`
    }
    if (unit === 'day' || unit === 'year') return `${count} ${unit}${count === 1 ? '' : 's'}`
    return `${count} ${unit}`
  }
  return `${Math.floor(abs)} s`
}

type Wording = { future: (d: string) => string; past: (d: string) => string; now: string }

const WORDING: Record<string, Wording> = {
  exp: { future: (d) => `expires in ${d}`, past: (d) => `expired ${d} ago`, now: 'expires now' },
  nbf: {
    future: (d) => `not valid for another ${d}`,
    past: (d) => `valid since ${d} ago`,
    now: 'valid from now',
  },
  iat: {
    future: (d) => `issued ${d} in the future (clock skew?)`,
    past: (d) => `issued ${d} ago`,
    now: 'issued just now',
  },
  auth_time: {
    future: (d) => `authenticated ${d} in the future (clock skew?)`,
    past: (d) => `authenticated ${d} ago`,
    now: 'authenticated just now',
  },
  updated_at: {
    future: (d) => `updated ${d} in the future (clock skew?)`,
    past: (d) => `updated ${d} ago`,
    now: 'updated just now',
  },
}
const DEFAULT_WORDING: Wording = { future: (d) => `in ${d}`, past: (d) => `${d} ago`, now: 'now' }

function toSeconds(
  value: unknown,
): Result<{ seconds: number; flags: ClaimTimeFlag[] }, ClaimTimeError> {
  const flags: ClaimTimeFlag[] = []
  let seconds: number
  if (typeof value === 'number') {
    seconds = value
  } else if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    seconds = Number(value)
    flags.push('string')
  } else if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    seconds = Date.parse(value) / 1000
    flags.push('iso_string')
  } else {
    const shown =
      typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value))
    return {
      ok: false,
      error: { code: 'not_a_time', message: `${shown} is not a NumericDate (seconds since 1970)` },
    }
  }
  if (!Number.isFinite(seconds)) {
    return { ok: false, error: { code: 'not_a_time', message: `${value} is not a finite number` } }
  }
  if (Math.abs(seconds) >= MILLISECONDS_THRESHOLD) {
    seconds /= 1000
    flags.push('milliseconds')
  }
  if (Math.abs(seconds) > MAX_SECONDS) {
    return {
      ok: false,
      error: { code: 'out_of_range', message: `${value} is outside the range of dates` },
    }
  }
  if (seconds < 0) flags.push('negative')
  return { ok: true, value: { seconds, flags } }
}

const FLAG_WARNINGS: Record<ClaimTimeFlag, string> = {
  milliseconds:
    'looks like milliseconds: a NumericDate counts seconds, so strict libraries read a date thousands of years away',
  string: 'a string: a NumericDate must be a JSON number, strict libraries reject it',
  iso_string: 'a date string: a NumericDate must be a JSON number of seconds',
  negative: 'before 1970: almost certainly a bug in the issuer',
}

/**
 * Reads a time claim (`exp`, `iat`, `nbf`, `auth_time`, `updated_at`…) as seconds since the epoch
 * and words it relative to `now` (seconds) for that claim. Milliseconds, numeric or ISO strings and
 * negative values are read but flagged. This does not decide whether the token is valid: the checks
 * do, with a clock tolerance.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-2
 */
export function formatClaimTime(
  value: unknown,
  now: number,
  claim = 'iat',
): Result<ClaimTime, ClaimTimeError> {
  const read = toSeconds(value)
  if (!read.ok) return read
  const { seconds, flags } = read.value
  const deltaSeconds = seconds - now
  const wording = WORDING[claim] ?? DEFAULT_WORDING
  const duration = formatDuration(deltaSeconds)
  const relative =
    Math.abs(deltaSeconds) < 1
      ? wording.now
      : deltaSeconds > 0
        ? wording.future(duration)
        : wording.past(duration)
  return {
    ok: true,
    value: {
      seconds,
      iso: new Date(seconds * 1000).toISOString(),
      relative,
      deltaSeconds,
      flags,
      warnings: flags.map((flag) => FLAG_WARNINGS[flag]),
    },
  }
}
