import { describe, expect, test } from 'vitest'
import { testRun } from '@/testing/fixtures/run-fixtures'
import { withoutRawTokens } from './history-settings'
import { stripSignature } from './run-export'
import { runViews } from './run-views'
import { isUnsigned, withheldSummary } from './withheld'

const raw = { ...testRun(), tokens: { ...testRun().tokens, refreshToken: 'rt-123' } }
const kept = withoutRawTokens(raw)

describe('what the history says about raw tokens it did not keep', () => {
  test('a run kept as issued says nothing', () => {
    expect(withheldSummary(raw)).toBeUndefined()
  })

  test('a run kept without raw tokens names what is missing and how to keep it', () => {
    expect(withheldSummary(kept)).toBe(
      'Raw tokens not kept: decoded headers and claims only, no signatures, no refresh token. To keep raw tokens with the runs you save from now on, tick “Keep raw tokens in history” on the History view and run the flow again.',
    )
  })

  test('an opaque access token not kept reads as not kept, never as absent', () => {
    const opaque = withoutRawTokens({ ...raw, tokens: { accessToken: 'opaque-123' } })
    expect(runViews(opaque).find((v) => v.id === 'access_token')?.status).toBe(
      'not kept in the history (not a signed JWT)',
    )
    expect(runViews(testRun({ scope: ['profile'] }))[0]?.status).toBe('absent')
    expect(withheldSummary(opaque)).toContain('no access token (not a signed JWT)')
  })

  test('a run imported from an export without raw tokens says where they went', () => {
    const imported = {
      ...raw,
      tokens: { idToken: stripSignature(raw.tokens.idToken) },
      imported: { from: 'export' as const, at: '2026-01-02T11:00:00.000Z' },
    }
    expect(isUnsigned(imported.tokens.idToken)).toBe(true)
    expect(withheldSummary(imported)).toContain('import a file that holds the raw tokens')
  })
})
