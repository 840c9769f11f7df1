import { describe, expect, test } from 'vitest'
import { parseInspectInput } from './parse-inspect-input'

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln'

describe('parseInspectInput', () => {
  test.each(['', '   \n\t'])('%j is empty', (text) => {
    expect(parseInspectInput(text)).toEqual({ kind: 'empty' })
  })

  test('a lone token is trimmed and kept as typed (the decoder cleans the rest)', () => {
    expect(parseInspectInput(`  Bearer ${JWT}\n`)).toEqual({
      kind: 'token',
      token: `Bearer ${JWT}`,
      notes: [],
    })
  })

  test('an Authorization header line loses its name', () => {
    expect(parseInspectInput(`Authorization: Bearer ${JWT}`)).toEqual({
      kind: 'token',
      token: `Bearer ${JWT}`,
      notes: ['removed the "Authorization:" header name'],
    })
  })

  test('a token response gives each token and the fields worth showing', () => {
    const text = JSON.stringify({
      access_token: 'at',
      expires_in: 300,
      refresh_expires_in: 1800,
      refresh_token: 'rt',
      token_type: 'Bearer',
      id_token: JWT,
      'not-before-policy': 0,
      session_state: 's',
      scope: 'openid email',
    })
    expect(parseInspectInput(text)).toEqual({
      kind: 'response',
      tokens: { id_token: JWT, access_token: 'at', refresh_token: 'rt' },
      fields: [
        ['token_type', 'Bearer'],
        ['expires_in', '300'],
        ['refresh_expires_in', '1800'],
        ['scope', 'openid email'],
        ['session_state', 's'],
      ],
      notes: [],
    })
  })

  test('HTTP headers before the JSON are skipped, with a note', () => {
    const text = `HTTP/1.1 200 OK\ncontent-type: application/json\n\n{"id_token":"${JWT}"}`
    expect(parseInspectInput(text)).toEqual({
      kind: 'response',
      tokens: { id_token: JWT },
      fields: [],
      notes: ['ignored the text before the JSON (HTTP headers?)'],
    })
  })

  test('cut-off JSON still yields the tokens found by name', () => {
    const result = parseInspectInput(`{"access_token":"at","id_token":"${JWT}","refresh_tok`)
    expect(result).toMatchObject({
      kind: 'response',
      tokens: { access_token: 'at', id_token: JWT },
    })
    expect(result.kind === 'response' && result.notes[0]).toMatch(/^the JSON is not valid \(/)
  })

  test.each([
    ['#id_token=a.b.c&access_token=xyz&state=s', { id_token: 'a.b.c', access_token: 'xyz' }],
    ['https://app.example/cb?access_token=xyz&token_type=Bearer', { access_token: 'xyz' }],
    ['access_token=xyz&refresh_token=r', { access_token: 'xyz', refresh_token: 'r' }],
  ])('form / fragment parameters %j', (text, tokens) => {
    expect(parseInspectInput(text)).toMatchObject({ kind: 'response', tokens })
  })

  test.each([
    [
      '{"iss":"https://idp","sub":"alice","exp":1}',
      'This JSON looks like decoded claims (iss, sub, exp), not a token: paste the encoded token (eyJ…) so the signature can be checked.',
    ],
    [
      '{"hello":"world"}',
      'This JSON has no id_token, access_token or refresh_token: paste a token, or a whole token response.',
    ],
    ['[1, 2]', 'This JSON is not an object with tokens: paste a token, or a whole token response.'],
    [
      '{"access_token": 12}',
      'This JSON has no id_token, access_token or refresh_token: paste a token, or a whole token response.',
    ],
  ])('JSON without tokens: %j', (text, message) => {
    expect(parseInspectInput(text)).toEqual({ kind: 'not_tokens', message })
  })

  test('invalid JSON without token names says why', () => {
    const result = parseInspectInput('{"oops": ')
    expect(result.kind).toBe('not_tokens')
    expect(result.kind === 'not_tokens' && result.message).toMatch(
      /^This looks like JSON but is not valid: /,
    )
  })

  test('empty token strings are ignored', () => {
    expect(parseInspectInput('{"access_token":"  ","id_token":"x"}')).toMatchObject({
      tokens: { id_token: 'x' },
    })
  })
})
