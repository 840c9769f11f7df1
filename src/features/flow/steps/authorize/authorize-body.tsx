import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { CopyButton } from '@/components/ui/copy-button'
import { SpecLink } from '@/components/ui/spec-link'
import type { AuthorizationExtras, LabConfig } from '@/lib/lab-config/lab-config'
import type { Lab } from '@/features/flow/lab'
import { authorizeStep } from '@/features/flow/steps/authorize/step'

/** The button's id: the lab's second skip link leads straight to it. */
export const START_AUTHORIZATION_ID = 'start-authorization'

const EXTRAS: { name: keyof AuthorizationExtras; placeholder: string }[] = [
  { name: 'prompt', placeholder: 'login | none | consent' },
  { name: 'login_hint', placeholder: 'alice' },
  { name: 'max_age', placeholder: '300' },
  { name: 'acr_values', placeholder: 'gold' },
  { name: 'ui_locales', placeholder: 'en fr' },
]

export function AuthorizeBody({ lab }: { lab: Lab }) {
  const { config } = lab
  const authorization = lab.resultOf(authorizeStep)
  const blockedReason =
    lab.context.discovery.status === 'ok'
      ? undefined
      : 'Waiting for the discovery document (step 1).'
  const onChange = lab.updateConfig
  const onRegenerate = lab.regenerate
  const onStart = lab.startAuthorization
  const onStartLibrary = lab.startLibrary
  return (
    <div className="space-y-4">
      {authorization ? (
        <>
          <CodeBlock label="Authorization URL">{authorization.url}</CodeBlock>
          <div className="flex flex-wrap gap-2">
            <CopyButton text={authorization.url} label="Copy URL" />
            <Button variant="secondary" size="sm" onClick={onRegenerate}>
              New state, nonce and verifier
            </Button>
          </div>
          {authorization.warnings.length > 0 && (
            <ul className="space-y-1 rounded-md border border-amber-200 bg-amber-50 p-2 text-xs text-amber-900">
              {authorization.warnings.map((w) => (
                <li key={w.code} data-warning={w.code}>
                  {w.message}
                </li>
              ))}
            </ul>
          )}
          <table className="w-full text-left text-xs">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Parameter</th>
                <th className="py-1 pr-3 font-medium">Value</th>
                <th className="py-1 font-medium">What it does</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {authorization.params.map((p) => (
                <tr key={p.name} data-param={p.name}>
                  <td className="py-1.5 pr-3 font-mono font-medium">{p.name}</td>
                  <td className="max-w-56 py-1.5 pr-3 font-mono break-all">{p.value}</td>
                  <td className="py-1.5 text-slate-600">
                    {p.explanation} {p.specLink && <SpecLink href={p.specLink}>spec</SpecLink>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="text-sm text-slate-500">{blockedReason ?? 'Preparing the request…'}</p>
      )}
      <details className="rounded-lg border border-slate-200 p-3 text-sm">
        <summary className="cursor-pointer font-medium">Optional parameters</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          {EXTRAS.map(({ name, placeholder }) => (
            <label key={name} className="flex flex-col gap-1 text-xs font-medium text-slate-700">
              <span className="font-mono">{name}</span>
              <input
                value={config.extras[name]}
                placeholder={placeholder}
                onChange={(e) => onChange({ extras: { ...config.extras, [name]: e.target.value } })}
                className="h-8 rounded-md border border-slate-300 px-2 font-mono font-normal"
              />
            </label>
          ))}
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
            <span>Send a nonce</span>
            <select
              value={config.nonceMode}
              onChange={(e) => onChange({ nonceMode: e.target.value as LabConfig['nonceMode'] })}
              className="h-8 rounded-md border border-slate-300 px-2 font-normal"
            >
              <option value="auto">only with openid</option>
              <option value="always">always (some providers demand it)</option>
              <option value="never">never</option>
            </select>
          </label>
        </div>
      </details>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          id={START_AUTHORIZATION_ID}
          size="lg"
          disabled={!authorization}
          onClick={() => onStart(false)}
        >
          Start authorization
        </Button>
        <Button
          variant="secondary"
          size="lg"
          disabled={!authorization}
          onClick={() => onStart(true)}
        >
          Run the whole flow
        </Button>
        <Button variant="ghost" disabled={!authorization} onClick={onStartLibrary}>
          Run with oidc-client-ts
        </Button>
        <span className="text-xs text-slate-500">
          The browser leaves for the provider&apos;s login page and comes back to /callback.
        </span>
      </div>
    </div>
  )
}
