import { describe, expect, test } from 'vitest'
import { buildIntrospectionRequest, buildRefreshRequest, buildTokenRequest } from './token-request'

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
