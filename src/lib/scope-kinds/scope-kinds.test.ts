import { describe, expect, it } from 'vitest'
import { clients } from '../../../idp/realm'
import { DEMO_CLIENT_SCOPES, demoScopeKinds, inferScopeKinds, SCOPE_KIND_TAGS } from './scope-kinds'

describe('the demo realm table', () => {
  it('matches the realm data in idp/realm.ts, client by client', () => {
    expect(Object.keys(DEMO_CLIENT_SCOPES).sort()).toEqual(clients.map((c) => c.clientId).sort())
    for (const client of clients) {
      const table = DEMO_CLIENT_SCOPES[client.clientId]
      expect(table?.default, client.clientId).toEqual([...client.defaultScopes])
      expect(table?.optional, client.clientId).toEqual([...client.optionalScopes])
    }
  })

  it('marks email optional on oidc-lab and default on oidc-lab-defaults; nothing for an unknown client', () => {
    expect(demoScopeKinds('oidc-lab').get('email')).toEqual({
      kind: 'optional',
      source: "the demo realm's client oidc-lab",
    })
    expect(demoScopeKinds('oidc-lab-defaults').get('email')?.kind).toBe('default')
    expect(demoScopeKinds('oidc-lab').get('profile')?.kind).toBe('default')
    expect(demoScopeKinds('oidc-lab').has('openid')).toBe(false)
    expect(demoScopeKinds('someone-else').size).toBe(0)
    expect(SCOPE_KIND_TAGS.default).toBe('default — always applied')
  })
})

describe('inferScopeKinds from earlier runs', () => {
  const issuer = 'https://idp.example'
  const run = (requestedScope: string[], grantedScope?: string[], clientId = 'app') => ({
    issuer,
    clientId,
    requestedScope,
    grantedScope,
  })

  it('a scope granted without being asked is default; granted only when asked is optional', () => {
    const kinds = inferScopeKinds(
      [
        run(['openid'], ['openid', 'profile']),
        run(['openid', 'email'], ['openid', 'profile', 'email']),
      ],
      issuer,
      'app',
    )
    expect(kinds.get('profile')).toEqual({
      kind: 'default',
      source: 'granted without being asked in 2 earlier runs of app',
    })
    expect(kinds.get('email')).toEqual({
      kind: 'optional',
      source: 'granted when asked, absent otherwise, in 2 earlier runs of app',
    })
    // openid was asked every time: nothing is known about it
    expect(kinds.has('openid')).toBe(false)
  })

  it('ignores other clients, other issuers and runs without a granted scope', () => {
    const runs = [
      run(['openid'], ['openid', 'profile'], 'other'),
      { ...run(['openid'], ['openid', 'profile']), issuer: 'https://elsewhere' },
      run(['openid']),
      run(['openid', 'email'], ['openid', 'email']),
    ]
    expect(inferScopeKinds(runs, issuer, 'app').size).toBe(0)
  })

  it('once seen granted unasked, a scope stays default even if it was also asked for', () => {
    const kinds = inferScopeKinds(
      [run(['openid', 'email'], ['openid', 'email']), run(['openid'], ['openid', 'email'])],
      issuer,
      'app',
    )
    expect(kinds.get('email')?.kind).toBe('default')
  })
})
