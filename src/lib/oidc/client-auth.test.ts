import { describe, expect, test } from 'vitest'
import { applyClientAuth, buildClientAuthenticatedPost } from './client-auth'
import type { ClientAuth } from './client-auth'
import { buildIntrospectionRequest, buildRefreshRequest } from './token-request'

const AUTHS: ClientAuth[] = [
  { method: 'none' },
  { method: 'client_secret_post', clientSecret: 's3cret' },
  { method: 'client_secret_basic', clientSecret: 's3cret' },
]

describe('applyClientAuth', () => {
  test.each([
    { method: 'none' as const, form: [['client_id', 'app']], headers: {}, secret: [] },
    {
      method: 'client_secret_post' as const,
      form: [
        ['client_id', 'app'],
        ['client_secret', 's3cret'],
      ],
      headers: {},
      secret: ['client_secret'],
    },
    {
      method: 'client_secret_basic' as const,
      form: [],
      headers: { Authorization: 'Basic YXBwOnMzY3JldA==' },
      secret: ['Authorization'],
    },
  ])('$method', ({ method, form, headers, secret }) => {
    const f: [string, string][] = []
    const h: Record<string, string> = {}
    expect(applyClientAuth(f, h, 'app', { method, clientSecret: 's3cret' })).toEqual(secret)
    expect(f).toEqual(form)
    expect(h).toEqual(headers)
  })

  test('a missing secret is sent empty', () => {
    const f: [string, string][] = []
    applyClientAuth(f, {}, 'app', { method: 'client_secret_post' })
    expect(f).toEqual([
      ['client_id', 'app'],
      ['client_secret', ''],
    ])
  })
})

describe('buildClientAuthenticatedPost', () => {
  test.each(AUTHS)('matches buildRefreshRequest for $method', (auth) => {
    const mine = buildClientAuthenticatedPost({
      url: 'https://idp/token',
      clientId: 'app',
      auth,
      form: [
        ['grant_type', 'refresh_token'],
        ['refresh_token', 'rt'],
      ],
      extra: { resource: 'https://api' },
      secretFields: ['refresh_token'],
    })
    const theirs = buildRefreshRequest({
      tokenEndpoint: 'https://idp/token',
      refreshToken: 'rt',
      clientId: 'app',
      auth,
      extra: { resource: 'https://api' },
    })
    expect(mine).toEqual(theirs)
  })

  test.each(AUTHS)('matches buildIntrospectionRequest for $method', (auth) => {
    expect(
      buildClientAuthenticatedPost({
        url: 'https://idp/introspect',
        clientId: 'app',
        auth,
        form: [['token', 't']],
        secretFields: ['token'],
      }),
    ).toEqual(
      buildIntrospectionRequest({
        introspectionEndpoint: 'https://idp/introspect',
        token: 't',
        clientId: 'app',
        auth,
      }),
    )
  })

  test('extras skip empty values and names already sent, and the input form is not changed', () => {
    const form: [string, string][] = [['grant_type', 'client_credentials']]
    const spec = buildClientAuthenticatedPost({
      url: 'https://idp/token',
      clientId: 'app',
      auth: { method: 'none' },
      form,
      extra: { client_id: 'other', audience: '', resource: undefined, foo: 'bar' },
    })
    expect(spec.form).toEqual([
      ['grant_type', 'client_credentials'],
      ['client_id', 'app'],
      ['foo', 'bar'],
    ])
    expect(form).toEqual([['grant_type', 'client_credentials']])
    expect(spec.secretFields).toEqual([])
  })
})
