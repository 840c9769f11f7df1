import { describe, expect, test } from 'vitest'
import { diagnosis } from '@/lib/oidc/diagnose/shared'
import { runStepName, savedDiagnosis } from './run-diagnoses'

describe('the diagnoses a saved run keeps', () => {
  test('an error is kept with its words and facts, without its one-click action', () => {
    const d = diagnosis('insufficient_scope', {
      known: ['userinfo answered 403'],
      action: { kind: 'rerun_with_scope', scope: 'openid' },
    })
    const saved = savedDiagnosis('userinfo', d)
    expect(saved?.stepId).toBe('userinfo')
    expect(saved?.diagnosis.code).toBe('insufficient_scope')
    expect(saved?.diagnosis.known).toEqual(['userinfo answered 403'])
    expect(saved?.diagnosis.fix).toBe(d.fix)
    expect(saved?.diagnosis).not.toHaveProperty('action')
  })

  test('no diagnosis, or an info note, is not kept', () => {
    expect(savedDiagnosis('token', undefined)).toBeUndefined()
    expect(
      savedDiagnosis('device', diagnosis('insufficient_scope', { severity: 'info' })),
    ).toBeUndefined()
  })

  test('steps are named as the lab names them; an unknown id is shown as it is', () => {
    expect(runStepName('userinfo')).toBe('Userinfo')
    expect(runStepName('client-credentials')).toBe('Client credentials')
    expect(runStepName('custom-step')).toBe('custom-step')
  })
})
