import { useState } from 'react'
import { CopyButton } from '@/components/ui/copy-button'
import { Field } from '@/components/ui/field'
import type { Lab } from '@/features/flow/lab'
import { GrantPicker } from '@/features/flow/steps/client/grant-picker'

const DEMO_CLIENTS = [
  { id: 'oidc-lab', note: 'public + PKCE · default scopes profile roles' },
  { id: 'oidc-lab-defaults', note: 'public + PKCE · email is a default scope' },
  { id: 'oidc-lab-confidential', note: 'secret oidc-lab-secret · basic or post' },
]

export function ClientBody({ lab }: { lab: Lab }) {
  const { config, redirectUri } = lab.context
  const onChange = lab.updateConfig
  const [showSecret, setShowSecret] = useState(false)
  const confidential = config.clientType === 'confidential'
  return (
    <div className="space-y-4">
      <GrantPicker lab={lab} />
      <Field
        label="Client ID"
        value={config.clientId}
        onChange={(e) => onChange({ clientId: e.target.value })}
        list={config.preset === 'demo' ? 'demo-clients' : undefined}
        spellCheck={false}
      />
      {config.preset === 'demo' && (
        <>
          <datalist id="demo-clients">
            {DEMO_CLIENTS.map((c) => (
              <option key={c.id} value={c.id}>
                {c.note}
              </option>
            ))}
          </datalist>
          <div className="flex flex-wrap gap-2 text-xs">
            {DEMO_CLIENTS.map((c) => (
              <button
                key={c.id}
                type="button"
                onClick={() =>
                  onChange({
                    clientId: c.id,
                    clientType: c.id === 'oidc-lab-confidential' ? 'confidential' : 'public',
                    clientSecret:
                      c.id === 'oidc-lab-confidential' ? 'oidc-lab-secret' : config.clientSecret,
                  })
                }
                className="rounded-full border border-slate-200 px-2.5 py-1 text-left hover:border-indigo-400 hover:bg-indigo-50"
              >
                <span className="font-mono font-medium">{c.id}</span>{' '}
                <span className="text-slate-500">{c.note}</span>
              </button>
            ))}
          </div>
        </>
      )}
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-xs font-medium text-slate-700">Client type</legend>
        {(['public', 'confidential'] as const).map((type) => (
          <label key={type} className="flex items-center gap-2">
            <input
              type="radio"
              name="client-type"
              checked={config.clientType === type}
              onChange={() => onChange({ clientType: type })}
              className="accent-indigo-600"
            />
            {type === 'public' ? 'Public (SPA, PKCE S256)' : 'Confidential (client secret)'}
          </label>
        ))}
      </fieldset>
      {confidential && (
        <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50/50 p-3">
          <div className="flex items-end gap-2">
            <Field
              className="flex-1"
              label="Client secret"
              type={showSecret ? 'text' : 'password'}
              value={config.clientSecret}
              autoComplete="off"
              onChange={(e) => onChange({ clientSecret: e.target.value })}
            />
            <button
              type="button"
              className="h-9 text-xs text-indigo-700 underline"
              onClick={() => setShowSecret(!showSecret)}
            >
              {showSecret ? 'Hide' : 'Reveal'}
            </button>
          </div>
          <fieldset className="flex flex-wrap gap-4 text-sm">
            <legend className="mb-1 text-xs font-medium text-slate-700">
              Client authentication
            </legend>
            {(['client_secret_basic', 'client_secret_post'] as const).map((method) => (
              <label key={method} className="flex items-center gap-2 font-mono text-xs">
                <input
                  type="radio"
                  name="auth-method"
                  checked={config.authMethod === method}
                  onChange={() => onChange({ authMethod: method })}
                  className="accent-indigo-600"
                />
                {method}
              </label>
            ))}
          </fieldset>
          <label className="flex items-center gap-2 text-xs text-slate-700">
            <input
              type="checkbox"
              checked={config.usePkce}
              onChange={(e) => onChange({ usePkce: e.target.checked })}
              className="accent-indigo-600"
            />
            Also use PKCE (recommended for every client, RFC 9700)
          </label>
          <label className="flex items-center gap-2 text-xs text-slate-700">
            <input
              type="checkbox"
              checked={config.rememberSecret}
              onChange={(e) => onChange({ rememberSecret: e.target.checked })}
              className="accent-indigo-600"
            />
            Remember the secret on this device (otherwise it lives only in this tab)
          </label>
          <p className="text-xs text-amber-900">
            A browser can&apos;t keep a secret from its user: a real SPA is a public client. The
            secret is sent only to this provider&apos;s token endpoint.
          </p>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Redirect URI</span>
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{redirectUri}</code>
        <CopyButton text={redirectUri} />
      </div>
      <p className="text-xs text-slate-500">
        Register this exact URI with the client (Keycloak: Valid redirect URIs), and its origin as a
        Web Origin (or <code>+</code>) so the browser may read the token and userinfo responses.
      </p>
    </div>
  )
}
