import { Badge } from '@/components/ui/badge'
import type { ScopeComparison, ScopeDiff } from '@/lib/oidc/scope-comparison'

export interface ScopeComparisonViewProps {
  comparison: ScopeComparison
}

function ScopeRow({ label, scopes, diff }: { label: string; scopes: string[]; diff?: ScopeDiff }) {
  return (
    <tr>
      <th scope="row" className="w-72 py-1.5 pr-3 text-left align-top font-medium text-slate-600">
        {label}
      </th>
      <td className="py-1.5">
        <span className="flex flex-wrap gap-1">
          {scopes.map((s) =>
            diff?.added.includes(s) ? (
              <Badge key={s} tone="pass" data-scope-added={s}>
                + {s}
              </Badge>
            ) : (
              <Badge key={s}>{s}</Badge>
            ),
          )}
          {diff?.dropped.map((s) => (
            <Badge key={`dropped-${s}`} tone="fail" data-scope-dropped={s}>
              − {s}
            </Badge>
          ))}
        </span>
      </td>
    </tr>
  )
}

export function ScopeComparisonView({ comparison }: ScopeComparisonViewProps) {
  const { granted, accessToken } = comparison
  const added = [...new Set([...granted.added, ...(accessToken?.added ?? [])])]
  return (
    <section
      aria-label="Requested vs granted scopes"
      className="rounded-lg border border-slate-200 p-3"
    >
      <h4 className="mb-2 text-sm font-semibold">Requested vs granted scopes</h4>
      <table className="w-full text-xs">
        <tbody className="divide-y divide-slate-100">
          <ScopeRow label="Requested (authorization request)" scopes={comparison.requested} />
          <ScopeRow
            label={
              comparison.grantedSource === 'token_response'
                ? 'Granted (token response scope)'
                : 'Granted (no scope in the token response: same as requested, RFC 6749 §5.1)'
            }
            scopes={granted.scopes}
            diff={granted}
          />
          {accessToken && (
            <ScopeRow
              label="Access token scope claim"
              scopes={accessToken.scopes}
              diff={accessToken}
            />
          )}
        </tbody>
      </table>
      {added.length > 0 && (
        <p className="mt-2 text-xs text-slate-700" data-scope-note="added">
          <strong>{added.join(', ')}</strong> {added.length === 1 ? 'was' : 'were'} granted without
          being requested: the provider adds the client&apos;s <em>default</em> scopes (Keycloak:
          Client scopes → Default) whether or not the app asks, so unticking them changes nothing.
        </p>
      )}
      {comparison.notes.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-xs text-slate-600">
          {comparison.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
