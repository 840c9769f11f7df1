import type { LabConfig, LabGrant } from '@/lib/lab-config/lab-config'
import type { DiscoveryDocument } from '@/lib/oidc/types'

/** The `grant_type` each lab grant sends at the token endpoint. */
export const GRANT_TYPE = {
  authorization_code: 'authorization_code',
  client_credentials: 'client_credentials',
  device_code: 'urn:ietf:params:oauth:grant-type:device_code',
} as const satisfies Record<LabGrant, string>

export const GRANT_LABEL: Record<LabGrant, string> = {
  authorization_code: 'Authorization code',
  client_credentials: 'Client credentials',
  device_code: 'Device authorization',
}

/**
 * Why this setup cannot use its grant, said before anything is sent: the client type, or the
 * provider's discovery (`grant_types_supported`, whose default is `authorization_code` and
 * `implicit`; the device authorization endpoint). It does not know the client's registration at
 * the provider: an allowed grant may still be refused with `unauthorized_client`.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export function grantProblem(
  config: Pick<LabConfig, 'grant' | 'clientType'>,
  document: DiscoveryDocument | undefined,
): string | undefined {
  const { grant } = config
  if (grant === 'client_credentials' && config.clientType === 'public')
    return 'Client credentials needs a confidential client: the client proves who it is with its secret, there is no user. Choose Confidential and enter the secret.'
  if (!document) return undefined
  const supported = document.grant_types_supported ?? ['authorization_code', 'implicit']
  if (!supported.includes(GRANT_TYPE[grant]))
    return `The provider's discovery does not list \`${GRANT_TYPE[grant]}\` in grant_types_supported${document.grant_types_supported ? '' : ' (it lists none, so the default authorization_code and implicit apply)'}: it does not offer the ${GRANT_LABEL[grant].toLowerCase()} grant.`
  if (grant === 'device_code' && !document.device_authorization_endpoint)
    return 'The provider advertises no device_authorization_endpoint, so the device grant cannot start.'
  return undefined
}
