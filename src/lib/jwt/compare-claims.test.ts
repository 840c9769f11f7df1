import { describe, expect, test } from 'vitest'
import { compareClaims, jsonEqual, summarizeDiff, VOLATILE_CLAIMS } from './compare-claims'

const WITHOUT_EMAIL = {
  sub: '8c6b',
  iss: 'http://localhost:8080/realms/demo',
  aud: 'spa',
  exp: 1795412640,
  iat: 1795412340,
  jti: 'a1',
  name: 'Alice Liddell',
  realm_access: { roles: ['user', 'default-roles-demo'] },
}
const WITH_EMAIL = {
  sub: '8c6b',
  iss: 'http://localhost:8080/realms/demo',
  aud: 'spa',
  exp: 1795412940,
  iat: 1795412640,
  jti: 'b2',
  name: 'Alice Liddell',
  realm_access: { roles: ['user', 'default-roles-demo'] },
  email: 'alice@example.com',
  email_verified: true,
}

describe('compareClaims', () => {
  test('with vs without the email scope', () => {
    const rows = compareClaims(WITHOUT_EMAIL, WITH_EMAIL)
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['email', 'added'],
      ['email_verified', 'added'],
      ['exp', 'volatile_changed'],
      ['iat', 'volatile_changed'],
      ['jti', 'volatile_changed'],
      ['sub', 'unchanged'],
      ['iss', 'unchanged'],
      ['aud', 'unchanged'],
      ['name', 'unchanged'],
      ['realm_access', 'unchanged'],
    ])
    expect(rows[0]).toEqual({ name: 'email', status: 'added', right: 'alice@example.com' })
    expect(summarizeDiff(rows)).toBe('+ email, + email_verified')
  })

  test.each([
    ['removed', { a: 1 }, {}, { name: 'a', status: 'removed', left: 1 }],
    ['added', {}, { a: 1 }, { name: 'a', status: 'added', right: 1 }],
    [
      'changed string',
      { a: 'x' },
      { a: 'y' },
      { name: 'a', status: 'changed', left: 'x', right: 'y' },
    ],
    ['changed type', { a: 1 }, { a: '1' }, { name: 'a', status: 'changed', left: 1, right: '1' }],
    ['null vs absent', { a: null }, {}, { name: 'a', status: 'removed', left: null }],
    [
      'reordered object keys',
      { a: { x: 1, y: [1, 2] } },
      { a: { y: [1, 2], x: 1 } },
      { name: 'a', status: 'unchanged', left: { x: 1, y: [1, 2] }, right: { y: [1, 2], x: 1 } },
    ],
    [
      'reordered array',
      { aud: ['a', 'b'] },
      { aud: ['b', 'a'] },
      { name: 'aud', status: 'changed', left: ['a', 'b'], right: ['b', 'a'] },
    ],
    [
      'nested role added',
      { r: { roles: ['user'] } },
      { r: { roles: ['user', 'admin'] } },
      {
        name: 'r',
        status: 'changed',
        left: { roles: ['user'] },
        right: { roles: ['user', 'admin'] },
      },
    ],
    [
      'volatile but equal',
      { iat: 5 },
      { iat: 5 },
      { name: 'iat', status: 'unchanged', left: 5, right: 5 },
    ],
    ['volatile added', {}, { nonce: 'n' }, { name: 'nonce', status: 'added', right: 'n' }],
  ])('%s', (_name, left, right, row) => {
    expect(compareClaims(left, right)).toEqual([row])
  })

  test('orders added, removed, changed, volatile, unchanged', () => {
    const rows = compareClaims(
      { same: 1, gone: 1, diff: 1, exp: 1 },
      { same: 1, diff: 2, exp: 2, fresh: 1 },
    )
    expect(rows.map((r) => r.status)).toEqual([
      'added',
      'removed',
      'changed',
      'volatile_changed',
      'unchanged',
    ])
  })

  test('a missing side makes every claim added or removed', () => {
    expect(compareClaims(undefined, { a: 1 })).toEqual([{ name: 'a', status: 'added', right: 1 }])
    expect(compareClaims({ a: 1 }, undefined)).toEqual([{ name: 'a', status: 'removed', left: 1 }])
    expect(compareClaims(undefined, undefined)).toEqual([])
  })

  test('options.volatile replaces the default list', () => {
    expect(compareClaims({ exp: 1, x: 1 }, { exp: 2, x: 2 }, { volatile: ['x'] })).toEqual([
      { name: 'exp', status: 'changed', left: 1, right: 2 },
      { name: 'x', status: 'volatile_changed', left: 1, right: 2 },
    ])
  })

  test('the default volatile claims include the ones that change every run', () => {
    for (const name of [
      'exp',
      'iat',
      'auth_time',
      'jti',
      'nonce',
      'at_hash',
      'sid',
      'session_state',
    ]) {
      expect(VOLATILE_CLAIMS).toContain(name)
    }
  })

  test('handles two large (about 64 KB) payloads correctly', () => {
    const left: Record<string, unknown> = {}
    const right: Record<string, unknown> = {}
    for (let i = 0; i < 1500; i++) {
      const value = { id: i, tags: [`t${i}`, 'x'], nested: { deep: [i, { k: `v${i}` }] } }
      left[`claim_${i}`] = value
      right[`claim_${i}`] = i === 700 ? { ...value, id: -1 } : structuredClone(value)
    }
    left.only_left = 'l'
    right.only_right = 'r'
    expect(JSON.stringify(left).length).toBeGreaterThan(64 * 1024)
    const rows = compareClaims(left, right)
    expect(rows).toHaveLength(1502)
    expect(rows.slice(0, 3).map((r) => [r.name, r.status])).toEqual([
      ['only_right', 'added'],
      ['only_left', 'removed'],
      ['claim_700', 'changed'],
    ])
    expect(rows.slice(3).every((r) => r.status === 'unchanged')).toBe(true)
  })
})

describe('jsonEqual', () => {
  test.each([
    [1, 1, true],
    ['a', 'a', true],
    [null, null, true],
    [null, {}, false],
    [[], {}, false],
    [{}, [], false],
    [{ a: undefined }, { b: undefined }, false],
    [[1, [2, { a: 3 }]], [1, [2, { a: 3 }]], true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
  ])('%j vs %j is %s', (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal)
  })
})

describe('summarizeDiff', () => {
  test.each([
    [compareClaims({ a: 1, b: 1 }, { b: 2, c: 1 }), '+ c, - a, ~ b'],
    [
      compareClaims({ exp: 1, iat: 1 }, { exp: 2, iat: 2 }),
      'no differences (only volatile claims changed: exp, iat)',
    ],
    [compareClaims({ a: 1 }, { a: 1 }), 'no differences'],
    [[], 'no differences'],
  ])('%j → %s', (rows, text) => {
    expect(summarizeDiff(rows)).toBe(text)
  })
})
