import { describe, expect, test } from 'vitest'
import { parseDeepLink } from '@/lib/lab-config/deep-link'

const DEMO = 'http://localhost:8080/realms/demo'

describe('parseDeepLink', () => {
  test('no parameters gives the demo defaults and no message', () => {
    const { config, messages, fromLink } = parseDeepLink('', DEMO)
    expect(config.preset).toBe('demo')
    expect(config.issuer).toBe(DEMO)
    expect(config.clientId).toBe('oidc-lab')
    expect(messages).toEqual([])
    expect(fromLink).toBe(false)
  })

  test.each([
    ['?scope=openid%20email', ['openid', 'email']],
    ['?scope=profile+email', ['profile', 'email']],
    ['?scope=openid%20openid%20api:read', ['openid', 'api:read']],
  ])('scope %s selects exactly %j', (search, scopes) => {
    expect(parseDeepLink(search, DEMO).config.scopes).toEqual(scopes)
  })

  test('a foreign issuer switches to the custom preset', () => {
    const { config } = parseDeepLink('?issuer=https://accounts.example.com/&client_id=abc', DEMO)
    expect(config.preset).toBe('custom')
    expect(config.issuer).toBe('https://accounts.example.com')
    expect(config.clientId).toBe('abc')
  })

  test('a keycloak preset with a legacy issuer is split into base URL, realm and the /auth switch', () => {
    const { config } = parseDeepLink(
      '?preset=keycloak&issuer=https://kc.example.com/auth/realms/my%20realm',
      DEMO,
    )
    expect(config.preset).toBe('keycloak')
    expect(config.keycloak).toEqual({
      baseUrl: 'https://kc.example.com',
      realm: 'my realm',
      legacyAuthPath: true,
    })
  })

  test.each([
    ['?issuer=not-a-url', 'issuer', 'error', 'is not an absolute URL'],
    ['?issuer=ftp://x/realms/a', 'issuer', 'error', 'must be an http(s) URL'],
    ['?issuer=https://x/realms/a?x=1', 'issuer', 'error', 'query or fragment'],
    ['?preset=google', 'preset', 'error', 'Unknown preset `google`'],
    ['?client_secret=s3cret', 'client_secret', 'error', 'never carry secrets'],
    ['?access_token=abc', 'access_token', 'error', 'never carry secrets'],
    ['?colour=blue', 'colour', 'warning', 'Unknown parameter `colour`'],
    ['?client_id=%20', 'client_id', 'error', '`client_id` is empty'],
    ['?scope=openid%20%22email%22', 'scope', 'error', 'RFC 6749 §3.3'],
  ])('%s gives a %s message about %s', (search, param, level, text) => {
    const { messages } = parseDeepLink(search, DEMO)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ param, level })
    expect(messages[0]?.text).toContain(text)
  })

  test('a bad issuer leaves the demo realm in place', () => {
    expect(parseDeepLink('?issuer=nope', DEMO).config.issuer).toBe(DEMO)
  })
})

describe('grant deep link', () => {
  test.each(['authorization_code', 'client_credentials', 'device_code'] as const)(
    'grant=%s selects that grant',
    (grant) => {
      const link = parseDeepLink(`?grant=${grant}`, 'http://localhost:8080/realms/demo')
      expect(link.config.grant).toBe(grant)
      expect(link.fromLink).toBe(true)
      expect(link.messages).toEqual([])
    },
  )

  test('an unknown grant is named, and the code flow is kept', () => {
    const link = parseDeepLink('?grant=password', 'http://localhost:8080/realms/demo')
    expect(link.config.grant).toBe('authorization_code')
    expect(link.messages).toEqual([
      {
        level: 'error',
        param: 'grant',
        text: 'Unknown grant `password`. Known grants: authorization_code, client_credentials, device_code. The authorization code flow is used instead.',
      },
    ])
  })
})
