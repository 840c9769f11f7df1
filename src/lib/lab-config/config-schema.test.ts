import { describe, expect, test } from 'vitest'
import { defaultConfig } from '@/lib/lab-config/lab-config'
import { parseStoredConfig } from '@/lib/lab-config/config-schema'

const full = defaultConfig('http://localhost:8080/realms/demo')

describe('parseStoredConfig', () => {
  test('a whole, valid config is kept as it is', () => {
    expect(parseStoredConfig(full)).toEqual({ ok: true, config: full, dropped: [] })
  })

  test.each([
    [{ clientId: null }, 'clientId'],
    [{ scopes: 'openid' }, 'scopes'],
    [{ extras: null }, 'extras'],
    [{ issuer: 123, preset: 'custom' }, 'issuer'],
    [{ clientType: 'weird' }, 'clientType'],
  ])('%j: the bad field is dropped and named, the rest kept', (patch, field) => {
    const parsed = parseStoredConfig({ ...full, ...patch })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.dropped).toEqual([field])
    expect(parsed.config).not.toHaveProperty(field)
    expect(Object.keys(parsed.config)).toHaveLength(Object.keys(full).length - 1)
  })

  test('unknown fields are ignored, not an error', () => {
    const parsed = parseStoredConfig({ clientId: 'x', somethingElse: 1 })
    expect(parsed).toEqual({ ok: true, config: { clientId: 'x' }, dropped: [] })
  })

  test.each([null, 'text', 42, ['a']])('%j is not a config', (value) => {
    expect(parseStoredConfig(value)).toEqual({ ok: false, reason: 'not an object' })
  })
})
