import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { SCOPE_NOTES, STANDARD_SCOPES } from '@/lib/oidc/scopes'
import { useScopeKinds } from '@/features/flow/steps/scopes/use-scope-kinds'
import { ScopeKindTag } from '@/features/flow/steps/scopes/scope-kind-tag'
import type { Lab } from '@/features/flow/lab'

export function ScopesBody({ lab }: { lab: Lab }) {
  const selected = lab.config.scopes
  const supported = lab.context.document?.scopes_supported
  const onChange = (scopes: string[]) => lab.updateConfig({ scopes })
  const [custom, setCustom] = useState('')
  const kinds = useScopeKinds(lab)
  const offered = supported && supported.length > 0 ? supported : [...STANDARD_SCOPES]
  const all = [...offered, ...selected.filter((s) => !offered.includes(s))]
  const toggle = (scope: string, on: boolean) =>
    onChange(on ? [...selected, scope] : selected.filter((s) => s !== scope))
  const addCustom = () => {
    const extra = custom.split(/\s+/).filter((s) => s && !selected.includes(s))
    if (extra.length > 0) onChange([...selected, ...extra])
    setCustom('')
  }
  return (
    <div className="space-y-4">
      {!supported && (
        <p className="text-xs text-slate-500">
          The provider does not advertise <code>scopes_supported</code>; showing the usual OIDC
          scopes.
        </p>
      )}
      <ul className="grid gap-2 sm:grid-cols-2">
        {all.map((scope) => {
          const note = SCOPE_NOTES[scope]
          const kind = kinds.get(scope)
          const describedBy = [kind && `scope-kind-${scope}`, note && `scope-note-${scope}`]
            .filter(Boolean)
            .join(' ')
          return (
            <li
              key={scope}
              className="rounded-lg border border-slate-200 p-2.5 has-checked:border-indigo-400 has-checked:bg-indigo-50/60"
            >
              <label className="flex items-center gap-2 font-mono text-sm font-medium">
                <input
                  type="checkbox"
                  checked={selected.includes(scope)}
                  onChange={(e) => toggle(scope, e.target.checked)}
                  aria-describedby={describedBy || undefined}
                  className="accent-indigo-600"
                />
                {scope}
              </label>
              {kind && <ScopeKindTag id={`scope-kind-${scope}`} scope={scope} info={kind} />}
              {note && (
                <p id={`scope-note-${scope}`} className="mt-1 pl-6 text-xs text-slate-600">
                  {note}
                </p>
              )}
            </li>
          )
        })}
      </ul>
      <div className="flex items-end gap-2">
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="custom-scope" className="text-xs font-medium text-slate-700">
            Custom scopes (space-separated)
          </label>
          <input
            id="custom-scope"
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && addCustom()}
            placeholder="api:read"
            className="h-9 rounded-md border border-slate-300 px-2.5 font-mono text-sm"
          />
        </div>
        <Button variant="secondary" onClick={addCustom}>
          Add
        </Button>
      </div>
      <p className="text-sm">
        <span className="text-slate-600">scope =</span>{' '}
        <code
          className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs"
          data-testid="scope-value"
        >
          {selected.join(' ') || '(none)'}
        </code>
      </p>
      {!selected.includes('openid') && (
        <p className="rounded-md border border-amber-200 bg-amber-50 p-2 text-xs text-amber-900">
          Without <code>openid</code> this is a plain OAuth 2.0 request: no ID token, and providers
          such as Keycloak refuse userinfo (403). Try it to see exactly that.
        </p>
      )}
    </div>
  )
}
