import { describe, expect, test, vi } from 'vitest'
import { defaultConfig, type LabConfig } from '@/lib/lab-config/lab-config'
import type { DiagnosisAction } from '@/lib/oidc/diagnose'
import { ACTIONS, actionButton } from '@/features/flow/actions/action-table'
import type { Lab } from '@/features/flow/lab'

function fakeLab(patch: Partial<LabConfig> = {}) {
  const config = { ...defaultConfig('http://localhost:8080/realms/demo'), ...patch }
  const lab = { config, rerun: vi.fn(), updateConfig: vi.fn() }
  return lab as typeof lab & Lab
}

describe('the diagnosis action table', () => {
  test.each<[DiagnosisAction, Partial<LabConfig>, string, 'rerun' | 'updateConfig', unknown]>([
    [
      { kind: 'rerun_with_scope', scope: 'openid' },
      { scopes: ['profile'] },
      'Run again with openid',
      'rerun',
      { scopes: ['openid', 'profile'] },
    ],
    [
      { kind: 'rerun_without_scope', scope: 'bogus' },
      { scopes: ['openid', 'bogus'] },
      'Run again without bogus',
      'rerun',
      { scopes: ['openid'] },
    ],
    [{ kind: 'restart_flow' }, {}, 'Sign in again', 'rerun', {}],
    [
      { kind: 'enable_pkce' },
      { usePkce: false, clientType: 'confidential' },
      'Turn on PKCE and run again',
      'rerun',
      { usePkce: true },
    ],
    [
      { kind: 'send_nonce' },
      { nonceMode: 'never' },
      'Send a nonce and run again',
      'rerun',
      { nonceMode: 'always' },
    ],
    [
      { kind: 'remove_prompt_none' },
      { extras: { prompt: 'none', login_hint: '', max_age: '', acr_values: '', ui_locales: '' } },
      'Run again without prompt=none',
      'rerun',
      { extras: { prompt: '', login_hint: '', max_age: '', acr_values: '', ui_locales: '' } },
    ],
    [
      { kind: 'switch_client_auth', method: 'client_secret_basic' },
      { clientType: 'confidential', authMethod: 'client_secret_post' },
      'Switch to client_secret_basic and run again',
      'rerun',
      { authMethod: 'client_secret_basic' },
    ],
    [
      { kind: 'use_issuer', issuer: 'https://op.example' },
      {},
      'Use https://op.example',
      'updateConfig',
      { preset: 'custom', issuer: 'https://op.example' },
    ],
    [
      { kind: 'use_legacy_path', issuer: 'http://kc/auth/realms/r' },
      { preset: 'keycloak' },
      'Use the legacy /auth path',
      'updateConfig',
      { keycloak: { baseUrl: 'http://localhost:8080', realm: 'master', legacyAuthPath: true } },
    ],
    [
      { kind: 'remove_legacy_path', issuer: 'http://kc/realms/r' },
      { preset: 'keycloak', keycloak: { baseUrl: 'http://kc', realm: 'r', legacyAuthPath: true } },
      'Remove the /auth path',
      'updateConfig',
      { keycloak: { baseUrl: 'http://kc', realm: 'r', legacyAuthPath: false } },
    ],
  ])('%j: the button says what it does, and does it', (action, patch, label, command, argument) => {
    const lab = fakeLab(patch)
    const button = actionButton(action, lab)
    expect(button?.label).toBe(label)
    button?.run()
    expect(lab[command]).toHaveBeenCalledWith(argument)
  })

  test('every action kind has a handler (the mapped type enforces it; this guards the runtime)', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(
      [
        'enable_pkce',
        'remove_legacy_path',
        'remove_prompt_none',
        'rerun_with_scope',
        'rerun_without_scope',
        'restart_flow',
        'send_nonce',
        'switch_client_auth',
        'use_issuer',
        'use_legacy_path',
      ].sort(),
    )
  })

  test.each<[DiagnosisAction, Partial<LabConfig>]>([
    [{ kind: 'rerun_with_scope', scope: 'openid' }, { scopes: ['openid', 'profile'] }],
    [{ kind: 'rerun_without_scope', scope: 'email' }, { scopes: ['openid'] }],
    [{ kind: 'enable_pkce' }, { usePkce: true }],
    [{ kind: 'send_nonce' }, { nonceMode: 'always' }],
    [{ kind: 'remove_prompt_none' }, {}],
    [{ kind: 'switch_client_auth', method: 'client_secret_basic' }, { clientType: 'public' }],
  ])('%j is not offered where it would change nothing', (action, patch) => {
    expect(actionButton(action, fakeLab(patch))).toBeUndefined()
  })

  test('client credentials: the scope goes into the token request, and the button says so', () => {
    const lab = fakeLab({ grant: 'client_credentials', tokenRequestScope: 'api:read' })
    const button = actionButton({ kind: 'rerun_with_scope', scope: 'openid' }, lab)
    expect(button?.label).toBe('Request again with openid')
    button?.run()
    expect(lab.rerun).toHaveBeenCalledWith({ tokenRequestScope: 'openid api:read' })
    const done = fakeLab({ grant: 'client_credentials', tokenRequestScope: 'openid api:read' })
    expect(actionButton({ kind: 'rerun_with_scope', scope: 'openid' }, done)).toBeUndefined()
  })

  test('no action, no button', () => {
    expect(actionButton(undefined, fakeLab())).toBeUndefined()
  })
})

describe('use_issuer on another host', () => {
  const action: DiagnosisAction = {
    kind: 'use_issuer',
    issuer: 'https://evil.example/realms/demo',
    otherHost: { typed: 'login.example', stated: 'evil.example' },
  }

  test('the label warns that the host differs', () => {
    expect(actionButton(action, fakeLab())?.label).toBe(
      'Use https://evil.example/realms/demo (another host: evil.example)…',
    )
  })

  test('nothing is adopted when the confirm is declined, or when there is no confirm at all', () => {
    const lab = fakeLab()
    vi.stubGlobal('confirm', () => false)
    actionButton(action, lab)?.run()
    vi.stubGlobal('confirm', undefined)
    actionButton(action, lab)?.run()
    vi.unstubAllGlobals()
    expect(lab.updateConfig).not.toHaveBeenCalled()
  })

  test('a deliberate confirm, naming both hosts, adopts it', () => {
    const lab = fakeLab()
    const confirm = vi.fn(() => true)
    vi.stubGlobal('confirm', confirm)
    actionButton(action, lab)?.run()
    vi.unstubAllGlobals()
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('login.example'))
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('another host (evil.example)'))
    expect(lab.updateConfig).toHaveBeenCalledWith({
      preset: 'custom',
      issuer: 'https://evil.example/realms/demo',
    })
  })
})
