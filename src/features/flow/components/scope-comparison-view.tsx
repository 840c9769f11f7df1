import { Badge } from '@/components/ui/badge'
import type { ScopeComparison } from '@/lib/oidc/scopes'

export interface ScopeComparisonViewProps {
  comparison: ScopeComparison
}

export function ScopeComparisonView({ comparison }: ScopeComparisonViewProps) {
  const rows = [
    { label: 'Requested (authorization request)', scopes: comparison.requested },
    {
      label:
        comparison.grantedSource === 'token_response'
          ? 'Granted (token response scope)'
          : 'Granted (token response has no scope: same as requested, RFC 6749 §5.1)',
      scopes: comparison.granted,
    },
    ...(comparison.accessTokenScope
      ? [{ label: 'Access token scope claim', scopes: comparison.accessTokenScope }]
      : []),
  ]
  const requested = new Set(comparison.requested)
  return (
    <section aria-label="Requested vs granted scopes" className="rounded-lg border border-slate-200 p-3">
      <h4 className="mb-2 text-sm font-semibold">Requested vs granted scopes</h4>
      <table className="w-full text-xs">
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="w-64 py-1.5 pr-3 text-left font-medium text-slate-600">
                {row.label}
              </th>
              <td className="flex flex-wrap gap-1 py-1.5">
                {row.scopes.map((s) => (
                  <Badge key={s} tone={requested.has(s) ? 'neutral' : 'pass'} data-scope={s}>
                    {requested.has(s) ? s : `+ ${s}`}
                  </Badge>
                ))}
                {comparison.dropped.map((s) =>
                  row.scopes === comparison.requested ? null : (
                    <Badge key={`dropped-${s}`} tone="fail" data-scope-dropped={s}>
                      − {s}
                    </Badge>
                  ),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.added.length > 0 && (
        <p className="mt-2 text-xs text-slate-700" data-scope-note="added">
          <strong>{comparison.added.join(', ')}</strong> {comparison.added.length === 1 ? 'was' : 'were'} granted
          without being requested: the provider applies the client&apos;s <em>default</em> scopes (Keycloak:
          Client scopes → Default) whether or not the app asks, so unticking them changes nothing.
        </p>
      )}
      {comparison.dropped.length > 0 && (
        <p className="mt-2 text-xs text-slate-700" data-scope-note="dropped">
          <strong>{comparison.dropped.join(', ')}</strong> {comparison.dropped.length === 1 ? 'was' : 'were'} requested
          but not granted: the client may not have that scope assigned, or the user or policy refused it.
        </p>
      )}
    </section>
  )
}
