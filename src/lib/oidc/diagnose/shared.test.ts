import { describe, expect, test } from 'vitest'
import { SPEC } from '../spec-links'
import { DIAGNOSIS_TEXT } from './index'
import { diagnosis } from './shared'

describe('DIAGNOSIS_TEXT', () => {
  test('every code has complete wording and https links', () => {
    for (const [code, text] of Object.entries(DIAGNOSIS_TEXT)) {
      expect(code).toMatch(/^[a-z_]+$/)
      expect(text.title && text.explanation && text.cause && text.fix).toBeTruthy()
      expect(text.specLinks.every((l) => l.href.startsWith('https://'))).toBe(true)
    }
  })
})

describe('diagnosis', () => {
  test('defaults come from DIAGNOSIS_TEXT, severity included', () => {
    expect(diagnosis('slow_down')).toMatchObject({
      severity: 'info',
      title: DIAGNOSIS_TEXT.slow_down.title,
      known: [],
      guessed: [],
    })
    expect(diagnosis('invalid_grant').severity).toBe('error')
    expect(diagnosis('invalid_grant', { severity: 'warning' }).severity).toBe('warning')
  })

  test('extra spec links are appended without duplicates', () => {
    const d = diagnosis('invalid_grant', { specLinks: [SPEC.pkceVerify, SPEC.oauthRefresh] })
    expect(d.specLinks.map((l) => l.href)).toEqual([
      ...DIAGNOSIS_TEXT.invalid_grant.specLinks.map((l) => l.href),
      SPEC.oauthRefresh.href,
    ])
  })
})
