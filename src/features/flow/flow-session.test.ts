import { describe, expect, test } from 'vitest'
import { defaultConfig } from '@/lib/lab-config/lab-config'
import {
  createFlowSession,
  persistedFlow,
  secretNeededAcrossRedirect,
  STORAGE_KEYS,
} from '@/features/flow/flow-session'
import { initialFlowState } from '@/features/flow/flow-reducer'
import { recorded } from '@/testing/step-inputs'

class MemoryStorage implements Storage {
  private items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}

const config = defaultConfig('http://localhost:8080/realms/demo')

function stores() {
  const session = new MemoryStorage()
  const local = new MemoryStorage()
  return { session, local, flows: createFlowSession(session, local) }
}

describe('flow session', () => {
  test('a saved flow comes back as it was, with nothing running', () => {
    const { flows } = stores()
    const exchange = recorded('token', undefined)
    const flow = { ...initialFlowState(config), sent: { token: [exchange.id] }, running: ['token'] }
    flows.save({ flow, exchanges: [exchange] })
    expect(flows.load()).toEqual({
      session: { flow: { ...flow, running: [] }, exchanges: [exchange] },
      notices: [],
    })
  })

  test('a secret is remembered only when asked', () => {
    const { flows, local } = stores()
    const secretConfig = { ...config, clientSecret: 's3cret' }
    flows.save({ flow: initialFlowState(secretConfig), exchanges: [] })
    expect(local.getItem(STORAGE_KEYS.remembered)).not.toContain('s3cret')
    flows.save({ flow: initialFlowState({ ...secretConfig, rememberSecret: true }), exchanges: [] })
    expect(local.getItem(STORAGE_KEYS.remembered)).toContain('s3cret')
  })

  describe('the client secret in sessionStorage', () => {
    const confidential = { ...config, clientType: 'confidential' as const, clientSecret: 's3cret' }
    const prepared = initialFlowState(confidential)
    const request = { state: 's', nonce: 'n', codeVerifier: 'v' }
    const away = { ...prepared, request: { ...request, url: 'http://idp/auth', startedAt: 't' } }
    const exchanged = {
      ...away,
      callback: { url: 'http://app/callback?code=c', receivedAt: 't' },
      sent: { token: ['x-1'] },
    }

    test.each([
      ['before Start authorization', { ...prepared, request }, false],
      ['away at the provider', away, true],
      ['back, code not yet exchanged', { ...away, callback: exchanged.callback }, true],
      ['after the code exchange', exchanged, false],
      [
        'library mode, back from the provider',
        { ...away, mode: 'library' as const, callback: exchanged.callback },
        false,
      ],
      [
        'away for logout',
        { ...exchanged, logout: { state: 'l', url: 'http://idp/logout', startedAt: 't' } },
        true,
      ],
      [
        'back from logout',
        { ...exchanged, logout: { state: 'l', url: 'u', startedAt: 't', returnedAt: 't' } },
        false,
      ],
      [
        'a public client',
        { ...away, config: { ...confidential, clientType: 'public' as const } },
        false,
      ],
    ])('%s: kept = %s', (_when, flow, kept) => {
      expect(secretNeededAcrossRedirect(flow)).toBe(kept)
      expect(persistedFlow(flow).config.clientSecret).toBe(kept ? 's3cret' : '')
      // the flow in memory keeps it
      expect(flow.config.clientSecret).toBe('s3cret')
    })

    test('a remembered secret stays, the user asked for it', () => {
      const flow = { ...exchanged, config: { ...confidential, rememberSecret: true } }
      expect(persistedFlow(flow).config.clientSecret).toBe('s3cret')
    })

    test('the recorded token request keeps its secret in memory only', () => {
      const { flows, session } = stores()
      const post = recorded('token', undefined, [
        ['grant_type', 'authorization_code'],
        ['client_id', 'app'],
        ['client_secret', 's3cret'],
      ])
      const basic = recorded('token', undefined)
      basic.request.headers = { Authorization: `Basic ${btoa('app:s3cret')}` }
      flows.save({ flow: exchanged, exchanges: [post, basic] })
      const stored = `${session.getItem(STORAGE_KEYS.flow)}${session.getItem(STORAGE_KEYS.exchanges)}`
      expect(stored).not.toContain('s3cret')
      expect(stored).not.toContain(btoa('app:s3cret'))
      expect(stored).toContain('authorization_code')
      expect(post.request.form).toContainEqual(['client_secret', 's3cret'])
      expect(basic.request.headers.Authorization).toBe(`Basic ${btoa('app:s3cret')}`)
    })
  })

  test.each([
    ['not JSON', '{"config":'],
    ['an empty config', '{"config":{}}'],
    ['an older shape', JSON.stringify({ config, tokenExchanges: [], userinfoExchanges: [] })],
    ['null', 'null'],
  ])('a saved flow that is %s is dropped with a notice, never a crash', (_what, text) => {
    const { flows, session } = stores()
    session.setItem(STORAGE_KEYS.flow, text)
    const loaded = flows.load()
    expect(loaded.session).toBeUndefined()
    expect(loaded.notices).toHaveLength(1)
    expect(loaded.notices[0]).toMatch(/^The saved flow of this tab was unreadable/)
    expect(session.getItem(STORAGE_KEYS.flow)).toBeNull()
  })

  test('unreadable exchanges are dropped, the readable ones kept', () => {
    const { flows, session } = stores()
    const good = recorded('token', undefined)
    flows.save({ flow: initialFlowState(config), exchanges: [good] })
    session.setItem(STORAGE_KEYS.exchanges, JSON.stringify([null, good, { id: 1 }]))
    const loaded = flows.load()
    expect(loaded.session?.exchanges).toEqual([good])
    expect(loaded.notices).toEqual(['2 unreadable entries of the saved exchange log were dropped.'])
  })

  test.each([
    ['{"clientId":null}', 'clientId'],
    ['{"scopes":"openid"}', 'scopes'],
    ['{"extras":null}', 'extras'],
    ['{"issuer":123,"preset":"custom"}', 'issuer'],
  ])('a remembered setup %s keeps its good fields and resets %s', (text, field) => {
    const { flows, local } = stores()
    local.setItem(STORAGE_KEYS.remembered, text)
    const remembered = flows.loadRemembered()
    expect(remembered.config).not.toHaveProperty(field)
    expect(remembered.notices).toEqual([
      `Some remembered settings were unreadable and were reset: ${field}.`,
    ])
  })

  test('a remembered setup that is not an object is dropped', () => {
    const { flows, local } = stores()
    local.setItem(STORAGE_KEYS.remembered, '[1,2]')
    expect(flows.loadRemembered()).toEqual({
      notices: ['The remembered setup was unreadable and was dropped.'],
    })
  })
})
