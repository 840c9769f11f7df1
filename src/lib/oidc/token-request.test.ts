import { describe, expect, test } from 'vitest'
import {
  basicAuthorization,
  buildIntrospectionRequest,
  buildRefreshRequest,
  buildTokenRequest,
  MASK,
  maskSpec,
  toFormBody,
} from './token-request'

const common = {
  tokenEndpoint: 'http://localhost:8080/realms/demo/protocol/openid-connect/token',
  code: 'c0de',
  redirectUri: 'http://localhost:5173/callback',
  clientId: 'oidc-lab',
}

describe('buildTokenRequest', () => {
  test.each([
    {
      method: 'none' as const,
      form: [
        ['grant_type', 'authorization_code'],
        ['code', 'c0de'],
        ['redirect_uri', 'http://localhost:5173/callback'],
        ['client_id', 'oidc-lab'],
        ['code_verifier', 'v3rifier'],
      ],
      authorization: undefined,
      secretFields: [],
    },
    {
      method: 'client_secret_post' as const,
      form: [
        ['grant_type', 'authorization_code'],
        ['code', 'c0de'],
        ['redirect_uri', 'http://localhost:5173/callback'],
        ['client_id', 'oidc-lab'],
        ['client_secret', 's3cret'],
        ['code_verifier', 'v3rifier'],
      ],
      authorization: undefined,
      secretFields: ['client_secret'],
    },
    {
      method: 'client_secret_basic' as const,
      form: [
        ['grant_type', 'authorization_code'],
        ['code', 'c0de'],
        ['redirect_uri', 'http://localhost:5173/callback'],
        ['code_verifier', 'v3rifier'],
      ],
      authorization: 'Basic b2lkYy1sYWI6czNjcmV0',
      secretFields: ['Authorization'],
    },
  ])('$method', ({ method, form, authorization, secretFields }) => {
    const spec = buildTokenRequest({
      ...common,
      codeVerifier: 'v3rifier',
      auth: { method, clientSecret: 's3cret' },
    })
    expect(spec.method).toBe('POST')
    expect(spec.url).toBe(common.tokenEndpoint)
    expect(spec.form).toEqual(form)
    expect(spec.headers.Authorization).toBe(authorization)
    expect(spec.headers['Content-Type']).toBe('application/x-www-form-urlencoded')
    expect(spec.secretFields).toEqual(secretFields)
  })

  test('extras are appended after the standard fields and never override them', () => {
    const spec = buildTokenRequest({
      ...common,
      auth: { method: 'none' },
      extra: { scope: 'openid', resource: '', code: 'evil', audience: undefined },
    })
    expect(spec.form?.map(([n]) => n)).toEqual([
      'grant_type',
      'code',
      'redirect_uri',
      'client_id',
      'scope',
    ])
  })
})

describe('basicAuthorization', () => {
  test.each([
    { id: 'webapp', secret: 'webapp-secret', header: 'Basic d2ViYXBwOndlYmFwcC1zZWNyZXQ=' },
    // form-urlencoded before base64: "a:b c" → "a%3Ab+c"
    { id: 'my client', secret: 'a:b c', header: `Basic ${btoa('my+client:a%3Ab+c')}` },
    { id: 'x', secret: 'pässwörd/+=', header: `Basic ${btoa('x:p%C3%A4ssw%C3%B6rd%2F%2B%3D')}` },
  ])('$id / $secret', ({ id, secret, header }) => {
    expect(basicAuthorization(id, secret)).toBe(header)
  })
})

describe('buildRefreshRequest', () => {
  test('refresh with narrower scope, secret post', () => {
    const spec = buildRefreshRequest({
      tokenEndpoint: common.tokenEndpoint,
      refreshToken: 'rt',
      clientId: 'webapp',
      scope: 'openid',
      auth: { method: 'client_secret_post', clientSecret: 's' },
    })
    expect(spec.form).toEqual([
      ['grant_type', 'refresh_token'],
      ['refresh_token', 'rt'],
      ['scope', 'openid'],
      ['client_id', 'webapp'],
      ['client_secret', 's'],
    ])
    expect(spec.secretFields).toEqual(['client_secret', 'refresh_token'])
  })
})

describe('maskSpec', () => {
  test('masks the Basic header but keeps the scheme, and leaves the original untouched', () => {
    const spec = buildTokenRequest({
      ...common,
      auth: { method: 'client_secret_basic', clientSecret: 's3cret' },
    })
    const masked = maskSpec(spec)
    expect(masked.headers.Authorization).toBe(`Basic ${MASK}`)
    expect(masked.headers.Accept).toBe('application/json')
    expect(spec.headers.Authorization).toBe('Basic b2lkYy1sYWI6czNjcmV0')
  })

  test('masks the form secret fully', () => {
    const spec = buildTokenRequest({
      ...common,
      auth: { method: 'client_secret_post', clientSecret: 's3cret' },
    })
    expect(maskSpec(spec).form).toContainEqual(['client_secret', '••••••••'])
    expect(maskSpec(spec).form).toContainEqual(['code', 'c0de'])
  })

  test('secretFields match header names case-insensitively', () => {
    const masked = maskSpec({
      method: 'GET',
      url: 'https://x',
      headers: { authorization: 'Bearer abc', 'X-Api-Key': 'k' },
      secretFields: ['Authorization', 'x-api-key'],
    })
    expect(masked.headers).toEqual({ authorization: `Bearer ${MASK}`, 'X-Api-Key': MASK })
  })
})

describe('toFormBody', () => {
  test('encodes like fetch does, keeping order', () => {
    expect(
      toFormBody([
        ['grant_type', 'authorization_code'],
        ['redirect_uri', 'http://localhost:5173/callback'],
        ['scope', 'openid email'],
        ['x', 'a&b=c*~'],
      ]),
    ).toBe(
      'grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fcallback&scope=openid+email&x=a%26b%3Dc*%7E',
    )
  })
})

describe('buildIntrospectionRequest', () => {
  test.each([
    [
      { method: 'client_secret_basic' as const, clientSecret: 's3cret' },
      [
        ['token', 'tok'],
        ['token_type_hint', 'refresh_token'],
      ],
      ['Authorization', 'token'],
    ],
    [
      { method: 'client_secret_post' as const, clientSecret: 's3cret' },
      [
        ['token', 'tok'],
        ['token_type_hint', 'refresh_token'],
        ['client_id', 'app'],
        ['client_secret', 's3cret'],
      ],
      ['client_secret', 'token'],
    ],
    [
      { method: 'none' as const },
      [
        ['token', 'tok'],
        ['token_type_hint', 'refresh_token'],
        ['client_id', 'app'],
      ],
      ['token'],
    ],
  ])('%j: form and secret fields', (auth, form, secretFields) => {
    const spec = buildIntrospectionRequest({
      introspectionEndpoint: 'https://idp/introspect',
      token: 'tok',
      tokenTypeHint: 'refresh_token',
      clientId: 'app',
      auth,
    })
    expect(spec.method).toBe('POST')
    expect(spec.url).toBe('https://idp/introspect')
    expect(spec.form).toEqual(form)
    expect(spec.secretFields).toEqual(secretFields)
    expect(spec.headers.Authorization ?? null).toBe(
      auth.method === 'client_secret_basic' ? `Basic ${btoa('app:s3cret')}` : null,
    )
  })
})
