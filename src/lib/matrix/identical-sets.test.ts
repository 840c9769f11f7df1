import { describe, expect, it } from 'vitest'
import { buildScopeMatrix, type ScopeSetResult } from '@/lib/matrix/build-matrix'
import { explainIdenticalSets } from '@/lib/matrix/identical-sets'
import { demoScopeKinds } from '@/lib/scope-kinds/scope-kinds'

const base = { sub: 'u1', name: 'Alice', preferred_username: 'alice' }
const set = (scopes: string[], granted: string[] | undefined, extra = {}): ScopeSetResult => ({
  scopes,
  grantedScope: granted,
  claims: { id_token: { ...base, ...extra }, access_token: { ...base, ...extra }, userinfo: base },
  userinfoStatus: 200,
})

describe('explainIdenticalSets', () => {
  it('explains openid profile = openid by profile granted without being asked', () => {
    const matrix = buildScopeMatrix([
      set(['openid'], ['openid', 'profile']),
      set(['openid', 'profile'], ['openid', 'profile']),
      set(['openid', 'email'], ['openid', 'profile', 'email'], { email: 'a@example.com' }),
    ])
    expect(explainIdenticalSets(matrix)).toEqual([
      {
        sets: [0, 1],
        difference: ['profile'],
        reasons: [
          'profile is a default scope of this client: "openid" was granted "openid profile" without asking for it.',
        ],
      },
    ])
  })

  it('uses what is known of the client when the token response lists no scope', () => {
    const matrix = buildScopeMatrix([
      set(['openid'], undefined),
      set(['openid', 'profile'], undefined),
    ])
    const [pair] = explainIdenticalSets(matrix, demoScopeKinds('oidc-lab'))
    expect(pair?.reasons[0]).toContain(
      "profile is a default scope of this client (the demo realm's client oidc-lab)",
    )
    expect(explainIdenticalSets(matrix)[0]?.reasons[0]).toContain('adds no claim of its own')
  })

  it('says a scope was asked for but not granted', () => {
    const matrix = buildScopeMatrix([
      set(['openid'], ['openid']),
      set(['openid', 'phone'], ['openid']),
    ])
    expect(explainIdenticalSets(matrix)[0]?.reasons).toEqual([
      'phone was asked for in "openid phone" but not granted ("openid").',
    ])
  })

  it('columns that differ in a claim, in the userinfo status or by an error are not identical', () => {
    const withEmail = set(['openid', 'email'], ['openid', 'email'], { email: 'a@example.com' })
    const refused = { ...set(['profile'], ['profile']), userinfoStatus: 403 }
    const failed = { ...set(['openid', 'x'], undefined), error: 'invalid_scope' }
    const matrix = buildScopeMatrix([set(['openid'], ['openid']), withEmail, refused, failed])
    expect(explainIdenticalSets(matrix)).toEqual([])
  })
})
