import { describe, expect, test } from 'vitest'
import {
  buildAuthorizationUrl,
  shouldSendNonce,
  type AuthorizationUrlInput,
} from './authorization-url'

const base: AuthorizationUrlInput = {
  authorizationEndpoint: 'http://localhost:8080/realms/demo/protocol/openid-connect/auth',
  clientId: 'oidc-lab',
  redirectUri: 'http://localhost:5173/callback',
  scope: ['openid', 'profile', 'email'],
  state: 'st4te',
  nonce: 'n0nce',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  codeChallengeMethod: 'S256',
  responseType: 'code',
}

describe('buildAuthorizationUrl', () => {
  test('builds the Keycloak URL with every parameter explained', () => {
    const { url, params, warnings } = buildAuthorizationUrl(base)
    expect(url).toBe(
      'http://localhost:8080/realms/demo/protocol/openid-connect/auth?response_type=code&client_id=oidc-lab&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fcallback&scope=openid+profile+email&state=st4te&nonce=n0nce&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256',
    )
    expect(params.map((p) => p.name)).toEqual([
      'response_type',
      'client_id',
      'redirect_uri',
      'scope',
      'state',
      'nonce',
      'code_challenge',
      'code_challenge_method',
    ])
    expect(params.find((p) => p.name === 'nonce')).toEqual({
      name: 'nonce',
      value: 'n0nce',
      explanation:
        'Random value the provider copies into the ID token; the app checks it to refuse replayed ID tokens. Only meaningful with `openid`.',
      specLink: 'https://openid.net/specs/openid-connect-core-1_0.html#NonceNotes',
    })
    expect(params.every((p) => p.explanation && p.specLink.startsWith('https://'))).toBe(true)
    expect(warnings).toEqual([])
  })

  test.each([
    {
      name: 'empty optional params are omitted',
      input: {
        ...base,
        nonce: '',
        extra: { prompt: '', login_hint: ' ', max_age: '', acr_values: '', ui_locales: '' },
      },
      names: [
        'response_type',
        'client_id',
        'redirect_uri',
        'scope',
        'state',
        'code_challenge',
        'code_challenge_method',
      ],
    },
    {
      name: 'no PKCE, no nonce',
      input: { ...base, nonce: undefined, codeChallenge: undefined },
      names: ['response_type', 'client_id', 'redirect_uri', 'scope', 'state'],
    },
    {
      name: 'extras in a stable order after the core params',
      input: {
        ...base,
        extra: { prompt: 'login', max_age: 0, ui_locales: 'de en', kc_idp_hint: 'github' },
      },
      names: [
        'response_type',
        'client_id',
        'redirect_uri',
        'scope',
        'state',
        'nonce',
        'code_challenge',
        'code_challenge_method',
        'prompt',
        'max_age',
        'ui_locales',
        'kc_idp_hint',
      ],
    },
    {
      name: 'empty scope list omits scope',
      input: { ...base, scope: [], nonce: undefined },
      names: [
        'response_type',
        'client_id',
        'redirect_uri',
        'state',
        'code_challenge',
        'code_challenge_method',
      ],
    },
  ])('$name', ({ input, names }) => {
    expect(buildAuthorizationUrl(input).params.map((p) => p.name)).toEqual(names)
  })

  test('max_age 0 is sent (it means "log in again now")', () => {
    const { url } = buildAuthorizationUrl({ ...base, extra: { max_age: 0 } })
    expect(new URL(url).searchParams.get('max_age')).toBe('0')
  })

  test('scopes are trimmed and deduplicated', () => {
    const { url } = buildAuthorizationUrl({ ...base, scope: [' openid', 'email', 'openid', ''] })
    expect(new URL(url).searchParams.get('scope')).toBe('openid email')
  })

  test('keeps the query already on the endpoint byte for byte', () => {
    const { url, params } = buildAuthorizationUrl({
      ...base,
      authorizationEndpoint:
        'https://login.example.com/oauth2/v2.0/authorize?p=B2C_1_signin%20flow',
    })
    expect(
      url.startsWith(
        'https://login.example.com/oauth2/v2.0/authorize?p=B2C_1_signin%20flow&response_type=code&',
      ),
    ).toBe(true)
    expect(params[0]).toMatchObject({ name: 'p', value: 'B2C_1_signin flow', fromEndpoint: true })
  })

  test('a lab parameter replaces an endpoint parameter of the same name, with a warning', () => {
    const { url, warnings } = buildAuthorizationUrl({
      ...base,
      authorizationEndpoint: 'https://idp.example/authorize?client_id=old&tenant=t1',
    })
    const search = new URL(url).searchParams
    expect(search.getAll('client_id')).toEqual(['oidc-lab'])
    expect(search.get('tenant')).toBe('t1')
    expect(warnings).toEqual([
      {
        code: 'endpoint_param_replaced',
        message:
          'The authorization endpoint URL already had “client_id=old”; the lab’s value replaces it (parameters must not repeat).',
      },
    ])
  })

  test('additional unknown params are sent and explained as non-standard', () => {
    const { params } = buildAuthorizationUrl({ ...base, additionalParams: { foo: 'bar' } })
    expect(params.at(-1)).toEqual({
      name: 'foo',
      value: 'bar',
      explanation:
        'Not defined by OAuth 2.0 or OpenID Connect; sent as typed, and a provider that does not know it must ignore it.',
      specLink: 'https://www.rfc-editor.org/rfc/rfc6749#section-3.1',
    })
  })

  test.each([
    {
      input: { ...base, scope: ['profile', 'email'], nonce: undefined },
      codes: ['openid_missing'],
    },
    { input: { ...base, scope: ['profile'] }, codes: ['openid_missing', 'nonce_without_openid'] },
    { input: { ...base, codeChallenge: undefined }, codes: ['no_pkce'] },
    { input: { ...base, codeChallengeMethod: 'plain' as const }, codes: ['plain_pkce'] },
  ])('warnings $codes', ({ input, codes }) => {
    expect(buildAuthorizationUrl(input).warnings.map((w) => w.code)).toEqual(codes)
  })

  test('throws a TypeError for a relative endpoint', () => {
    expect(() => buildAuthorizationUrl({ ...base, authorizationEndpoint: '/auth' })).toThrow(
      TypeError,
    )
  })
})

describe('shouldSendNonce', () => {
  test.each([
    { scopes: ['openid', 'email'], mode: undefined, send: true },
    { scopes: ['profile', 'email'], mode: undefined, send: false },
    { scopes: ['profile'], mode: 'always' as const, send: true },
    { scopes: ['openid'], mode: 'never' as const, send: false },
    { scopes: [], mode: 'auto' as const, send: false },
  ])('$scopes ($mode) → $send', ({ scopes, mode, send }) => {
    expect(shouldSendNonce(scopes, mode)).toBe(send)
  })
})
