import { decodeJwt } from '@/lib/jwt/decode-jwt'
import type { LabRun } from '@/lib/runs/types'

/**
 * The lessons of `/#lessons`: each a short story, the outcome it expects (stated before playing),
 * two real runs on the demo realm, and a verdict that compares what happened with that outcome.
 * Pure: the runner (lesson-runner.ts) does the runs, this module only says what to run and judges.
 */

export const LESSON_IDS = [
  'userinfo-needs-openid',
  'email-is-optional',
  'default-scopes',
  'token-scope-ignored',
  'code-single-use',
  'pkce-protects-code',
  'state-protects-callback',
  'client-credentials-no-user',
  'client-secret-checked',
] as const
export type LessonId = (typeof LESSON_IDS)[number]

/** The demo realm's confidential client and its secret, as README.md "The demo realm" lists them. */
export const DEMO_CONFIDENTIAL_CLIENT = 'oidc-lab-confidential'
export const DEMO_CONFIDENTIAL_SECRET = 'oidc-lab-secret'

/**
 * How the lab misbehaves on purpose in a run:
 * - `replay_code`: sends the previous run's callback (its code) to the token endpoint again;
 * - `wrong_verifier`: a real code, exchanged with a `code_verifier` that was never sent;
 * - `forged_state`: a real callback whose `state` is replaced by one the lab never sent.
 */
export type LessonTamper = 'replay_code' | 'wrong_verifier' | 'forged_state'

/** One run of a lesson, as the runner plays it. */
export interface LessonRunPlan {
  /** What makes this run different, e.g. `without openid`; also the run's label in the history. */
  label: string
  clientId: string
  grant: 'authorization_code' | 'client_credentials'
  /** The authorization request's scope (code grant). */
  scopes: string[]
  /** The token request's own `scope` (client credentials, or one added to the code exchange). */
  tokenRequestScope?: string
  /** The demo secret of a confidential client. */
  clientSecret?: string
  tamper?: LessonTamper
}

/** What a run showed, read from the run as the history keeps it and from its failed steps. */
export interface LessonObservation {
  /** Status of the token endpoint's answer; undefined when no token request was sent. */
  tokenStatus?: number
  grantedScope?: string[]
  idToken?: Record<string, unknown>
  accessToken?: Record<string, unknown>
  /** Undefined when userinfo was not called. */
  userinfoStatus?: number
  userinfo?: Record<string, unknown>
  /** Each failed step and its diagnosis code, e.g. `{ step: 'token', code: 'invalid_grant' }`. */
  failures: { step: string; code?: string }[]
}

export interface LessonVerdict {
  passed: boolean
  /** What actually happened, in one or two sentences (`…, as expected` when passed). */
  actual: string
}

export interface Lesson {
  id: LessonId
  title: string
  /** The short story told before playing. */
  story: string
  /** The expected outcome, stated before playing. */
  expected: string
  /** The two runs, compared left (first) to right (second). */
  runs: readonly [LessonRunPlan, LessonRunPlan]
  judge: (first: LessonObservation, second: LessonObservation) => LessonVerdict
}

const code = (clientId: string, label: string, scopes: string[]): LessonRunPlan => ({
  label,
  clientId,
  grant: 'authorization_code',
  scopes,
})

/** The diagnosis code of a failed step, if that step failed. */
export function failureOf(o: LessonObservation, step: string): string | undefined {
  const failure = o.failures.find((f) => f.step === step)
  return failure ? (failure.code ?? 'failed') : undefined
}

const has = (claims: Record<string, unknown> | undefined, name: string) =>
  claims !== undefined && claims[name] !== undefined

/** `403 insufficient_scope`, `200`, `not called`. */
export function userinfoOutcome(o: LessonObservation): string {
  if (o.userinfoStatus === undefined) return 'not called'
  const why = failureOf(o, 'userinfo')
  return why ? `${o.userinfoStatus} ${why}` : String(o.userinfoStatus)
}

/** `200`, `400 invalid_grant`, `not sent`. */
export function tokenOutcome(o: LessonObservation, step = 'token'): string {
  if (o.tokenStatus === undefined) return 'not sent'
  const why = failureOf(o, step)
  return why ? `${o.tokenStatus} ${why}` : String(o.tokenStatus)
}

const scopeText = (scope: string[] | undefined) =>
  scope === undefined ? '(no scope in the answer)' : `"${scope.join(' ')}"`

const verdict = (passed: boolean, happened: string): LessonVerdict => ({
  passed,
  actual: passed ? `${happened}, as expected.` : `${happened}: not what the lesson expected.`,
})

function emailWhere(o: LessonObservation): string {
  const places = [
    has(o.idToken, 'email') && 'ID token',
    has(o.accessToken, 'email') && 'access token',
    has(o.userinfo, 'email') && 'userinfo',
  ].filter((p): p is string => typeof p === 'string')
  return places.length ? `email in the ${places.join(', ')}` : 'no email claim anywhere'
}

const emailAnywhere = (o: LessonObservation) =>
  has(o.idToken, 'email') || has(o.accessToken, 'email') || has(o.userinfo, 'email')

export const LESSONS: readonly Lesson[] = [
  {
    id: 'userinfo-needs-openid',
    title: 'Userinfo needs openid',
    story:
      'A developer asks for "profile" to show the user\'s name, calls userinfo with the access token, and gets a 403. Userinfo is an OpenID Connect endpoint: the token must carry the openid scope.',
    expected:
      'Without openid, userinfo answers 403 insufficient_scope; with openid, the same call answers 200.',
    runs: [
      code('oidc-lab', 'without openid', ['profile']),
      code('oidc-lab', 'with openid', ['openid', 'profile']),
    ],
    judge: (a, b) =>
      verdict(
        a.userinfoStatus === 403 &&
          failureOf(a, 'userinfo') === 'insufficient_scope' &&
          b.userinfoStatus === 200,
        `Userinfo answered ${userinfoOutcome(a)} without openid and ${userinfoOutcome(b)} with it`,
      ),
  },
  {
    id: 'email-is-optional',
    title: 'Email is an optional scope',
    story:
      'The app shows the user\'s email, yet the claim is missing. For the client oidc-lab, "email" is an optional client scope: it applies only when the authorization request asks for it.',
    expected:
      'With "openid" alone there is no email claim; with "openid email" the email claim is there.',
    runs: [
      code('oidc-lab', 'openid only', ['openid']),
      code('oidc-lab', 'with email', ['openid', 'email']),
    ],
    judge: (a, b) =>
      verdict(
        !emailAnywhere(a) && has(b.idToken, 'email'),
        `Without email: ${emailWhere(a)}; with email: ${emailWhere(b)}`,
      ),
  },
  {
    id: 'default-scopes',
    title: 'Default scopes are always applied',
    story:
      'A teammate unticks "email" to stop sharing the address, but it keeps arriving. On the client oidc-lab-defaults, "email" is a default client scope: the provider applies it whether it is asked for or not.',
    expected:
      'With and without "email" in the request, the email claim is in the ID token and "email" is granted: unticking it changes nothing.',
    runs: [
      code('oidc-lab-defaults', 'with email', ['openid', 'email']),
      code('oidc-lab-defaults', 'without email', ['openid']),
    ],
    judge: (a, b) =>
      verdict(
        has(a.idToken, 'email') &&
          has(b.idToken, 'email') &&
          (b.grantedScope ?? []).includes('email'),
        `Asked with email: ${emailWhere(a)}, granted ${scopeText(a.grantedScope)}; asked without: ${emailWhere(b)}, granted ${scopeText(b.grantedScope)}`,
      ),
  },
  {
    id: 'token-scope-ignored',
    title: 'A scope at /token does not widen a code grant',
    story:
      'Someone tries to get more than the user consented to by adding "email" to the code exchange. The code carries the scope of the authorization request; the token request cannot widen it.',
    expected:
      'The code exchange that adds "openid email" still succeeds, grants no "email" and brings no email claim.',
    runs: [
      code('oidc-lab', 'openid only', ['openid']),
      {
        ...code('oidc-lab', 'email added at /token', ['openid']),
        tokenRequestScope: 'openid email',
      },
    ],
    judge: (a, b) =>
      verdict(
        a.tokenStatus === 200 &&
          b.tokenStatus === 200 &&
          b.grantedScope !== undefined &&
          !b.grantedScope.includes('email') &&
          !has(b.idToken, 'email') &&
          !has(b.accessToken, 'email'),
        `The token request with "openid email" answered ${tokenOutcome(b)}, granted ${scopeText(b.grantedScope)}, ${emailWhere(b)}`,
      ),
  },
  {
    id: 'code-single-use',
    title: 'An authorization code works once',
    story:
      'A callback URL leaks into a log and someone sends its code to the token endpoint again. Authorization codes are single-use: the second exchange is refused.',
    expected: 'The first exchange answers 200; the same code sent again answers invalid_grant.',
    runs: [
      code('oidc-lab', 'first exchange', ['openid']),
      { ...code('oidc-lab', 'same code again', ['openid']), tamper: 'replay_code' },
    ],
    judge: (a, b) =>
      verdict(
        a.tokenStatus === 200 && failureOf(b, 'token') === 'invalid_grant',
        `The first exchange answered ${tokenOutcome(a)}, the replayed code ${tokenOutcome(b)}`,
      ),
  },
  {
    id: 'pkce-protects-code',
    title: 'PKCE protects the code',
    story:
      'An attacker intercepts a code but not the code_verifier, which never left the app. Without the verifier whose hash was sent in the authorization request, the code is worthless.',
    expected: 'The right verifier answers 200; a different verifier answers invalid_grant.',
    runs: [
      code('oidc-lab', 'right verifier', ['openid']),
      { ...code('oidc-lab', 'wrong verifier', ['openid']), tamper: 'wrong_verifier' },
    ],
    judge: (a, b) =>
      verdict(
        a.tokenStatus === 200 && failureOf(b, 'token') === 'invalid_grant',
        `With the right verifier the token endpoint answered ${tokenOutcome(a)}, with a wrong one ${tokenOutcome(b)}`,
      ),
  },
  {
    id: 'state-protects-callback',
    title: 'State protects the callback',
    story:
      'An attacker sends the victim a callback link carrying a real code, hoping the app signs the victim in to the attacker\'s session. The app only accepts a callback whose "state" is the one it sent.',
    expected:
      'The genuine callback leads to tokens; the forged one is refused with state_mismatch and its code is never exchanged.',
    runs: [
      code('oidc-lab', 'genuine callback', ['openid']),
      { ...code('oidc-lab', 'forged callback', ['openid']), tamper: 'forged_state' },
    ],
    judge: (a, b) =>
      verdict(
        a.tokenStatus === 200 &&
          failureOf(b, 'callback') === 'state_mismatch' &&
          b.tokenStatus === undefined,
        `The genuine callback: token ${tokenOutcome(a)}; the forged one: callback ${failureOf(b, 'callback') ?? 'accepted'}, token request ${tokenOutcome(b)}`,
      ),
  },
  {
    id: 'client-credentials-no-user',
    title: 'Client credentials: a service account, no user',
    story:
      "A backend gets its own token with its client secret: no browser, no user. The token is about the client's service account, there is no ID token, and userinfo still wants openid.",
    expected:
      'With "api:read": a token, no ID token, userinfo 403 insufficient_scope. With "openid": userinfo answers 200 about the service account.',
    runs: [
      {
        label: 'api:read',
        clientId: DEMO_CONFIDENTIAL_CLIENT,
        grant: 'client_credentials',
        scopes: [],
        tokenRequestScope: 'api:read',
        clientSecret: DEMO_CONFIDENTIAL_SECRET,
      },
      {
        label: 'openid',
        clientId: DEMO_CONFIDENTIAL_CLIENT,
        grant: 'client_credentials',
        scopes: [],
        tokenRequestScope: 'openid',
        clientSecret: DEMO_CONFIDENTIAL_SECRET,
      },
    ],
    judge: (a, b) => {
      const subject = a.accessToken?.preferred_username ?? a.accessToken?.sub
      return verdict(
        a.tokenStatus === 200 &&
          a.idToken === undefined &&
          a.accessToken !== undefined &&
          a.userinfoStatus === 403 &&
          failureOf(a, 'userinfo') === 'insufficient_scope' &&
          b.userinfoStatus === 200,
        `With api:read: token ${tokenOutcome(a, 'client_credentials')} for ${typeof subject === 'string' ? subject : 'an unknown subject'}, ${a.idToken ? 'an ID token' : 'no ID token'}, userinfo ${userinfoOutcome(a)}; with openid: userinfo ${userinfoOutcome(b)}`,
      )
    },
  },
  {
    id: 'client-secret-checked',
    title: 'The token endpoint checks the client secret',
    story:
      'A backend is deployed with a stale secret after a rotation. A confidential client proves who it is at the token endpoint; with the wrong secret nothing is issued, whatever the scope.',
    expected:
      'With the right secret the token request answers 200; with a wrong secret it answers 401 invalid_client and no token.',
    runs: [
      {
        label: 'right secret',
        clientId: DEMO_CONFIDENTIAL_CLIENT,
        grant: 'client_credentials',
        scopes: [],
        tokenRequestScope: 'api:read',
        clientSecret: DEMO_CONFIDENTIAL_SECRET,
      },
      {
        label: 'wrong secret',
        clientId: DEMO_CONFIDENTIAL_CLIENT,
        grant: 'client_credentials',
        scopes: [],
        tokenRequestScope: 'api:read',
        clientSecret: 'not-the-secret',
      },
    ],
    judge: (a, b) =>
      verdict(
        a.tokenStatus === 200 &&
          a.accessToken !== undefined &&
          failureOf(b, 'client_credentials') === 'invalid_client' &&
          b.accessToken === undefined,
        `With the right secret the token endpoint answered ${tokenOutcome(a, 'client_credentials')}, with a wrong one ${tokenOutcome(b, 'client_credentials')}${b.accessToken ? ' and still issued a token' : ', no token'}`,
      ),
  },
]

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id)
}

const payloadOf = (raw: string | undefined) => (raw ? decodeJwt(raw).payload : undefined)

/** What a recorded run showed, for the verdict (tokens decoded, not verified). */
export function observeRun(
  run: Pick<LabRun, 'tokenStatus' | 'grantedScope' | 'tokens' | 'userinfo'>,
  failures: LessonObservation['failures'],
): LessonObservation {
  return {
    tokenStatus: run.tokenStatus,
    grantedScope: run.grantedScope,
    idToken: payloadOf(run.tokens.idToken),
    accessToken: payloadOf(run.tokens.accessToken),
    userinfoStatus: run.userinfo?.status,
    userinfo: run.userinfo?.claims,
    failures,
  }
}

/** The history's comparison of a lesson's two runs. */
export const compareHash = (ids: readonly [string, string]) => `#compare=${ids.join(',')}`
