import { z } from '@/lib/schema'
import { GRANTS, type LabConfig } from '@/lib/lab-config/lab-config'

const extrasSchema = z.object({
  prompt: z.string(),
  login_hint: z.string(),
  max_age: z.string(),
  acr_values: z.string(),
  ui_locales: z.string(),
})

/** Every field of a `LabConfig`, as stored; unknown fields are dropped. */
export const labConfigSchema = z.object({
  preset: z.enum(['demo', 'keycloak', 'custom']),
  issuer: z.string(),
  keycloak: z.object({ baseUrl: z.string(), realm: z.string(), legacyAuthPath: z.boolean() }),
  clientId: z.string(),
  clientType: z.enum(['public', 'confidential']),
  authMethod: z.enum(['client_secret_basic', 'client_secret_post']),
  clientSecret: z.string(),
  rememberSecret: z.boolean(),
  usePkce: z.boolean(),
  nonceMode: z.enum(['auto', 'always', 'never']),
  scopes: z.array(z.string()),
  extras: extrasSchema,
  grant: z.enum(GRANTS),
  tokenRequestScope: z.string(),
})

/** One line naming the first problems of a failed parse, e.g. `clientId: Invalid input`. */
export function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]) {
  const first = issues
    .slice(0, 2)
    .map((issue) => `${issue.path.map(String).join('.') || '(value)'}: ${issue.message}`)
  return first.join('; ') + (issues.length > 2 ? ` (+${issues.length - 2} more)` : '')
}

export type ParsedConfig =
  { ok: true; config: Partial<LabConfig>; dropped: string[] } | { ok: false; reason: string }

/**
 * Reads a stored, possibly partial or older `LabConfig`: each top-level field is kept when it has
 * the right shape and dropped (and named in `dropped`) when not, so one bad field never costs the
 * whole setup. It does not check that the issuer is reachable or the client exists.
 */
export function parseStoredConfig(value: unknown): ParsedConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'not an object' }
  const config: Partial<LabConfig> = {}
  const dropped: string[] = []
  const fields: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> =
    labConfigSchema.def.shape
  for (const [key, field] of Object.entries(value)) {
    const schema = Object.hasOwn(fields, key) ? fields[key] : undefined
    if (!schema) continue
    const result = schema.safeParse(field)
    if (result.success) Object.assign(config, { [key]: result.data })
    else dropped.push(key)
  }
  return { ok: true, config, dropped }
}
