import { describe, expect, test } from 'vitest'
import { parseCallbackParams, validateCallback, type CallbackParams } from './callback-params'

const ISSUER = 'http://localhost:8080/realms/demo'

describe('parseCallbackParams', () => {
  test.each([
    {
      name: 'Keycloak full URL',
      input: `http://localhost:5173/callback?state=abc&session_state=4c9d&iss=${encodeURIComponent(ISSUER)}&code=c0de.4c9d.f00`,
      expected: {
        state: 'abc',
        session_state: '4c9d',
        iss: ISSUER,
        code: 'c0de.4c9d.f00',
        source: 'query',
        duplicates: [],
      },
    },
    {
      name: 'search string',
      input: '?code=abc&state=xyz',
      expected: { code: 'abc', state: 'xyz', source: 'query' },
    },
    {
      name: 'bare pairs',
      input: 'code=abc&state=xyz',
      expected: { code: 'abc', state: 'xyz', source: 'query' },
    },
    {
      name: 'fragment string (response_mode=fragment)',
      input: '#state=xyz&code=abc',
      expected: { code: 'abc', state: 'xyz', source: 'fragment' },
    },
    {
      name: 'full URL with the answer in the fragment',
      input: 'http://localhost:5173/callback?lang=de#state=xyz&code=abc',
      expected: { code: 'abc', state: 'xyz', source: 'fragment' },
    },
    {
      name: 'full URL: the query wins when it has the answer',
      input: 'http://localhost:5173/callback?code=q&state=s#code=f',
      expected: { code: 'q', state: 's', source: 'query' },
    },
    {
      name: 'oidc-provider invalid_scope error with + as space',
      input:
        '?error=invalid_scope&error_description=Invalid+scopes%3A+openid+foo&scope=foo&state=s&iss=http%3A%2F%2F127.0.0.1%3A18080%2Frealms%2Fdemo',
      expected: {
        error: 'invalid_scope',
        error_description: 'Invalid scopes: openid foo',
        scope: 'foo',
        state: 's',
        iss: 'http://127.0.0.1:18080/realms/demo',
      },
    },
    {
      name: 'Keycloak login timeout',
      input: '?error=temporarily_unavailable&error_description=authentication_expired&state=s',
      expected: { error: 'temporarily_unavailable', error_description: 'authentication_expired' },
    },
    {
      name: 'duplicated state keeps the first and flags it',
      input: '?state=one&code=c&state=two',
      expected: { state: 'one', duplicates: ['state'] },
    },
    {
      name: 'broken %-escape kept raw',
      input: '?code=ab%ZZ&state=s',
      expected: { code: 'ab%ZZ', malformed: ['code'] },
    },
    {
      name: 'empty input',
      input: '',
      expected: { all: [], source: 'query', duplicates: [], malformed: [] },
    },
    {
      name: 'name without value',
      input: '?code&state=s',
      expected: { code: '', state: 's' },
    },
  ])('$name', ({ input, expected }) => {
    expect(parseCallbackParams(input)).toMatchObject(expected)
  })

  test('keeps every pair in order', () => {
    expect(parseCallbackParams('?a=1&state=s&a=2&x=%20y').all).toEqual([
      ['a', '1'],
      ['state', 's'],
      ['a', '2'],
      ['x', ' y'],
    ])
  })
})

const params = (search: string): CallbackParams => parseCallbackParams(search)

describe('validateCallback', () => {
  test.each([
    {
      name: 'happy path with iss',
      search: `?code=c&state=s&iss=${encodeURIComponent(ISSUER)}`,
      supported: true,
      statuses: { state: 'pass', iss: 'pass', code: 'pass' },
      proceed: true,
      blockers: [],
    },
    {
      name: 'no iss, not advertised',
      search: '?code=c&state=s',
      supported: undefined,
      statuses: { state: 'pass', iss: 'skip', code: 'pass' },
      proceed: true,
      blockers: [],
    },
    {
      name: 'no iss while advertised',
      search: '?code=c&state=s',
      supported: true,
      statuses: { state: 'pass', iss: 'fail', code: 'pass' },
      proceed: false,
      blockers: ['iss_missing'],
    },
    {
      name: 'iss from another issuer',
      search: '?code=c&state=s&iss=https%3A%2F%2Fevil.example',
      supported: true,
      statuses: { state: 'pass', iss: 'fail', code: 'pass' },
      proceed: false,
      blockers: ['iss_mismatch'],
    },
    {
      name: 'state differs',
      search: '?code=c&state=other',
      supported: false,
      statuses: { state: 'fail', iss: 'skip', code: 'pass' },
      proceed: false,
      blockers: ['state_mismatch'],
    },
    {
      name: 'state missing',
      search: '?code=c',
      supported: false,
      statuses: { state: 'fail', iss: 'skip', code: 'pass' },
      proceed: false,
      blockers: ['state_mismatch'],
    },
    {
      name: 'error response',
      search: '?error=access_denied&error_description=User+denied&state=s',
      supported: false,
      statuses: { state: 'pass', iss: 'skip', code: 'fail' },
      proceed: false,
      blockers: ['authorization_error'],
    },
    {
      name: 'nothing at all',
      search: '',
      supported: false,
      statuses: { state: 'fail', iss: 'skip', code: 'fail' },
      proceed: false,
      blockers: ['state_mismatch', 'missing_code'],
    },
  ])('$name', ({ search, supported, statuses, proceed, blockers }) => {
    const result = validateCallback({
      params: params(search),
      expectedState: 's',
      expectedIssuer: ISSUER,
      issParameterSupported: supported,
    })
    expect(Object.fromEntries(result.checks.map((c) => [c.id, c.status]))).toEqual(statuses)
    expect(result.proceed).toBe(proceed)
    expect(result.blockers.map((b) => b.code)).toEqual(blockers)
  })

  test.each([
    {
      name: 'different',
      search: '?code=c&state=other',
      expectedState: 's',
      detail: 'different',
      message:
        'The returned state “other” differs from the one this tab sent (“s”): this answer belongs to another request (an older tab, a replayed link, or an attack).',
    },
    {
      name: 'missing',
      search: '?code=c',
      expectedState: 's',
      detail: 'missing',
      message:
        'The response carries no “state”, but the lab sent one; the provider must echo it unchanged.',
    },
    {
      name: 'duplicated',
      search: '?code=c&state=s&state=s',
      expectedState: 's',
      detail: 'duplicated',
      message: '“state” appears more than once; a response must not repeat parameters.',
    },
    {
      name: 'no record in this tab',
      search: '?code=c&state=s',
      expectedState: undefined,
      detail: 'not_expected',
      message:
        'The lab has no record of a request from this tab, so it cannot tell whether it asked for this answer (session storage is per tab: was the flow started in another tab or browser, or the storage cleared?).',
    },
  ])('state_mismatch ($name)', ({ search, expectedState, detail, message }) => {
    const result = validateCallback({
      params: params(search),
      expectedState,
      expectedIssuer: ISSUER,
    })
    expect(result.blockers[0]).toMatchObject({ code: 'state_mismatch', detail, message })
    expect(result.checks[0]).toEqual({ id: 'state', status: 'fail', message })
  })

  test('iss differing only by trailing slash says so', () => {
    const result = validateCallback({
      params: params(`?code=c&state=s&iss=${encodeURIComponent(`${ISSUER}/`)}`),
      expectedState: 's',
      expectedIssuer: ISSUER,
    })
    expect(result.blockers[0]).toMatchObject({
      code: 'iss_mismatch',
      detail: 'trailing_slash',
      message:
        'The response comes from issuer “http://localhost:8080/realms/demo/”, not “http://localhost:8080/realms/demo”. Only a trailing slash differs: the provider’s issuer ends with “/”. RFC 9207 says to refuse it (mix-up defence).',
    })
  })

  test('error responses keep the provider triple', () => {
    const result = validateCallback({
      params: params('?error=invalid_scope&error_description=Invalid+scopes%3A+openid+foo&state=s'),
      expectedState: 's',
      expectedIssuer: ISSUER,
    })
    expect(result.blockers[0]).toMatchObject({
      code: 'authorization_error',
      provider: { error: 'invalid_scope', error_description: 'Invalid scopes: openid foo' },
    })
  })
})
