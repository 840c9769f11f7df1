import { describe, expect, test } from 'vitest'
import { clientAuthFor, usesPkce } from '@/lib/lab-config/authorization'
import { defaultConfig } from '@/lib/lab-config/lab-config'

const base = defaultConfig('http://localhost:8080/realms/demo')

describe('client authentication and PKCE of a setup', () => {
  test('a public client sends only its client_id, whatever secret is typed, and always uses PKCE', () => {
    const config = { ...base, clientType: 'public' as const, clientSecret: 'typed', usePkce: false }
    expect(clientAuthFor(config)).toEqual({ method: 'none' })
    expect(usesPkce(config)).toBe(true)
  })

  test.each(['client_secret_basic', 'client_secret_post'] as const)(
    'a confidential client authenticates with %s and uses PKCE only when asked',
    (authMethod) => {
      const config = {
        ...base,
        clientType: 'confidential' as const,
        authMethod,
        clientSecret: 's',
        usePkce: false,
      }
      expect(clientAuthFor(config)).toEqual({ method: authMethod, clientSecret: 's' })
      expect(usesPkce(config)).toBe(false)
      expect(usesPkce({ ...config, usePkce: true })).toBe(true)
    },
  )
})
