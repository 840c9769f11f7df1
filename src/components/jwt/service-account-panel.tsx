import type { ServiceAccountVerdict } from '@/lib/oidc/client-credentials'

export interface ServiceAccountPanelProps {
  verdict: ServiceAccountVerdict
}

/** Says that an access token stands for a client (client credentials), and why the lab thinks so. */
export function ServiceAccountPanel({ verdict }: ServiceAccountPanelProps) {
  if (!verdict.serviceAccount) return null
  const client = verdict.clientId ? <code className="font-mono">{verdict.clientId}</code> : null
  return (
    <div data-service-account className="rounded-lg bg-sky-50 px-3 py-2 text-xs text-slate-700">
      <p className="font-semibold text-slate-800">
        A service-account token: no user{client && <> — it stands for the client {client}</>}
      </p>
      <p className="mt-1">
        A client credentials grant has no end-user: the client authenticates as itself. Keycloak
        still puts a subject in the token, the hidden user{' '}
        <code className="font-mono">service-account-&lt;client&gt;</code>, and its service-account
        mappers add <code className="font-mono">clientId</code> (the client; Keycloak 24 and later
        send <code className="font-mono">client_id</code>),{' '}
        <code className="font-mono">clientHost</code> and{' '}
        <code className="font-mono">clientAddress</code> (where the token request came from).
        Userinfo, if it answers, describes that stand-in user, not a person.
      </p>
      <ul className="mt-1 list-disc pl-4">
        {verdict.evidence.map((sentence) => (
          <li key={sentence} data-service-account-evidence>
            {sentence}
          </li>
        ))}
      </ul>
    </div>
  )
}
