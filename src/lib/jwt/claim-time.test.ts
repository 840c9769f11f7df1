import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { formatClaimTime, formatDuration } from './claim-time'

const NOW = 1_795_412_400 // 2026-11-23T05:40:00Z

describe('formatClaimTime', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW * 1000)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const now = () => Math.floor(Date.now() / 1000)

  test.each([
    ['exp', NOW + 240, 'expires in 4 min'],
    ['exp', NOW - 180, 'expired 3 min ago'],
    ['exp', NOW, 'expires now'],
    ['exp', NOW + 30, 'expires in 30 s'],
    ['exp', NOW + 3 * 3600 + 600, 'expires in 3 h 10 min'],
    ['exp', NOW + 5 * 86400, 'expires in 5 days'],
    ['iat', NOW - 120, 'issued 2 min ago'],
    ['iat', NOW + 300, 'issued 5 min in the future (clock skew?)'],
    ['auth_time', NOW - 3600, 'authenticated 1 h ago'],
    ['nbf', NOW + 120, 'not valid for another 2 min'],
    ['nbf', NOW - 60, 'valid since 1 min ago'],
    ['updated_at', NOW - 400 * 86400, 'updated 1 year ago'],
    ['custom_time', NOW - 86400 * 3, '3 days ago'],
  ])('%s %i reads "%s"', (claim, value, relative) => {
    const result = formatClaimTime(value, now(), claim)
    expect(result).toMatchObject({ ok: true, value: { relative, flags: [] } })
  })

  test('gives the ISO date and the signed delta', () => {
    expect(formatClaimTime(NOW + 240, now(), 'exp')).toEqual({
      ok: true,
      value: {
        seconds: NOW + 240,
        iso: '2026-11-23T05:44:00.000Z',
        relative: 'expires in 4 min',
        deltaSeconds: 240,
        flags: [],
        warnings: [],
      },
    })
  })

  test.each([
    ['milliseconds', (NOW - 120) * 1000, NOW - 120, ['milliseconds'], 'issued 2 min ago'],
    ['a numeric string', String(NOW - 120), NOW - 120, ['string'], 'issued 2 min ago'],
    ['an ISO string', '2026-11-23T05:38:00Z', NOW - 120, ['iso_string'], 'issued 2 min ago'],
    ['a negative number', -86400, -86400, ['negative'], expect.stringMatching(/ago$/) as unknown],
  ])('tolerates %s and flags it', (_name, value, seconds, flags, relative) => {
    const result = formatClaimTime(value, now(), 'iat')
    expect(result).toMatchObject({ ok: true, value: { seconds, flags, relative } })
    if (result.ok) expect(result.value.warnings).toHaveLength(flags.length)
  })

  test.each([
    ['a word', 'soon', 'not_a_time', '"soon" is not a NumericDate (seconds since 1970)'],
    ['null', null, 'not_a_time', 'null is not a NumericDate (seconds since 1970)'],
    ['an object', { t: 1 }, 'not_a_time', '{"t":1} is not a NumericDate (seconds since 1970)'],
    ['NaN', Number.NaN, 'not_a_time', 'NaN is not a finite number'],
    ['a huge number', 1e30, 'out_of_range', '1e+30 is outside the range of dates'],
  ])('refuses %s', (_name, value, code, message) => {
    expect(formatClaimTime(value, now(), 'exp')).toEqual({ ok: false, error: { code, message } })
  })
})

describe('formatDuration', () => {
  test.each([
    [0, '0 s'],
    [59, '59 s'],
    [60, '1 min'],
    [-3599, '59 min'],
    [3600, '1 h'],
    [86400, '24 h'],
    [2 * 86400, '2 days'],
    [86400 * 400, '1 year'],
    [86400 * 365 * 3, '3 years'],
  ])('%i s is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })
})
