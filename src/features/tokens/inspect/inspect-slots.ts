import { decodeJwt, type DecodedToken } from '@/lib/jwt/decode-jwt'
import type { InspectInput } from './parse-inspect-input'
import { guessTokenRole, type RoleGuess, type TokenRole } from './token-role'

/** Region names of the inspector (UI contract: `ID token`, `Access token`, `Refresh token`). */
export type SlotTitle = 'Token' | 'ID token' | 'Access token' | 'Refresh token'

/** One token to show in its own region, with the role its checks run as. */
export interface InspectSlot {
  title: SlotTitle
  token: DecodedToken
  /** The text decoded, as pasted: `token.raw` has a `Bearer ` prefix, quotes or whitespace removed. */
  source: string
  role: TokenRole
  /** Only for a lone pasted token: what the lab guessed, and why. */
  guess?: RoleGuess
  /** For the ID token of a pasted response: its access token, to check at_hash. */
  accessToken?: string
}

/** The user's choice of role for one lone token; forgotten when another token is pasted. */
export interface RoleOverride {
  raw: string
  role: TokenRole
}

/**
 * Turns the parsed input into regions: one `Token` region for a lone token (role guessed, or as
 * the user chose), or `ID token` / `Access token` / `Refresh token` for a token response. Decodes
 * each token (never throws); does not run any check.
 */
export function buildInspectSlots(input: InspectInput, override?: RoleOverride): InspectSlot[] {
  if (input.kind === 'token') {
    const token = decodeJwt(input.token)
    const guess = guessTokenRole(token)
    const role = override?.raw === token.raw ? override.role : guess.role
    return [{ title: 'Token', token, source: input.token, role, guess }]
  }
  if (input.kind !== 'response') return []
  const { id_token, access_token, refresh_token } = input.tokens
  const slots: InspectSlot[] = []
  if (id_token !== undefined) {
    slots.push({
      title: 'ID token',
      token: decodeJwt(id_token),
      source: id_token,
      role: 'id',
      ...(access_token !== undefined ? { accessToken: decodeJwt(access_token).raw } : {}),
    })
  }
  if (access_token !== undefined) {
    slots.push({
      title: 'Access token',
      token: decodeJwt(access_token),
      source: access_token,
      role: 'access',
    })
  }
  if (refresh_token !== undefined) {
    slots.push({
      title: 'Refresh token',
      token: decodeJwt(refresh_token),
      source: refresh_token,
      role: 'refresh',
    })
  }
  return slots
}

/** Values a token offers for the empty Issuer / Client ID fields (from the ID token first). */
export interface TokenOffers {
  iss?: string
  clientId?: { claim: 'azp' | 'aud'; value: string }
}

/**
 * Reads `iss` and `azp` (or a single-string `aud`) from the first slot that has them, preferring
 * the ID token. The UI offers them for exploring; it never fills a field by itself.
 */
export function readTokenOffers(slots: readonly InspectSlot[]): TokenOffers {
  const ordered = [...slots].sort((a, b) => Number(b.role === 'id') - Number(a.role === 'id'))
  const offers: TokenOffers = {}
  for (const { token } of ordered) {
    const claims = token.payload ?? {}
    if (!offers.iss && typeof claims.iss === 'string' && claims.iss) offers.iss = claims.iss
    if (!offers.clientId && typeof claims.azp === 'string' && claims.azp) {
      offers.clientId = { claim: 'azp', value: claims.azp }
    } else if (!offers.clientId && typeof claims.aud === 'string' && claims.aud) {
      offers.clientId = { claim: 'aud', value: claims.aud }
    }
  }
  return offers
}
