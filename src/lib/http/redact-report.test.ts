import { describe, expect, test } from 'vitest'
import { MASK } from '@/lib/wire/mask'
import { redactUrl, scrubValues } from './redact'

describe('redactUrl', () => {
  const callback = 'http://localhost:4173/callback?code=abc123&state=s1&iss=x'

  test('masks the code of a callback only when tokens are hidden', () => {
    const hidden = new URL(redactUrl(callback, { tokens: true }))
    expect(hidden.searchParams.get('code')).toBe(MASK)
    expect(hidden.searchParams.get('state')).toBe('s1')
    expect(redactUrl(callback, { tokens: false })).toBe(callback)
  })

  test('masks client secrets always, fragment responses and id_token_hint with tokens', () => {
    expect(redactUrl('https://idp/x?client_secret=s3cr3t', { tokens: false })).not.toContain(
      's3cr3t',
    )
    const fragment = redactUrl('http://app/cb#code=abc123&state=s', { tokens: true })
    expect(fragment).not.toContain('abc123')
    expect(fragment).toContain('state=s')
    expect(redactUrl('https://idp/logout?id_token_hint=eyJ.a.b', { tokens: true })).not.toContain(
      'eyJ.a.b',
    )
  })
})

describe('scrubValues', () => {
  test('replaces a secret in plain, URL-encoded and form-encoded form', () => {
    const secret = 'pa ss/word+1'
    const text = `a ${secret} b ${encodeURIComponent(secret)} c pa+ss%2Fword%2B1`
    const scrubbed = scrubValues(text, [secret])
    expect(scrubbed).not.toContain('pa ss')
    expect(scrubbed).not.toContain('pa%20ss')
    expect(scrubbed).not.toContain('pa+ss')
    expect(scrubbed.split(MASK)).toHaveLength(4)
  })

  test('ignores empty and very short values', () => {
    expect(scrubValues('an abc', ['', undefined, 'a'])).toBe('an abc')
  })
})
