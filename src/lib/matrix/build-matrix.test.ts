import { describe, expect, test } from 'vitest'
import {
  buildScopeMatrix,
  matrixToCsv,
  matrixToMarkdown,
  parseScopeSets,
  toggleScopeSets,
  type ScopeSetResult,
} from '@/lib/matrix/build-matrix'

const base = { sub: 'u1', iss: 'https://idp', exp: 1, iat: 0 }
const withEmail: ScopeSetResult = {
  scopes: ['openid', 'email'],
  claims: {
    id_token: { ...base, email: 'a@example.com', email_verified: true },
    access_token: { ...base, scope: 'openid email', email: 'a@example.com' },
    userinfo: { sub: 'u1', email: 'a@example.com', email_verified: true },
  },
  userinfoStatus: 200,
}
const withoutOpenid: ScopeSetResult = {
  scopes: ['profile'],
  claims: { access_token: { ...base, scope: 'profile', name: 'Alice' } },
  userinfoStatus: 403,
}

describe('buildScopeMatrix', () => {
  const matrix = buildScopeMatrix([withEmail, withoutOpenid])
  const row = (claim: string) => matrix.rows.find((r) => r.claim === claim)

  test('a claim is present exactly where it appeared, with its value', () => {
    expect(row('email')?.cells[0]).toEqual({
      id_token: { present: true, value: 'a@example.com' },
      access_token: { present: true, value: 'a@example.com' },
      userinfo: { present: true, value: 'a@example.com' },
    })
    expect(row('email')?.cells[1]?.access_token).toEqual({ present: false })
    expect(row('email_verified')?.cells[0]?.access_token).toEqual({ present: false })
  })

  test('rows that vary between sets come first; a claim never seen has no row', () => {
    const varying = matrix.rows.filter((r) => r.varies).map((r) => r.claim)
    expect(varying).toEqual(expect.arrayContaining(['email', 'email_verified', 'name', 'sub']))
    expect(matrix.rows.findIndex((r) => !r.varies)).toBeGreaterThan(
      matrix.rows.findIndex((r) => r.claim === 'email'),
    )
    expect(row('phone_number')).toBeUndefined()
  })

  test('the scope that usually brings a claim is attached for grouping', () => {
    expect(row('email')?.scope).toBe('email')
    expect(row('name')?.scope).toBe('profile')
  })

  test('no sets give an empty matrix', () => {
    expect(buildScopeMatrix([])).toEqual({ sets: [], rows: [] })
  })
})

describe('scope sets', () => {
  test('toggleScopeSets adds each optional scope alone, then all, without duplicates', () => {
    expect(toggleScopeSets(['openid'], ['email', 'phone'])).toEqual([
      ['openid'],
      ['openid', 'email'],
      ['openid', 'phone'],
      ['openid', 'email', 'phone'],
    ])
    expect(toggleScopeSets(['openid'], ['openid'])).toEqual([['openid']])
  })

  test.each([
    ['openid email\n\n  profile  profile \n', [['openid', 'email'], ['profile']]],
    ['', []],
  ])('parseScopeSets(%j)', (text, sets) => {
    expect(parseScopeSets(text)).toEqual(sets)
  })
})

describe('exports', () => {
  const matrix = buildScopeMatrix([withEmail, withoutOpenid])

  test('Markdown has one column per set and source, marks, and the userinfo status row', () => {
    const md = matrixToMarkdown(matrix)
    const lines = md.trim().split('\n')
    expect(lines[0]).toBe(
      '| claim | openid email · ID token | openid email · Access token | openid email · Userinfo | profile · ID token | profile · Access token | profile · Userinfo |',
    )
    expect(lines).toContain('| `email` | ✓ | ✓ | ✓ | · | · | · |')
    expect(lines.at(-1)).toBe('| userinfo status |  |  | 200 |  |  | 403 |')
  })

  test('CSV quotes what needs quoting and uses 1/0', () => {
    const csv = matrixToCsv(
      buildScopeMatrix([
        { scopes: ['a,b'], claims: { userinfo: { 'x"y': 1 } }, userinfoStatus: 200 },
      ]),
    )
    expect(csv).toBe(
      'claim,"a,b / ID token","a,b / Access token","a,b / Userinfo"\r\n"x""y",0,0,1\r\nuserinfo status,,,200\r\n',
    )
  })
})
