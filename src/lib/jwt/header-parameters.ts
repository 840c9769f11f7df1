import type { ClaimEntry } from './claim-types'

const RFC7515 = 'https://www.rfc-editor.org/rfc/rfc7515'
const RFC7516 = 'https://www.rfc-editor.org/rfc/rfc7516'

/**
 * JOSE header parameters the lab explains (the part before the first dot), keyed by name.
 *
 * @see https://www.iana.org/assignments/jose/jose.xhtml
 */
export const HEADER_PARAMETERS: Readonly<Record<string, ClaimEntry>> = {
  alg: {
    description:
      'The signature algorithm, such as RS256; "none" means unsigned, HS256 means signed with a shared secret.',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.1`,
    kind: 'string',
  },
  kid: {
    description:
      'Key ID: which key of the provider’s JWKS signed the token; after a key rotation it may be missing from a cached JWKS.',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.4`,
    kind: 'string',
  },
  typ: {
    description:
      'The media type of the whole token: "JWT" for an ID token, "at+jwt" for an RFC 9068 access token.',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.9`,
    kind: 'string',
  },
  cty: {
    description:
      'Content type of the payload; "JWT" means the payload is itself a JWT (a nested, e.g. signed-then-encrypted, token).',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.10`,
    kind: 'string',
  },
  jku: {
    description:
      'A URL of a JWKS holding the signing key; never fetch keys from a URL the token chooses itself.',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.2`,
    kind: 'url',
  },
  jwk: {
    description:
      'The public key embedded in the token; trusting it would let anyone sign, so a client ignores it.',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.3`,
    kind: 'object',
  },
  x5u: {
    description: 'A URL of the X.509 certificate (chain) of the signing key.',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.5`,
    kind: 'url',
  },
  x5c: {
    description: 'The X.509 certificate chain of the signing key, embedded in the token.',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.6`,
    kind: 'string_array',
  },
  x5t: {
    description: 'SHA-1 thumbprint of the X.509 certificate of the signing key.',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.7`,
    kind: 'hash',
  },
  'x5t#S256': {
    description: 'SHA-256 thumbprint of the X.509 certificate of the signing key.',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.8`,
    kind: 'hash',
  },
  crit: {
    description: 'Extensions the recipient must understand, or else reject the token.',
    source: 'RFC 7515',
    specLink: `${RFC7515}#section-4.1.11`,
    kind: 'string_array',
  },
  enc: {
    description: 'The content encryption algorithm of an encrypted token (JWE), such as A256GCM.',
    source: 'RFC 7516',
    specLink: `${RFC7516}#section-4.1.2`,
    kind: 'string',
  },
  zip: {
    description: 'The compression applied to the payload before encryption (JWE).',
    source: 'RFC 7516',
    specLink: `${RFC7516}#section-4.1.3`,
    kind: 'string',
  },
}
