import { z } from 'zod/mini'
import type { LabRun } from './types'

// zod/mini ships no messages: English ones, so a skipped run says why
z.config(z.locales.en())

const stringArray = z.array(z.string())
const stringRecord = z.record(z.string(), z.string())
const isoDate = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'))

const checkSchema = z.looseObject({
  id: z.string(),
  status: z.enum(['pass', 'fail', 'warn', 'skip']),
  code: z.string(),
  message: z.string(),
})

const exchangeSchema = z.looseObject({
  id: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  request: z.looseObject({ method: z.string(), url: z.string(), headers: stringRecord }),
  response: z.optional(
    z.looseObject({ status: z.number(), headers: stringRecord, body: z.string() }),
  ),
})

/** The shape of a stored `LabRun` (version 1); unknown extra fields are tolerated. */
const labRunSchema = z.looseObject({
  v: z.literal(1),
  id: z.string().check(z.minLength(1)),
  label: z.string(),
  createdAt: isoDate,
  issuer: z.string(),
  clientId: z.string(),
  clientType: z.enum(['public', 'confidential']),
  requestedScope: stringArray,
  grantedScope: z.optional(stringArray),
  user: z.optional(z.string()),
  tokens: z.looseObject({
    idToken: z.optional(z.string()),
    accessToken: z.optional(z.string()),
    refreshToken: z.optional(z.string()),
  }),
  tokenStatus: z.optional(z.int()),
  userinfo: z.optional(
    z.looseObject({
      status: z.optional(z.int()),
      claims: z.optional(z.record(z.string(), z.unknown())),
    }),
  ),
  checks: z.looseObject({
    idToken: z.array(checkSchema),
    accessToken: z.array(checkSchema),
    userinfo: z.array(checkSchema),
  }),
  exchanges: z.array(exchangeSchema),
  imported: z.optional(
    z.looseObject({
      from: z.enum(['export', 'har']),
      file: z.optional(z.string()),
      at: z.string(),
      notes: z.optional(stringArray),
    }),
  ),
  diagnoses: z.optional(
    z.array(
      z.looseObject({
        stepId: z.string(),
        // every field the diagnosis view reads, so a hand-edited file cannot break it
        diagnosis: z.looseObject({
          code: z.string(),
          severity: z.enum(['error', 'warning', 'info']),
          title: z.string(),
          explanation: z.string(),
          cause: z.string(),
          fix: z.string(),
          known: stringArray,
          guessed: stringArray,
          specLinks: z.array(z.looseObject({ label: z.string(), href: z.string() })),
        }),
      }),
    ),
  ),
  withheld: z.optional(
    z.looseObject({ dropped: z.array(z.enum(['idToken', 'accessToken', 'refreshToken'])) }),
  ),
})

export type ParsedRun = { ok: true; run: LabRun } | { ok: false; reason: string }

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

/**
 * Checks that a value read from storage is a version-1 `LabRun` and says, in one line, why not
 * (e.g. `tokens.idToken: Invalid input: expected string, received number`). Returns the value
 * itself on success. This checks the shape only, not that the tokens are valid JWTs.
 */
export function parseLabRun(value: unknown): ParsedRun {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `not an object (it is ${describeValue(value)})` }
  }
  const v = (value as { v?: unknown }).v
  if (v !== 1) {
    return {
      ok: false,
      reason:
        v === undefined
          ? 'no schema version (v)'
          : `schema version ${JSON.stringify(v)}; this lab reads version 1`,
    }
  }
  const result = labRunSchema.safeParse(value)
  if (result.success) return { ok: true, run: value as LabRun }
  const issues = result.error.issues
  const first = issues
    .slice(0, 2)
    .map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
  const more = issues.length > 2 ? ` (+${issues.length - 2} more)` : ''
  return { ok: false, reason: first.join('; ') + more }
}
