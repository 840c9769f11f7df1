import { unsignedToken } from '@/testing/fixtures/jwt-signing'
import type { LabRun } from './types'

const ISSUER = 'http://localhost:8080/realms/demo'
const HEADER = { alg: 'RS256', kid: 'test-key', typ: 'JWT' }

export interface TestRunOptions {
  id?: string
  createdAt?: string
  scope?: string[]
  user?: string
  userinfoStatus?: number
  tokenStatus?: number
  /** Varies `iat`, `exp`, `jti`… between runs. */
  seed?: number
}

/** A demo-realm run for tests: the ID token and userinfo carry `email` when the scope asks for it. */
export function testRun(options: TestRunOptions = {}): LabRun {
  const {
    id = 'run-1',
    createdAt = '2026-01-02T10:42:00.000Z',
    scope = ['openid', 'profile'],
    user = 'alice',
    userinfoStatus = 200,
    tokenStatus = 200,
    seed = 0,
  } = options
  const iat = 1767350520 + seed * 60
  const profile = { name: 'Alice Liddell', preferred_username: user, given_name: 'Alice' }
  const email = scope.includes('email')
    ? { email: `${user}@example.com`, email_verified: true }
    : undefined
  const idToken = unsignedToken(HEADER, {
    iss: ISSUER,
    sub: `sub-${user}`,
    aud: 'oidc-lab',
    iat,
    exp: iat + 300,
    nonce: `nonce-${seed}`,
    ...(scope.includes('profile') ? profile : {}),
    ...email,
  })
  const accessToken = unsignedToken(HEADER, {
    iss: ISSUER,
    sub: `sub-${user}`,
    iat,
    exp: iat + 300,
    jti: `jti-${seed}`,
    scope: scope.join(' '),
  })
  return {
    v: 1,
    id,
    label: `${user} · oidc-lab · ${scope.join(' ')}`,
    createdAt,
    issuer: ISSUER,
    clientId: 'oidc-lab',
    clientType: 'public',
    requestedScope: scope,
    grantedScope: scope,
    user,
    tokens: scope.includes('openid') ? { idToken, accessToken } : { accessToken },
    tokenStatus,
    userinfo:
      userinfoStatus === 200
        ? { status: 200, claims: { sub: `sub-${user}`, ...profile, ...email } }
        : { status: userinfoStatus },
    checks: { idToken: [], accessToken: [], userinfo: [] },
    exchanges: [],
  }
}
