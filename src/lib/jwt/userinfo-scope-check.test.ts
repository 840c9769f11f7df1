import { describe, expect, test } from 'vitest'
import { checkUserinfoScope, decisiveAccessTokenClaims } from './userinfo-scope-check'

const LINK = 'https://openid.net/specs/openid-connect-core-1_0.html#UserInfo'
const LACKS_RULE =
  'Userinfo is for tokens from an OpenID Connect request (OIDC Core §5.3); Keycloak refuses such a token with 403 insufficient_scope, some providers accept it.'
const PASS_TAIL =
  'includes `openid`, as userinfo requires (OIDC Core §5.3). Scope is not everything: an expired or revoked token is still refused.'
const CC =
  ' A client_credentials token stands for the client itself: there is no end-user for userinfo to describe.'

describe('checkUserinfoScope', () => {
  test.each([
    {
      name: 'Keycloak scope string with openid',
      payload: { scope: 'openid profile email' },
      status: 'pass',
      code: 'scope_has_openid',
      message: `Its scope \`openid profile email\` ${PASS_TAIL}`,
    },
    {
      name: 'Okta scp array with openid',
      payload: { scp: ['openid', 'email'] },
      status: 'pass',
      code: 'scope_has_openid',
      message: `Its scp \`openid email\` ${PASS_TAIL}`,
    },
    {
      name: 'Entra scp string with openid',
      payload: { scp: 'User.Read openid' },
      status: 'pass',
      code: 'scope_has_openid',
      message: `Its scp \`User.Read openid\` ${PASS_TAIL}`,
    },
    {
      name: 'API scope only',
      payload: { scope: 'api:read' },
      status: 'fail',
      code: 'scope_lacks_openid',
      message: `Its scope \`api:read\` lacks \`openid\`. ${LACKS_RULE}`,
    },
    {
      name: '“openid” as part of another scope does not count',
      payload: { scope: 'openid:extra profile' },
      status: 'fail',
      code: 'scope_lacks_openid',
      message: `Its scope \`openid:extra profile\` lacks \`openid\`. ${LACKS_RULE}`,
    },
    {
      name: 'empty scope',
      payload: { scope: '' },
      status: 'fail',
      code: 'scope_lacks_openid',
      message: `Its scope is empty and lacks \`openid\`. ${LACKS_RULE}`,
    },
    {
      name: 'scope wins over scp',
      payload: { scope: 'profile', scp: ['openid'] },
      status: 'fail',
      code: 'scope_lacks_openid',
      message: `Its scope \`profile\` lacks \`openid\`. ${LACKS_RULE}`,
    },
    {
      name: 'no scope claim',
      payload: { sub: 'u1', aud: 'account' },
      status: 'skip',
      code: 'scope_unknown',
      message:
        'Cannot tell from the token (it has no scope or scp claim): ask the provider (introspection) or call userinfo.',
    },
    {
      name: 'a scope claim of the wrong type is no scope claim',
      payload: { scope: 42 },
      status: 'skip',
      code: 'scope_unknown',
      message:
        'Cannot tell from the token (it has no scope or scp claim): ask the provider (introspection) or call userinfo.',
    },
    {
      name: 'opaque token',
      payload: undefined,
      status: 'skip',
      code: 'scope_unknown',
      message:
        'Cannot tell from the token (it is opaque or could not be decoded): ask the provider (introspection) or call userinfo.',
    },
  ])('$name', ({ payload, status, code, message }) => {
    expect(checkUserinfoScope(payload)).toEqual({
      id: 'userinfo_scope',
      status,
      code,
      message,
      specLink: LINK,
      informative: true,
    })
  })

  test.each([
    {
      payload: { scope: 'profile email' },
      message: `Its scope \`profile email\` lacks \`openid\`. ${LACKS_RULE}${CC}`,
    },
    {
      payload: undefined,
      message: `Cannot tell from the token (it is opaque or could not be decoded): ask the provider (introspection) or call userinfo.${CC}`,
    },
    { payload: { scope: 'openid' }, message: `Its scope \`openid\` ${PASS_TAIL}` },
  ])('client_credentials: $message', ({ payload, message }) => {
    expect(checkUserinfoScope(payload, { grantType: 'client_credentials' }).message).toBe(message)
  })
})

describe('decisiveAccessTokenClaims', () => {
  test.each([
    {
      payload: { exp: 1, azp: 'a', sub: 'u', aud: 'x', scope: 's', iss: 'i' },
      claims: ['scope', 'aud', 'azp', 'exp'],
    },
    { payload: { scp: ['a'], exp: 1 }, claims: ['scp', 'exp'] },
    { payload: { scope: 'a', scp: 'b' }, claims: ['scope', 'scp'] },
    { payload: { sub: 'u' }, claims: [] },
    { payload: undefined, claims: [] },
  ])('$claims', ({ payload, claims }) => {
    expect(decisiveAccessTokenClaims(payload)).toEqual(claims)
  })
})
