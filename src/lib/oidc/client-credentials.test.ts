import { describe, expect, test } from 'vitest'
import { buildClientCredentialsRequest, isServiceAccountToken } from './client-credentials'
import { buildTokenRequest } from './token-request'

const TOKEN = 'http://localhost:8080/realms/demo/protocol/openid-connect/token'

describe('buildClientCredentialsRequest', () => {
  test.each([
    {
      auth: { method: 'client_secret_basic' as const, clientSecret: 's3cret' },
      form: [
        ['grant_type', 'client_credentials'],
        ['scope', 'api:read'],
      ],
      authorization: 'Basic b2lkYy1sYWItY29uZmlkZW50aWFsOnMzY3JldA==',
      secretFields: ['Authorization'],
    },
    {
      auth: { method: 'client_secret_post' as const, clientSecret: 's3cret' },
      form: [
        ['grant_type', 'client_credentials'],
        ['scope', 'api:read'],
        ['client_id', 'oidc-lab-confidential'],
        ['client_secret', 's3cret'],
      ],
      authorization: undefined,
      secretFields: ['client_secret'],
    },
    {
      auth: { method: 'none' as const },
      form: [
        ['grant_type', 'client_credentials'],
        ['scope', 'api:read'],
        ['client_id', 'oidc-lab-confidential'],
      ],
      authorization: undefined,
      secretFields: [],
    },
  ])('$auth.method', ({ auth, form, authorization, secretFields }) => {
    const spec = buildClientCredentialsRequest({
      tokenEndpoint: TOKEN,
      clientId: 'oidc-lab-confidential',
      auth,
      scope: 'api:read',
    })
    expect(spec).toEqual({
      method: 'POST',
      url: TOKEN,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        ...(authorization ? { Authorization: authorization } : {}),
      },
      form,
      secretFields,
    })
  })

  test.each([
    { auth: { method: 'client_secret_basic' as const, clientSecret: 'a:b c' } },
    { auth: { method: 'client_secret_post' as const, clientSecret: 'a:b c' } },
    { auth: { method: 'none' as const } },
  ])('client authentication is the one buildTokenRequest sends ($auth.method)', ({ auth }) => {
    const mine = buildClientCredentialsRequest({ tokenEndpoint: TOKEN, clientId: 'c:1', auth })
    const code = buildTokenRequest({
      tokenEndpoint: TOKEN,
      code: 'x',
      redirectUri: 'https://app/cb',
      clientId: 'c:1',
      auth,
    })
    expect(mine.headers).toEqual(code.headers)
    expect(mine.secretFields).toEqual(code.secretFields)
    expect(mine.form?.slice(1)).toEqual(code.form?.slice(3))
  })

  test.each([undefined, '', '   '])('scope %j is omitted', (scope) => {
    const spec = buildClientCredentialsRequest({
      tokenEndpoint: TOKEN,
      clientId: 'svc',
      auth: { method: 'client_secret_basic', clientSecret: 's' },
      ...(scope !== undefined ? { scope } : {}),
    })
    expect(spec.form).toEqual([['grant_type', 'client_credentials']])
  })

  test('extras come last and cannot repeat a field', () => {
    const spec = buildClientCredentialsRequest({
      tokenEndpoint: TOKEN,
      clientId: 'svc',
      auth: { method: 'client_secret_post', clientSecret: 's' },
      extra: { resource: 'https://api.example', scope: 'other', audience: '' },
    })
    expect(spec.form).toEqual([
      ['grant_type', 'client_credentials'],
      ['client_id', 'svc'],
      ['client_secret', 's'],
      ['resource', 'https://api.example'],
      ['scope', 'other'],
    ])
  })
})

const NO_SESSION =
  'No sid or session_state: the token is not tied to a login session, as a client credentials token is not (this alone proves nothing).'

describe('isServiceAccountToken', () => {
  test('the demo realm’s (Keycloak-shaped) service-account token', () => {
    expect(
      isServiceAccountToken({
        sub: 'e9f8a7b6-c5d4-4e3f-b2a1-0f9e8d7c6b94',
        preferred_username: 'service-account-oidc-lab-confidential',
        azp: 'oidc-lab-confidential',
        client_id: 'oidc-lab-confidential',
        clientHost: '127.0.0.1',
        clientAddress: '127.0.0.1',
        aud: 'account',
        typ: 'Bearer',
      }),
    ).toEqual({
      serviceAccount: true,
      clientId: 'oidc-lab-confidential',
      evidence: [
        'preferred_username “service-account-oidc-lab-confidential” starts with “service-account-”: Keycloak names the hidden user behind a client’s service account that way.',
        'It carries “clientHost”, “clientAddress”: Keycloak’s service-account mappers add these claims to client credentials tokens.',
        NO_SESSION,
      ],
    })
  })

  test('older Keycloak: clientId claim, and a session_state', () => {
    expect(
      isServiceAccountToken({
        sub: 'f1',
        clientId: 'reporting',
        session_state: 'abc',
      }),
    ).toEqual({
      serviceAccount: true,
      clientId: 'reporting',
      evidence: [
        'It carries “clientId”: Keycloak’s service-account mappers add this claim to client credentials tokens.',
      ],
    })
  })

  test('client id from the Keycloak user name when no claim names it', () => {
    expect(
      isServiceAccountToken({ preferred_username: 'service-account-batch', sid: 's' }),
    ).toMatchObject({ serviceAccount: true, clientId: 'batch' })
  })

  test.each([
    {
      name: 'sub equals client_id (Okta style)',
      claims: { sub: '0oa1', client_id: '0oa1', scp: ['api'] },
      clientId: '0oa1',
      via: 'client_id (“0oa1”)',
    },
    {
      name: 'sub equals azp',
      claims: { sub: 'svc', azp: 'svc' },
      clientId: 'svc',
      via: 'azp (“svc”)',
    },
  ])('generic inference: $name', ({ claims, clientId, via }) => {
    expect(isServiceAccountToken(claims)).toEqual({
      serviceAccount: true,
      clientId,
      evidence: [
        `sub equals ${via} and there are no user claims (email, name, given_name, family_name, preferred_username, nickname, upn): the subject is the client itself. This is an inference from the claims, not something the token states.`,
        NO_SESSION,
      ],
    })
  })

  test.each([
    {
      name: 'Auth0',
      claims: { sub: 'abc@clients', azp: 'abc', gty: 'client-credentials' },
      sentence: 'gty “client-credentials”: Auth0 marks client credentials tokens that way.',
      clientId: 'abc',
    },
    {
      name: 'Entra ID',
      claims: { sub: 'oid-1', appid: 'x', idtyp: 'app' },
      sentence: 'idtyp “app”: Entra ID marks app-only tokens (no signed-in user) that way.',
      clientId: undefined,
    },
  ])('$name marker', ({ claims, sentence, clientId }) => {
    expect(isServiceAccountToken(claims)).toEqual({
      serviceAccount: true,
      ...(clientId ? { clientId } : {}),
      evidence: [sentence, NO_SESSION],
    })
  })

  test.each([
    {
      name: 'a Keycloak user token',
      claims: {
        sub: 'u1',
        azp: 'webapp',
        preferred_username: 'alice',
        email: 'alice@example.com',
        sid: 's1',
      },
    },
    {
      name: 'sub equals azp but a user claim is present',
      claims: { sub: 'x', azp: 'x', name: 'X' },
    },
    { name: 'no sub at all', claims: { azp: 'x' } },
    { name: 'empty claims', claims: {} },
  ])('not a service account: $name', ({ claims }) => {
    expect(isServiceAccountToken(claims)).toEqual({ serviceAccount: false, evidence: [] })
  })
})
