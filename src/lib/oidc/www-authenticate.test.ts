import { describe, expect, test } from 'vitest'
import { bearerChallengeOf, findChallenge, parseWwwAuthenticate } from './www-authenticate'

describe('parseWwwAuthenticate', () => {
  test.each([
    {
      name: 'Keycloak userinfo without openid',
      header:
        'Bearer realm="demo", error="insufficient_scope", error_description="Missing openid scope"',
      expected: [
        {
          scheme: 'Bearer',
          params: {
            realm: 'demo',
            error: 'insufficient_scope',
            error_description: 'Missing openid scope',
          },
        },
      ],
    },
    {
      name: 'oidc-provider userinfo without openid (scope param)',
      header:
        'Bearer realm="http://127.0.0.1:18080/realms/demo", error="insufficient_scope", error_description="access token missing openid scope", scope="openid"',
      expected: [
        {
          scheme: 'Bearer',
          params: {
            realm: 'http://127.0.0.1:18080/realms/demo',
            error: 'insufficient_scope',
            error_description: 'access token missing openid scope',
            scope: 'openid',
          },
        },
      ],
    },
    {
      name: 'oidc-provider wrong client secret (Basic)',
      header:
        'Basic realm="http://127.0.0.1:18080/realms/demo", error="invalid_client", error_description="client authentication failed"',
      expected: [
        {
          scheme: 'Basic',
          params: {
            realm: 'http://127.0.0.1:18080/realms/demo',
            error: 'invalid_client',
            error_description: 'client authentication failed',
          },
        },
      ],
    },
    {
      name: 'RFC 6750 §3 no token',
      header: 'Bearer realm="example"',
      expected: [{ scheme: 'Bearer', params: { realm: 'example' } }],
    },
    {
      name: 'RFC 6750 §3 expired token',
      header:
        'Bearer realm="example",\n                       error="invalid_token",\n                       error_description="The access token expired"',
      expected: [
        {
          scheme: 'Bearer',
          params: {
            realm: 'example',
            error: 'invalid_token',
            error_description: 'The access token expired',
          },
        },
      ],
    },
    {
      name: 'Google-style trailing-slash realm',
      header: 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
      expected: [
        {
          scheme: 'Bearer',
          params: { realm: 'https://accounts.google.com/', error: 'invalid_token' },
        },
      ],
    },
    {
      name: 'Entra-style extra params',
      header:
        'Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token", error_description="The token is expired"',
      expected: [
        {
          scheme: 'Bearer',
          params: {
            authorization_uri: 'https://login.microsoftonline.com/common/oauth2/authorize',
            error: 'invalid_token',
            error_description: 'The token is expired',
          },
        },
      ],
    },
    {
      name: 'two challenges (DPoP + Bearer) in one header',
      header:
        'DPoP algs="ES256 PS256", error="invalid_token", error_description="Invalid DPoP key binding", Bearer realm="api"',
      expected: [
        {
          scheme: 'DPoP',
          params: {
            algs: 'ES256 PS256',
            error: 'invalid_token',
            error_description: 'Invalid DPoP key binding',
          },
        },
        { scheme: 'Bearer', params: { realm: 'api' } },
      ],
    },
    {
      name: 'RFC 7235 §4.1 example with escapes and unquoted value',
      header: 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
      expected: [
        { scheme: 'Newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
        { scheme: 'Basic', params: { realm: 'simple' } },
      ],
    },
    {
      name: 'token68',
      header: 'Negotiate YIIBzgYGKwYBBQUCoIIBwjCCAb6gMDAu==',
      expected: [
        { scheme: 'Negotiate', params: {}, token68: 'YIIBzgYGKwYBBQUCoIIBwjCCAb6gMDAu==' },
      ],
    },
    {
      name: 'scheme only, then another challenge',
      header: 'Basic, Bearer realm="x"',
      expected: [
        { scheme: 'Basic', params: {} },
        { scheme: 'Bearer', params: { realm: 'x' } },
      ],
    },
    {
      name: 'case-insensitive param names, spaces around "="',
      header: 'bearer Realm = "demo" , ERROR="invalid_token"',
      expected: [{ scheme: 'bearer', params: { realm: 'demo', error: 'invalid_token' } }],
    },
    {
      name: 'repeated parameter keeps the first value',
      header: 'Bearer error="invalid_token", error="insufficient_scope"',
      expected: [{ scheme: 'Bearer', params: { error: 'invalid_token' } }],
    },
  ])('$name', ({ header, expected }) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected)
  })

  test.each([
    { name: 'undefined', header: undefined, expected: [] },
    { name: 'empty', header: '', expected: [] },
    { name: 'only commas', header: ' , ,, ', expected: [] },
    {
      name: 'unterminated quote runs to the end',
      header: 'Bearer error="invalid_token, error_description="x',
      expected: [{ scheme: 'Bearer', params: { error: 'invalid_token, error_description=' } }],
    },
    {
      name: 'unquoted description with spaces',
      header: 'Bearer error=insufficient_scope, error_description=Missing openid scope',
      expected: [
        {
          scheme: 'Bearer',
          params: { error: 'insufficient_scope', error_description: 'Missing openid scope' },
        },
      ],
    },
    {
      name: 'parameters without a scheme',
      header: 'error="invalid_token"',
      expected: [{ scheme: '', params: { error: 'invalid_token' } }],
    },
    { name: 'leading junk', header: '"" ==; Bearer', expected: [{ scheme: 'Bearer', params: {} }] },
    {
      name: 'junk glued to the scheme',
      header: 'Bearer"realm", Basic',
      expected: [
        { scheme: 'Bearer', params: {} },
        { scheme: 'Basic', params: {} },
      ],
    },
    { name: 'lone quote', header: '"', expected: [] },
    {
      name: 'trailing backslash inside quotes',
      header: 'Bearer realm="a\\',
      expected: [{ scheme: 'Bearer', params: { realm: 'a\\' } }],
    },
  ])('tolerates malformed input: $name', ({ header, expected }) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected)
  })
})

describe('findChallenge / bearerChallengeOf', () => {
  const challenges = parseWwwAuthenticate(
    'Basic realm="x", bearer realm="api", DPoP algs="ES256", error="invalid_token"',
  )

  test('finds a scheme case-insensitively', () => {
    expect(findChallenge(challenges, 'BEARER')?.params.realm).toBe('api')
    expect(findChallenge(challenges, 'Negotiate')).toBeUndefined()
  })

  test('prefers the token challenge that carries an error', () => {
    expect(bearerChallengeOf(challenges)?.scheme).toBe('DPoP')
    expect(bearerChallengeOf(parseWwwAuthenticate('Bearer realm="a"'))?.params).toEqual({
      realm: 'a',
    })
    expect(bearerChallengeOf(parseWwwAuthenticate('Basic realm="a"'))).toBeUndefined()
  })
})

test('a parameter named __proto__ is kept as a parameter (found by the property test)', () => {
  const [challenge] = parseWwwAuthenticate('Bearer __proto__="x", error="invalid_token"')
  expect(Object.hasOwn(challenge?.params ?? {}, '__proto__')).toBe(true)
  expect(Object.keys(challenge?.params ?? {})).toEqual(['__proto__', 'error'])
  expect(challenge?.params.error).toBe('invalid_token')
})
