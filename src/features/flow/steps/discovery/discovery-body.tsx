import { Badge } from '@/components/ui/badge'
import type { ProviderPreset } from '@/lib/lab-config/lab-config'
import { Field } from '@/components/ui/field'
import type { Lab } from '@/features/flow/lab'
import { DiscoverySummary } from '@/features/flow/steps/discovery/discovery-summary'

const PRESETS: { id: ProviderPreset; label: string; hint: string }[] = [
  { id: 'demo', label: 'Demo realm', hint: 'Embedded Keycloak-like realm, no setup' },
  { id: 'keycloak', label: 'Keycloak', hint: 'Base URL + realm name' },
  { id: 'custom', label: 'Any issuer', hint: 'Okta, Entra ID, Auth0, Google…' },
]

export function DiscoveryBody({ lab }: { lab: Lab }) {
  const { config, issuer, discovery } = lab.context
  const onChange = lab.updateConfig
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="mb-2 text-xs font-medium text-slate-700">Provider</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {PRESETS.map((preset) => (
            <label
              key={preset.id}
              className="flex cursor-pointer items-start gap-2 rounded-lg border border-slate-200 p-3 has-checked:border-indigo-500 has-checked:bg-indigo-50"
            >
              <input
                type="radio"
                name="preset"
                value={preset.id}
                checked={config.preset === preset.id}
                onChange={() => onChange({ preset: preset.id })}
                className="mt-0.5 accent-indigo-600"
              />
              <span>
                <span className="block text-sm font-medium">{preset.label}</span>
                <span className="block text-xs text-slate-600">{preset.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {config.preset === 'keycloak' && (
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
          <Field
            label="Keycloak base URL"
            value={config.keycloak.baseUrl}
            placeholder="https://keycloak.example.com"
            onChange={(e) =>
              onChange({ keycloak: { ...config.keycloak, baseUrl: e.target.value } })
            }
          />
          <Field
            label="Realm"
            value={config.keycloak.realm}
            placeholder="myrealm"
            onChange={(e) => onChange({ keycloak: { ...config.keycloak, realm: e.target.value } })}
          />
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input
              type="checkbox"
              checked={config.keycloak.legacyAuthPath}
              onChange={(e) =>
                onChange({ keycloak: { ...config.keycloak, legacyAuthPath: e.target.checked } })
              }
              className="accent-indigo-600"
            />
            Legacy <code className="font-mono text-xs">/auth</code> path (Keycloak ≤ 16)
          </label>
        </div>
      )}
      {config.preset === 'custom' && (
        <Field
          label="Issuer URL"
          value={config.issuer}
          placeholder="https://login.example.com/realms/myrealm"
          onChange={(e) => onChange({ issuer: e.target.value })}
          hint="Discovery is fetched from issuer + /.well-known/openid-configuration."
        />
      )}

      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Issuer</span>
        {issuer ? (
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{issuer}</code>
        ) : (
          <Badge tone="warn">incomplete</Badge>
        )}
      </p>
      <DiscoverySummary discovery={discovery} lab={lab} />
    </div>
  )
}
