import { describe, expect, it } from 'vitest'
import {
  compareHash,
  failureOf,
  LESSON_IDS,
  LESSONS,
  lessonById,
  observeRun,
  tokenOutcome,
  userinfoOutcome,
  type LessonId,
  type LessonObservation,
} from './lessons'

const obs = (o: Partial<LessonObservation> = {}): LessonObservation => ({ failures: [], ...o })
const ok = (o: Partial<LessonObservation> = {}) =>
  obs({ tokenStatus: 200, idToken: { sub: 'a' }, accessToken: { sub: 'a' }, ...o })
const lesson = (id: LessonId) => {
  const found = lessonById(id)
  if (!found) throw new Error(`no lesson ${id}`)
  return found
}

/** An unsigned JWT with this payload (decoded, never verified, by observeRun). */
const jwt = (payload: Record<string, unknown>) =>
  ['{"alg":"RS256","typ":"JWT"}', JSON.stringify(payload)]
    .map((part) => btoa(part).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'))
    .join('.') + '.c2ln'

describe('the lesson catalogue', () => {
  it('has every lesson of the UI contract once, each with a story, an expected outcome and two runs', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([...LESSON_IDS])
    for (const l of LESSONS) {
      expect(l.story.length).toBeGreaterThan(40)
      expect(l.expected.length).toBeGreaterThan(20)
      expect(l.runs).toHaveLength(2)
      expect(new Set(l.runs.map((r) => r.label)).size).toBe(2)
    }
  })

  it('tampers only in the second run, and replays only what a first run produced', () => {
    for (const l of LESSONS) {
      expect(l.runs[0].tamper).toBeUndefined()
      if (l.runs[1].tamper === 'replay_code') expect(l.runs[0].grant).toBe('authorization_code')
    }
    expect(lesson('code-single-use').runs[1].tamper).toBe('replay_code')
    expect(lesson('pkce-protects-code').runs[1].tamper).toBe('wrong_verifier')
    expect(lesson('state-protects-callback').runs[1].tamper).toBe('forged_state')
  })

  it('plays default-scopes on oidc-lab-defaults and email-is-optional on oidc-lab', () => {
    expect(lesson('default-scopes').runs.map((r) => r.clientId)).toEqual([
      'oidc-lab-defaults',
      'oidc-lab-defaults',
    ])
    expect(lesson('default-scopes').runs[1].scopes).not.toContain('email')
    expect(lesson('email-is-optional').runs.map((r) => r.scopes)).toEqual([
      ['openid'],
      ['openid', 'email'],
    ])
    expect(lesson('userinfo-needs-openid').runs[0].scopes).not.toContain('openid')
  })

  it('builds the history comparison link of two runs', () => {
    expect(compareHash(['a', 'b'])).toBe('#compare=a,b')
  })
})

describe('verdicts', () => {
  const forbidden = obs({
    tokenStatus: 200,
    userinfoStatus: 403,
    failures: [{ step: 'userinfo', code: 'insufficient_scope' }],
  })

  it('userinfo-needs-openid passes on 403 insufficient_scope then 200, and says so', () => {
    const v = lesson('userinfo-needs-openid').judge(forbidden, ok({ userinfoStatus: 200 }))
    expect(v).toEqual({
      passed: true,
      actual:
        'Userinfo answered 403 insufficient_scope without openid and 200 with it, as expected.',
    })
  })

  it('userinfo-needs-openid fails when userinfo answered 200 both times', () => {
    const v = lesson('userinfo-needs-openid').judge(
      ok({ userinfoStatus: 200 }),
      ok({ userinfoStatus: 200 }),
    )
    expect(v.passed).toBe(false)
    expect(v.actual).toContain('200 without openid')
    expect(v.actual).toContain('not what the lesson expected')
  })

  it('email-is-optional: absent then present passes, present both times fails', () => {
    const judge = lesson('email-is-optional').judge
    const withEmail = ok({ idToken: { sub: 'a', email: 'alice@example.com' } })
    expect(judge(ok(), withEmail)).toEqual({
      passed: true,
      actual:
        'Without email: no email claim anywhere; with email: email in the ID token, as expected.',
    })
    expect(judge(withEmail, withEmail).passed).toBe(false)
  })

  it('default-scopes passes only when email is granted and present without being asked', () => {
    const judge = lesson('default-scopes').judge
    const email = { sub: 'a', email: 'alice@example.com' }
    const granted = ok({ idToken: email, grantedScope: ['openid', 'email', 'profile'] })
    expect(judge(granted, granted).passed).toBe(true)
    expect(judge(granted, ok({ grantedScope: ['openid', 'profile'] })).passed).toBe(false)
    expect(judge(granted, ok({ idToken: email, grantedScope: ['openid'] })).passed).toBe(false)
  })

  it('token-scope-ignored fails when the token request widened the grant', () => {
    const judge = lesson('token-scope-ignored').judge
    const narrow = ok({ grantedScope: ['openid', 'profile'] })
    expect(judge(narrow, narrow).passed).toBe(true)
    expect(judge(narrow, narrow).actual).toContain('granted "openid profile", no email claim')
    const widened = ok({
      grantedScope: ['openid', 'profile', 'email'],
      idToken: { email: 'alice@example.com' },
    })
    expect(judge(narrow, widened).passed).toBe(false)
    // a refused token request is not "ignored" either
    expect(
      judge(narrow, obs({ tokenStatus: 400, failures: [{ step: 'token', code: 'invalid_scope' }] }))
        .passed,
    ).toBe(false)
  })

  it('code-single-use and pkce-protects-code pass only on invalid_grant for the second exchange', () => {
    const refused = obs({ tokenStatus: 400, failures: [{ step: 'token', code: 'invalid_grant' }] })
    for (const id of ['code-single-use', 'pkce-protects-code'] as const) {
      const judge = lesson(id).judge
      expect(judge(ok(), refused).passed).toBe(true)
      expect(judge(ok(), ok()).passed).toBe(false)
      expect(
        judge(
          ok(),
          obs({ tokenStatus: 401, failures: [{ step: 'token', code: 'invalid_client' }] }),
        ).passed,
      ).toBe(false)
    }
    expect(lesson('code-single-use').judge(ok(), refused).actual).toBe(
      'The first exchange answered 200, the replayed code 400 invalid_grant, as expected.',
    )
  })

  it('state-protects-callback passes when the forged callback is refused before any token request', () => {
    const judge = lesson('state-protects-callback').judge
    const refused = obs({ failures: [{ step: 'callback', code: 'state_mismatch' }] })
    expect(judge(ok(), refused)).toEqual({
      passed: true,
      actual:
        'The genuine callback: token 200; the forged one: callback state_mismatch, token request not sent, as expected.',
    })
    expect(judge(ok(), ok()).passed).toBe(false)
    expect(
      judge(
        ok(),
        obs({ tokenStatus: 200, failures: [{ step: 'callback', code: 'state_mismatch' }] }),
      ).passed,
    ).toBe(false)
  })

  it('client-credentials-no-user names the service account and fails when an ID token came back', () => {
    const judge = lesson('client-credentials-no-user').judge
    const service = obs({
      tokenStatus: 200,
      accessToken: { preferred_username: 'service-account-oidc-lab-confidential' },
      userinfoStatus: 403,
      failures: [{ step: 'userinfo', code: 'insufficient_scope' }],
    })
    const withOpenid = ok({ userinfoStatus: 200 })
    const v = judge(service, withOpenid)
    expect(v.passed).toBe(true)
    expect(v.actual).toContain('for service-account-oidc-lab-confidential, no ID token')
    expect(judge({ ...service, idToken: { sub: 'x' } }, withOpenid).passed).toBe(false)
    expect(judge(service, { ...withOpenid, userinfoStatus: 403 }).passed).toBe(false)
  })
})

describe('client-secret-checked', () => {
  const judge = lesson('client-secret-checked').judge
  const issued = obs({ tokenStatus: 200, accessToken: { sub: 'svc' } })
  it('passes on 401 invalid_client without a token, and says so', () => {
    const refused = obs({
      tokenStatus: 401,
      failures: [{ step: 'client_credentials', code: 'invalid_client' }],
    })
    expect(judge(issued, refused)).toEqual({
      passed: true,
      actual:
        'With the right secret the token endpoint answered 200, with a wrong one 401 invalid_client, no token, as expected.',
    })
  })
  it('fails when the wrong secret still got a token', () => {
    expect(judge(issued, issued).passed).toBe(false)
  })
  it('runs on the demo confidential client, the second run with another secret', () => {
    const [right, wrong] = lesson('client-secret-checked').runs
    expect(right.clientSecret).toBe('oidc-lab-secret')
    expect(wrong.clientSecret).not.toBe(right.clientSecret)
  })
})

describe('observations', () => {
  it('reads a saved run: decoded token payloads, statuses, granted scope and failures', () => {
    const o = observeRun(
      {
        tokenStatus: 200,
        grantedScope: ['openid', 'email'],
        tokens: { idToken: jwt({ sub: 'a', email: 'alice@example.com' }), accessToken: 'opaque' },
        userinfo: { status: 403 },
      },
      [{ step: 'userinfo', code: 'insufficient_scope' }],
    )
    expect(o.idToken).toEqual({ sub: 'a', email: 'alice@example.com' })
    expect(o.accessToken).toBeUndefined()
    expect(o.grantedScope).toEqual(['openid', 'email'])
    expect(userinfoOutcome(o)).toBe('403 insufficient_scope')
    expect(tokenOutcome(o)).toBe('200')
  })

  it('says what was not sent or not called, and a failure without a code as failed', () => {
    const o = observeRun({ tokens: {} }, [{ step: 'token' }])
    expect(tokenOutcome(o)).toBe('not sent')
    expect(userinfoOutcome(o)).toBe('not called')
    expect(failureOf(o, 'token')).toBe('failed')
    expect(failureOf(o, 'userinfo')).toBeUndefined()
  })
})
