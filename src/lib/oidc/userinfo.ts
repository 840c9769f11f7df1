import {
  describeNonJsonBody,
  isJsonObject,
  isSuccessStatus,
  oidcError,
  providerErrorFromJson,
  readBody,
} from './errors'
import { BEARER_ERROR_MEANINGS, isBearerErrorCode } from './error-meanings'
import type { HttpRequestSpec, HttpResponseRecord } from '@/lib/wire/http-types'
import { err, ok, type Result } from '@/lib/result'
import type { OidcError, ProviderError } from './types'
import { bearerChallengeOf, parseWwwAuthenticate } from './www-authenticate'

/**
 * The userinfo GET with the access token in the `Authorization` header, its scheme normalised to
 * `Bearer` (or `DPoP`) whatever case the token response used. The header is listed in
 * `secretFields`. It does not add a DPoP proof, so a DPoP-bound token will be refused.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfoRequest
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function buildUserinfoRequest(
  endpoint: string,
  accessToken: string,
  tokenType = 'Bearer',
): HttpRequestSpec {
  const scheme = /^dpop$/i.test(tokenType) ? 'DPoP' : 'Bearer'
  return {
    method: 'GET',
    url: endpoint,
    headers: {
      Authorization: `${scheme} ${accessToken}`,
      Accept: 'application/json, application/jwt',
    },
    secretFields: ['Authorization'],
  }
}

/** A successful userinfo answer: plain JSON claims, or a signed/encrypted JWT kept raw. */
export type UserinfoResult =
  | { format: 'json'; claims: Record<string, unknown>; missingSub: boolean }
  | {
      format: 'jwt'
      /** The compact JWT as received; decode and verify it with `lib/jwt`. */
      jwt: string
      /** Five parts: a JWE the lab cannot decrypt. */
      encrypted: boolean
    }

/**
 * Reads a userinfo answer. 2xx JSON → the claims (`missingSub` when `sub`, which OIDC Core requires,
 * is absent); a compact JWT body (`application/jwt`, even if mislabelled) → the raw JWT, flagged
 * when encrypted. Errors carry the parsed
 * `WWW-Authenticate` challenges and take their code from the Bearer challenge, else the JSON body:
 * `invalid_token`, `insufficient_scope`, `invalid_request`; other failures become
 * `userinfo_http_error` or `non_standard_response`. It never throws, and it does not verify a JWT
 * signature, compare `sub` with the ID token (see {@link checkUserinfoSub}) or say why a scope is
 * missing (see `diagnoseUserinfoError`).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function processUserinfoResponse(
  response: HttpResponseRecord,
): Result<UserinfoResult, OidcError> {
  const { status } = response
  const challenges = parseWwwAuthenticate(response.headers['www-authenticate'])
  const base: Partial<OidcError> = {
    status,
    body: response.body,
    ...(challenges.length ? { challenges } : {}),
  }
  const shape = readBody(response.body)

  if (isSuccessStatus(status)) {
    const text = response.body.trim()
    // a compact JWS has 3 parts, a JWE 5; accept one even when mislabelled
    if (/^[\w-]+(\.[\w-]*){2}$/.test(text) || /^[\w-]+(\.[\w-]*){4}$/.test(text)) {
      return ok({ format: 'jwt', jwt: text, encrypted: text.split('.').length === 5 })
    }
    if (shape.kind === 'json' && isJsonObject(shape.value)) {
      const provider = providerErrorFromJson(shape.value)
      if (provider) {
        return err(
          oidcError(
            'non_standard_response',
            `Userinfo answered HTTP ${status} but the body is an error: “${provider.error}”${provider.error_description ? ` (“${provider.error_description}”)` : ''}.`,
            {
              ...base,
              provider,
              detail: 'error_with_success_status',
              deviations: [`An error came with HTTP ${status}.`],
            },
          ),
        )
      }
      return ok({
        format: 'json',
        claims: shape.value,
        missingSub: typeof shape.value.sub !== 'string',
      })
    }
    return err(
      oidcError(
        'non_standard_response',
        `Userinfo answered HTTP ${status} with ${shape.kind === 'json' ? 'JSON that is not an object' : describeNonJsonBody(response, shape)}, not the claims JSON.`,
        {
          ...base,
          detail:
            shape.kind === 'html'
              ? 'html'
              : shape.kind === 'empty'
                ? 'empty_body'
                : shape.kind === 'json'
                  ? 'not_an_object'
                  : 'not_json',
        },
      ),
    )
  }

  const challenge = bearerChallengeOf(challenges)
  const fromChallenge: ProviderError | undefined = challenge?.params.error
    ? {
        error: challenge.params.error,
        ...(challenge.params.error_description !== undefined
          ? { error_description: challenge.params.error_description }
          : {}),
        ...(challenge.params.error_uri !== undefined
          ? { error_uri: challenge.params.error_uri }
          : {}),
      }
    : undefined
  const provider =
    fromChallenge ?? (shape.kind === 'json' ? providerErrorFromJson(shape.value) : undefined)
  const said = provider?.error_description
    ? ` The provider said: “${provider.error_description}”.`
    : ''
  if (provider && isBearerErrorCode(provider.error)) {
    return err(
      oidcError(
        provider.error,
        `${provider.error}: ${BEARER_ERROR_MEANINGS[provider.error]}${said}`,
        { ...base, provider },
      ),
    )
  }
  const header = challenges.length ? '' : ' No readable WWW-Authenticate header.'
  return err(
    oidcError(
      'userinfo_http_error',
      `Userinfo answered HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}${provider ? ` with error “${provider.error}”` : ''}.${said}${header}`,
      {
        ...base,
        ...(provider ? { provider } : {}),
        detail: provider ? 'unknown_error_code' : 'unexpected_status',
      },
    ),
  )
}

/** The `userinfo_sub` check of the UI contract. */
export interface UserinfoSubCheck {
  id: 'userinfo_sub'
  status: 'pass' | 'fail' | 'warn' | 'skip'
  message: string
}

/**
 * Compares userinfo `sub` with the ID token's `sub`, which OIDC Core requires to be equal (else the
 * response must not be used). Skips when there is no ID token. It does not check any other claim.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse
 */
export function checkUserinfoSub(
  claims: Record<string, unknown>,
  idTokenSub: string | undefined,
): UserinfoSubCheck {
  const sub = claims.sub
  if (typeof sub !== 'string') {
    return {
      id: 'userinfo_sub',
      status: 'fail',
      message: 'The userinfo response has no “sub”, which OIDC Core requires.',
    }
  }
  if (idTokenSub === undefined) {
    return {
      id: 'userinfo_sub',
      status: 'skip',
      message: 'No ID token to compare “sub” with (was openid requested?).',
    }
  }
  return sub === idTokenSub
    ? { id: 'userinfo_sub', status: 'pass', message: 'Userinfo “sub” equals the ID token’s “sub”.' }
    : {
        id: 'userinfo_sub',
        status: 'fail',
        message: `Userinfo “sub” (“${sub}”) differs from the ID token’s (“${idTokenSub}”): the response must not be used (possible token substitution).`,
      }
}
