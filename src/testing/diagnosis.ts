/**
 * Helpers for the diagnosis tests: a bare response record, the well-formedness every diagnosis
 * must have, and the process-then-diagnose order the callers follow.
 */
import { expect } from 'vitest'
import type { Diagnosis } from '@/lib/oidc/diagnose'
import { processTokenResponse } from '@/lib/oidc/token-response'
import type { OidcError } from '@/lib/oidc/types'
import { processUserinfoResponse } from '@/lib/oidc/userinfo'
import type { HttpResponseRecord } from '@/lib/wire/http-types'

export const ORIGIN = 'http://localhost:5173'
export const TOKEN_URL = 'http://localhost:8080/realms/demo/protocol/openid-connect/token'

export const res = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponseRecord => ({
  status,
  statusText: '',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

export function expectWellFormed(d: Diagnosis): void {
  expect(d.title).toMatch(/\S/)
  expect(d.explanation).toMatch(/\S/)
  expect(d.cause).toMatch(/\S/)
  expect(d.fix).toMatch(/\S/)
  expect(d.specLinks.length).toBeGreaterThan(0)
  expect(new Set(d.specLinks.map((l) => l.href)).size).toBe(d.specLinks.length)
}

/** The `error` of `processTokenResponse`, as the token step passes it on; undefined when ok. */
export function tokenErrorOf(response: HttpResponseRecord | undefined): OidcError | undefined {
  const result = response ? processTokenResponse(response) : undefined
  return result && !result.ok ? result.error : undefined
}

/** The `error` of `processUserinfoResponse`, as the userinfo step passes it on; undefined when ok. */
export function userinfoErrorOf(response: HttpResponseRecord | undefined): OidcError | undefined {
  const result = response ? processUserinfoResponse(response) : undefined
  return result && !result.ok ? result.error : undefined
}
