import type { JSONWebKeySet } from 'jose'
import { describeTokenDisplay } from '@/components/jwt/token-display'
import { checkAccessToken } from '@/lib/jwt/access-token-checks'
import type { Check, CheckCode } from '@/lib/jwt/checks'
import type { DecodedToken } from '@/lib/jwt/decode-jwt'
import { checkIdToken } from '@/lib/jwt/id-token-checks'
import { checkUserinfoScope } from '@/lib/jwt/userinfo-scope-check'
import type { TokenRole } from './token-role'

/** What the inspector knows besides the token; every field is optional in paste mode. */
export interface InspectContext {
  /** The expected issuer (the discovery document's, else what was typed); absent when not given. */
  issuer?: string
  clientId?: string
  nonce?: string
  /** The access token pasted in the same token response, to check `at_hash`. */
  accessToken?: string
  jwks?: JSONWebKeySet
  /** Why there is no JWKS (no issuer given, discovery failed…), shown on the signature row. */
  keysMissingReason?: string
  idTokenSigningAlgValuesSupported?: readonly string[]
  /** Seconds since the epoch. */
  now: number
}

/** Outcomes specific to paste mode: a check that needs a value the user did not enter. */
export type InspectCheckCode =
  'issuer_not_given' | 'client_id_not_given' | 'nonce_not_given' | 'keys_unavailable'

/** A check row of the inspector; `needsJwksRefresh` is kept from the signature check. */
export type InspectCheck = Omit<Check, 'code'> & { code: CheckCode | InspectCheckCode }

const show = (value: unknown): string => JSON.stringify(value) ?? String(value)

function skip(row: Check, code: InspectCheckCode, message: string): InspectCheck {
  const { needsJwksRefresh: _dropped, ...rest } = row
  return { ...rest, status: 'skip', code, message }
}

function adapt(row: Check, claims: Record<string, unknown>, ctx: InspectContext): InspectCheck {
  const claim = row.id === 'iss' || row.id === 'aud' || row.id === 'azp' ? claims[row.id] : 0
  if (row.code === 'payload_unavailable' || claim === undefined) return row
  if (row.id === 'signature' && row.code === 'no_jwks' && ctx.keysMissingReason) {
    return skip(row, 'keys_unavailable', ctx.keysMissingReason)
  }
  if (row.id === 'iss' && !ctx.issuer && row.code !== 'iss_missing') {
    return skip(row, 'issuer_not_given', `iss is ${show(claims.iss)}: enter the Issuer to compare`)
  }
  if (!ctx.clientId && row.id === 'aud' && !['aud_missing', 'aud_invalid'].includes(row.code)) {
    return skip(
      row,
      'client_id_not_given',
      `aud is ${show(claims.aud)}: enter the Client ID to check it was issued to your client`,
    )
  }
  if (!ctx.clientId && row.id === 'azp' && row.code !== 'azp_absent') {
    return skip(row, 'client_id_not_given', `azp is ${show(claims.azp)}: enter the Client ID`)
  }
  if (row.id === 'nonce' && row.code === 'nonce_unexpected') {
    return skip(
      row,
      'nonce_not_given',
      `nonce is ${show(claims.nonce)}: enter the nonce your app sent in the authorization request to compare`,
    )
  }
  if (row.code === 'at_hash_no_access_token' && claims.at_hash !== undefined) {
    return {
      ...row,
      message:
        'at_hash is present: paste the whole token response (with its access_token) to check it',
    }
  }
  return row
}

/**
 * Runs the lab's checks on a pasted token for the chosen role: the full ID token checks, the
 * informative access token checks followed by `userinfo_scope` (from the token's own scope claim),
 * none for a refresh token (it is for the provider only) nor for
 * a damaged JWT that decodes as nothing (its problems say more). Values
 * the user did not enter (issuer, client ID, nonce) turn the checks that need them into `skip`
 * rows that say what to enter. Never throws. It does not fetch keys: pass the JWKS in.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function runInspectChecks(
  token: DecodedToken,
  role: TokenRole,
  ctx: InspectContext,
): Promise<InspectCheck[]> {
  if (role === 'refresh' || token.raw === '' || describeTokenDisplay(token).brokenJwt) return []
  const claims = token.payload ?? {}
  try {
    const rows =
      role === 'id'
        ? await checkIdToken({
            token,
            jwks: ctx.jwks,
            now: ctx.now,
            expected: {
              issuer: ctx.issuer ?? '',
              clientId: ctx.clientId ?? '',
              nonce: ctx.nonce || undefined,
              accessToken: ctx.accessToken,
              idTokenSigningAlgValuesSupported: ctx.idTokenSigningAlgValuesSupported,
            },
          })
        : [
            ...(await checkAccessToken({
              token,
              jwks: ctx.jwks,
              now: ctx.now,
              expected: { issuer: ctx.issuer ?? '' },
            })),
            checkUserinfoScope(token.payload),
          ]
    return rows.map((row) => adapt(row, claims, ctx))
  } catch {
    return []
  }
}
