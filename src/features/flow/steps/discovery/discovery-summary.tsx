import { lazy, Suspense } from 'react'
import { Badge } from '@/components/ui/badge'
import type { DiscoveryState } from '@/features/flow/hooks/use-discovery'
import type { Lab } from '@/features/flow/lab'

// the alert and its one-click fixes load when discovery fails, not with every first page
const DiagnosisAlert = lazy(() =>
  import('@/features/flow/components/diagnosis-alert').then((m) => ({ default: m.DiagnosisAlert })),
)

export interface DiscoverySummaryProps {
  discovery: DiscoveryState
  lab: Lab
}

const ENDPOINTS = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'jwks_uri',
  'end_session_endpoint',
  'introspection_endpoint',
  'revocation_endpoint',
  'device_authorization_endpoint',
] as const

export function DiscoverySummary({ discovery, lab }: DiscoverySummaryProps) {
  if (discovery.status === 'idle') return null
  if (discovery.status === 'loading')
    // as tall as the document's summary will be, so nothing below jumps when it arrives (CLS)
    return (
      <p className="min-h-[46.5rem] rounded-lg border border-slate-200 p-3 text-sm text-slate-600 sm:min-h-[18.875rem]">
        Fetching the discovery document…
      </p>
    )
  if (discovery.status === 'error')
    return (
      <Suspense
        fallback={
          <p role="alert" data-diagnosis={discovery.diagnosis.code} className="text-sm">
            {discovery.diagnosis.title}
          </p>
        }
      >
        <DiagnosisAlert diagnosis={discovery.diagnosis} lab={lab} />
      </Suspense>
    )
  const doc = discovery.document
  const list = (values: string[] | undefined) =>
    values && values.length > 0 ? (
      <span className="flex flex-wrap gap-1">
        {values.map((v) => (
          <Badge key={v}>{v}</Badge>
        ))}
      </span>
    ) : (
      <span className="text-slate-500">not advertised</span>
    )
  return (
    <div className="rounded-lg border border-emerald-200 bg-emerald-50/40 p-3 text-sm">
      <p className="mb-2 font-medium text-emerald-900">Discovery document loaded</p>
      <dl className="grid gap-x-4 gap-y-1.5 sm:grid-cols-[17rem_1fr]">
        {ENDPOINTS.map((name) => (
          <div key={name} className="contents">
            <dt className="font-mono text-xs text-slate-600">{name}</dt>
            <dd className="font-mono text-xs break-all">
              {doc[name] ?? <span className="text-slate-500">not advertised</span>}
            </dd>
          </div>
        ))}
        <dt className="font-mono text-xs text-slate-600">scopes_supported</dt>
        <dd>{list(doc.scopes_supported)}</dd>
        <dt className="font-mono text-xs text-slate-600">grant_types_supported</dt>
        <dd>{list(doc.grant_types_supported)}</dd>
        <dt className="font-mono text-xs text-slate-600">code_challenge_methods_supported</dt>
        <dd>{list(doc.code_challenge_methods_supported)}</dd>
      </dl>
    </div>
  )
}
