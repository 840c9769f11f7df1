import { calculatePkceChallenge } from './pkce'
import { generateCodeVerifier, generateNonce, generateState } from './random'

/** The per-request secrets of an authorization request; they must survive the redirect. */
export interface RequestSecrets {
  state: string
  nonce: string
  codeVerifier?: string
  codeChallenge?: string
}

/**
 * Fresh `state`, `nonce` and, when PKCE is used, a `code_verifier` with its S256 challenge. It does
 * not store anything: keeping them across the redirect is the caller's job.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export async function generateRequestSecrets({ pkce }: { pkce: boolean }): Promise<RequestSecrets> {
  const codeVerifier = pkce ? generateCodeVerifier() : undefined
  return {
    state: generateState(),
    nonce: generateNonce(),
    codeVerifier,
    codeChallenge: codeVerifier ? await calculatePkceChallenge(codeVerifier) : undefined,
  }
}
