import { buildKeycloakIssuer } from '@/lib/oidc/issuer'
import type { LabConfig } from '@/lib/lab-config/lab-config'

const encode = (value: string) => encodeURIComponent(value)

/**
 * The deep-link query (`?preset=…&client_id=…&scope=…`) that restores this setup with
 * `parseDeepLink`: preset, issuer (for Keycloak and any issuer), client_id, scope, and grant when it
 * is not the code flow. Never a secret, a token or anything typed for one run only (the client
 * secret, the client type and authorization extras stay out, as the UI contract says).
 */
export function buildSetupQuery(config: LabConfig): string {
  const params: [string, string][] = [['preset', config.preset]]
  if (config.preset === 'custom' && config.issuer.trim())
    params.push(['issuer', config.issuer.trim()])
  if (
    config.preset === 'keycloak' &&
    config.keycloak.baseUrl.trim() &&
    config.keycloak.realm.trim()
  )
    params.push(['issuer', buildKeycloakIssuer(config.keycloak)])
  if (config.clientId.trim()) params.push(['client_id', config.clientId.trim()])
  params.push(['scope', config.scopes.join(' ')])
  if (config.grant !== 'authorization_code') params.push(['grant', config.grant])
  return `?${params.map(([name, value]) => `${name}=${encode(value)}`).join('&')}`
}

/** The fields a setup link carries, for telling whether the address bar already says this setup. */
export function sameLinkedSetup(a: LabConfig, b: LabConfig): boolean {
  return buildSetupQuery(a) === buildSetupQuery(b)
}

/**
 * The matrix fragment for these scope sets: `#matrix?sets=openid|openid%20email`, sets separated
 * by `|`, scopes inside a set by a space (`%20`); an empty set is `(none)`.
 */
export function buildMatrixFragment(sets: readonly (readonly string[])[]): string {
  if (sets.length === 0) return '#matrix'
  const text = sets.map((set) => (set.length ? set.join(' ') : '(none)')).join('|')
  return `#matrix?sets=${encode(text).replace(/%7C/gi, '|')}`
}

export type MatrixLink = { sets?: string[][]; problem?: string }

/**
 * Reads `sets=` from the part of a `#matrix?…` fragment after `?`. Duplicate scopes inside a set
 * and empty entries are dropped; a value that decodes to nothing usable is a `problem`.
 */
export function parseMatrixSets(query: string): MatrixLink {
  const raw = new URLSearchParams(query).get('sets')
  if (raw === null) return {}
  const sets = raw
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (part === '(none)' ? [] : [...new Set(part.split(/[\s+]+/).filter(Boolean))]))
  if (sets.length === 0)
    return {
      problem:
        'The link’s `sets` is empty: expected scope sets separated by `|`, e.g. `sets=openid|openid%20email`.',
    }
  return { sets }
}
