import type { HttpExchange } from '@/lib/wire/http-types'
import type { Check } from '@/lib/jwt/checks'
import type { Diagnosis } from '@/lib/oidc/diagnose'

/**
 * One finished flow, as saved in the run history (IndexedDB). Never holds a client secret: the
 * exchanges are redacted before saving. Unless the user ticked `Keep raw tokens in history`, the
 * tokens are kept as unsigned `header.payload.` only (what comparing needs), with no refresh token:
 * `withheld` then says what was taken out.
 */
export interface LabRun {
  /** Schema version of this record, for skipping records a future version wrote differently. */
  v: 1
  id: string
  /** User-editable; defaults to e.g. `alice · oidc-lab · openid profile email · 10:42`. */
  label: string
  createdAt: string
  issuer: string
  clientId: string
  clientType: 'public' | 'confidential'
  requestedScope: string[]
  /** The token response's `scope`, when it had one. */
  grantedScope?: string[]
  /** `preferred_username`, else `sub`, of the signed-in user. */
  user?: string
  tokens: { idToken?: string; accessToken?: string; refreshToken?: string }
  /** Status of the token request, when one was sent. */
  tokenStatus?: number
  userinfo?: { status?: number; claims?: Record<string, unknown> }
  checks: { idToken: Check[]; accessToken: Check[]; userinfo: Check[] }
  /** Every HTTP exchange of the run, client secrets redacted. */
  exchanges: HttpExchange[]
  /** Where a run not played in this browser came from: a runs export or a HAR file. */
  imported?: RunOrigin
  /** What the lab diagnosed, per step (kept for runs read from a HAR, which have no live page). */
  diagnoses?: { stepId: string; diagnosis: Diagnosis }[]
  /** Set when the history kept no raw tokens of this run (`Keep raw tokens in history` was off). */
  withheld?: WithheldTokens
}

export type RunTokenName = keyof LabRun['tokens']

/**
 * What the history took out of a run's tokens: every JWS lost its signature (`header.payload.`
 * stays, decodable), and the tokens in `dropped` (the refresh token, opaque tokens) were not kept.
 */
export interface WithheldTokens {
  dropped: RunTokenName[]
}

export interface RunOrigin {
  from: 'export' | 'har'
  /** The file's name, as the user picked it. */
  file?: string
  at: string
  /** Entries of a HAR that were not part of the sign-in, or other remarks on the import. */
  notes?: string[]
}
