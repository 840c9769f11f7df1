import { describe, expect, test } from 'vitest'
import { testRun } from '@/testing/fixtures/run-fixtures'
import { compareRuns, compareViews, runViews } from './run-views'

const withoutEmail = testRun({ id: 'a', scope: ['openid', 'profile'], seed: 1 })
const withEmail = testRun({ id: 'b', scope: ['openid', 'profile', 'email'], seed: 2 })

describe('runViews', () => {
  test('decodes both tokens and takes the userinfo claims', () => {
    const views = runViews(withEmail)
    expect(views.map((v) => [v.id, v.label, v.status])).toEqual([
      ['id_token', 'ID token', undefined],
      ['access_token', 'Access token', undefined],
      ['userinfo', 'Userinfo response', 'HTTP 200'],
    ])
    expect(views[0]?.claims).toMatchObject({ email: 'alice@example.com', email_verified: true })
    expect(views[1]?.claims).toMatchObject({ scope: 'openid profile email' })
    expect(views[2]?.claims).toMatchObject({ sub: 'sub-alice', email: 'alice@example.com' })
  })

  test('says why a view has no claims', () => {
    const run = {
      ...testRun({ scope: ['profile'], userinfoStatus: 403 }),
      tokens: { accessToken: 'opaque-reference-token' },
    }
    expect(runViews(run).map((v) => [v.status, v.claims])).toEqual([
      ['absent', undefined],
      ['opaque (not a JWT)', undefined],
      ['HTTP 403', undefined],
    ])
    expect(runViews({ ...run, userinfo: undefined })[2]?.status).toBe('not called')
  })
})

describe('compareRuns', () => {
  test('adding the email scope: email claims added, volatile claims apart', () => {
    const comparison = compareRuns(withoutEmail, withEmail)
    expect(comparison.summary).toBe(
      '+ email, + email_verified in ID token · ~ scope in access token · + email, + email_verified in userinfo',
    )
    const idToken = comparison.views[0]
    expect(idToken?.rows.filter((r) => r.status === 'added').map((r) => r.name)).toEqual([
      'email',
      'email_verified',
    ])
    expect(idToken?.rows.find((r) => r.name === 'iat')?.status).toBe('volatile_changed')
    expect(comparison.requestedScope).toEqual({ added: ['email'], removed: [] })
    expect(comparison.grantedScope).toEqual({ added: ['email'], removed: [] })
  })

  test('userinfo refused, then allowed: the status change is its own sentence', () => {
    const refused = testRun({ id: 'a', scope: ['openid', 'profile'], userinfoStatus: 403 })
    const allowed = testRun({ id: 'b', scope: ['openid', 'profile', 'email'] })
    const { summary, statusChanges } = compareRuns(refused, allowed)
    expect(summary).toBe(
      '+ email, + email_verified in ID token · ~ scope in access token · userinfo 403 → 200',
    )
    expect(statusChanges).toEqual([{ endpoint: 'userinfo', left: 403, right: 200 }])
  })

  test('a token that appears, a token endpoint that failed, userinfo never called', () => {
    const failed = {
      ...testRun({ id: 'a', scope: ['profile'], tokenStatus: 400 }),
      tokens: {},
      userinfo: undefined,
    }
    const ok = testRun({ id: 'b', scope: ['openid', 'profile'] })
    expect(compareRuns(failed, ok).summary).toBe(
      'ID token absent → present · access token absent → present · token endpoint 400 → 200 · userinfo not called → 200',
    )
  })

  test('two runs of the same request differ only in volatile claims', () => {
    const again = testRun({ id: 'c', scope: ['openid', 'profile'], seed: 5 })
    expect(compareRuns(withoutEmail, again).summary).toBe(
      'no differences (only volatile claims changed: iat, exp, nonce, jti)',
    )
    expect(compareRuns(withoutEmail, withoutEmail).summary).toBe('no differences')
  })

  test('long lists are shortened', () => {
    const none = { ...testRun({ id: 'a' }), userinfo: { status: 200, claims: {} } }
    const many = {
      ...testRun({ id: 'b' }),
      userinfo: {
        status: 200,
        claims: Object.fromEntries('abcdefgh'.split('').map((c) => [c, 1])),
      },
    }
    expect(compareRuns(none, many).summary).toBe(
      '+ a, + b, + c, + d, + e, + f and 2 more in userinfo',
    )
  })
})

describe('compareViews', () => {
  test('ID token vs userinfo of one run', () => {
    const [idToken, , userinfo] = runViews(withEmail)
    if (!idToken || !userinfo) throw new Error('views missing')
    const { rows, summary } = compareViews(idToken, userinfo)
    expect(rows.find((r) => r.name === 'email')?.status).toBe('unchanged')
    expect(rows.find((r) => r.name === 'iss')?.status).toBe('removed')
    expect(summary).toContain('- iss')
  })
})
