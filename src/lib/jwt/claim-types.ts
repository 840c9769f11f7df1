/** The document that defines a claim or header parameter. `custom` means none we know of. */
export type ClaimSource =
  | 'RFC 7519'
  | 'RFC 7515'
  | 'RFC 7516'
  | 'RFC 7800'
  | 'RFC 8693'
  | 'RFC 9068'
  | 'OIDC Core'
  | 'OIDC Front-Channel Logout'
  | 'OIDC Back-Channel Logout'
  | 'Keycloak'
  | 'custom'

/** How a claim's value should be read and shown. `time` values are NumericDate seconds. */
export type ClaimKind =
  | 'time'
  | 'string'
  | 'string_or_array'
  | 'string_array'
  | 'boolean'
  | 'url'
  | 'email'
  | 'hash'
  | 'object'
  | 'json'

/** What the lab knows about one claim or header parameter. */
export interface ClaimInfo {
  name: string
  /** One plain sentence. */
  description: string
  source: ClaimSource
  specLink: string
  /** The scope that usually brings the claim (OIDC Core §5.4, or Keycloak's default client scopes). */
  scope?: string
  kind?: ClaimKind
  /** `false` for the fallback description of an unknown claim. */
  known: boolean
}

/** A dictionary entry: a {@link ClaimInfo} without the name (the key) and `known`. */
export type ClaimEntry = Omit<ClaimInfo, 'name' | 'known'>
