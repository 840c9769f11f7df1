import { describe, expect, test } from 'vitest'
import { buildEndSessionUrl, END_SESSION_PARAM_INFO, parseLogoutReturn } from './end-session'

const LOGOUT = 'http://localhost:8080/realms/demo/protocol/openid-connect/logout'
const RP_LOGOUT = 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout'

describe('buildEndSessionUrl', () => {
  test('every parameter, in order, explained', () => {
    const result = buildEndSessionUrl({
      endSessionEndpoint: LOGOUT,
      idTokenHint: 'eyJ.a.b',
      postLogoutRedirectUri: 'http://localhost:5173/logged-out',
      clientId: 'oidc-lab',
      state: 's 1',
      uiLocales: 'de en',
      logoutHint: 'alice',
    })
    expect(result.url).toBe(
      `${LOGOUT}?id_token_hint=eyJ.a.b&logout_hint=alice&client_id=oidc-lab&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Flogged-out&state=s+1&ui_locales=de+en`,
    )
    expect(result.params).toEqual(
      [
        ['id_token_hint', 'eyJ.a.b'],
        ['logout_hint', 'alice'],
        ['client_id', 'oidc-lab'],
        ['post_logout_redirect_uri', 'http://localhost:5173/logged-out'],
        ['state', 's 1'],
        ['ui_locales', 'de en'],
      ].map(([name, value]) => ({
        name,
        value,
        explanation: END_SESSION_PARAM_INFO[name as string],
        specLink: RP_LOGOUT,
      })),
    )
    expect(result.warnings).toEqual([])
  })

  test.each([
    {
      name: 'nothing at all',
      input: {},
      url: LOGOUT,
      warnings: ['no_id_token_hint'],
    },
    {
      name: 'redirect with client_id only',
      input: { postLogoutRedirectUri: 'https://app/', clientId: 'app' },
      url: `${LOGOUT}?client_id=app&post_logout_redirect_uri=https%3A%2F%2Fapp%2F`,
      warnings: ['no_id_token_hint'],
    },
    {
      name: 'redirect alone',
      input: { postLogoutRedirectUri: 'https://app/' },
      url: `${LOGOUT}?post_logout_redirect_uri=https%3A%2F%2Fapp%2F`,
      warnings: ['no_id_token_hint', 'redirect_without_client'],
    },
    {
      name: 'state without redirect',
      input: { idTokenHint: 't', state: 'x' },
      url: `${LOGOUT}?id_token_hint=t&state=x`,
      warnings: ['state_without_redirect'],
    },
    {
      name: 'empty values are left out',
      input: { idTokenHint: 't', clientId: '', state: '  ', uiLocales: undefined },
      url: `${LOGOUT}?id_token_hint=t`,
      warnings: [],
    },
  ])('$name', ({ input, url, warnings }) => {
    const result = buildEndSessionUrl({ endSessionEndpoint: LOGOUT, ...input })
    expect(result.url).toBe(url)
    expect(result.warnings.map((w) => w.code)).toEqual(warnings)
  })

  test('warning texts', () => {
    expect(
      buildEndSessionUrl({
        endSessionEndpoint: LOGOUT,
        postLogoutRedirectUri: 'https://app/',
        state: 'x',
      }).warnings,
    ).toEqual([
      {
        code: 'no_id_token_hint',
        message:
          'No id_token_hint: the provider cannot tell which session is ending, and must ask the user to confirm the logout (Keycloak shows a confirmation page).',
      },
      {
        code: 'redirect_without_client',
        message:
          'post_logout_redirect_uri without id_token_hint or client_id: the provider cannot tell which client registered it (Keycloak answers “Missing parameters: id_token_hint”).',
      },
    ])
  })

  test('the endpoint’s own query is kept byte for byte', () => {
    const result = buildEndSessionUrl({
      endSessionEndpoint: 'https://idp.example/logout?p=B2C_1_signin&x=%7E',
      idTokenHint: 't',
    })
    expect(result.url).toBe('https://idp.example/logout?p=B2C_1_signin&x=%7E&id_token_hint=t')
    expect(result.params[0]).toEqual({
      name: 'p',
      value: 'B2C_1_signin',
      explanation:
        'Already part of the end_session_endpoint URL the provider published; kept as is.',
      specLink: RP_LOGOUT,
      fromEndpoint: true,
    })
  })

  test('a parameter of ours replaces the endpoint’s, with a warning', () => {
    const result = buildEndSessionUrl({
      endSessionEndpoint: 'https://idp.example/logout?client_id=old&p=1',
      idTokenHint: 't',
      clientId: 'new',
    })
    expect(result.url).toBe('https://idp.example/logout?client_id=new&p=1&id_token_hint=t')
    expect(result.params.map((p) => p.name)).toEqual(['p', 'id_token_hint', 'client_id'])
    expect(result.warnings).toEqual([
      {
        code: 'endpoint_param_replaced',
        message:
          'The end_session_endpoint URL already had “client_id=old”; the lab’s value replaces it (parameters must not repeat).',
      },
    ])
  })

  test('throws on a relative endpoint', () => {
    expect(() => buildEndSessionUrl({ endSessionEndpoint: '/logout' })).toThrow(TypeError)
  })
})

describe('parseLogoutReturn', () => {
  test.each([
    {
      name: 'matching state',
      url: 'http://localhost:5173/logged-out?state=abc',
      expected: 'abc',
      stateMatches: true,
      message: 'The returned state equals the one sent with the logout request.',
    },
    {
      name: 'different state',
      url: 'http://localhost:5173/logged-out?state=xyz',
      expected: 'abc',
      stateMatches: false,
      message:
        'The returned state “xyz” differs from the one sent (“abc”): this return belongs to another logout request.',
    },
    {
      name: 'missing state',
      url: 'http://localhost:5173/logged-out',
      expected: 'abc',
      stateMatches: false,
      message:
        'No state came back although the logout request sent one; the provider must pass it back on the redirect.',
    },
    {
      name: 'repeated state',
      url: '?state=abc&state=abc',
      expected: 'abc',
      stateMatches: false,
      message: '“state” appears more than once; a redirect must not repeat parameters.',
    },
    {
      name: 'none sent, none back',
      url: 'http://localhost:5173/logged-out',
      expected: undefined,
      stateMatches: undefined,
      message: 'No state was sent with the logout request, and none came back: nothing to compare.',
    },
    {
      name: 'none sent, one back',
      url: 'state=zzz',
      expected: undefined,
      stateMatches: undefined,
      message:
        'A state “zzz” came back, but none was sent with the logout request: nothing to compare it with.',
    },
  ])('$name', ({ url, expected, stateMatches, message }) => {
    const result = parseLogoutReturn(url, expected)
    expect(result.stateMatches).toBe(stateMatches)
    expect(result.message).toBe(message)
  })

  test('keeps every parameter, decoded', () => {
    expect(parseLogoutReturn('https://app/out?state=a%20b&x=1', 'a b')).toEqual({
      stateMatches: true,
      state: 'a b',
      params: [
        ['state', 'a b'],
        ['x', '1'],
      ],
      message: 'The returned state equals the one sent with the logout request.',
    })
  })
})
