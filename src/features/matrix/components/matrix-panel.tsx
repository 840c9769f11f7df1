import { useEffect, useMemo, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { DiagnosisView } from '@/components/diagnosis/diagnosis-view'
import type { Diagnosis } from '@/lib/oidc/diagnose'
import { CopyLink } from '@/components/ui/copy-link'
import { STANDARD_SCOPES } from '@/lib/oidc/scopes'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import { buildScopeMatrix, toggleScopeSets, type ScopeSetResult } from '@/lib/matrix/build-matrix'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import { MatrixExport } from '@/features/matrix/components/matrix-export'
import { MatrixIdentical } from '@/features/matrix/components/matrix-identical'
import { MatrixSetup } from '@/features/matrix/components/matrix-setup'
import { MatrixTable } from '@/features/matrix/components/matrix-table'
import { useMatrixRun } from '@/features/matrix/hooks/use-matrix-run'
import type { MatrixFlowRunner } from '@/features/matrix/matrix-runner'

export interface MatrixPanelProps {
  config: LabConfig
  document: DiscoveryDocument | undefined
  /** Why there is no discovery document (it failed), shown instead of waiting for it. */
  discoveryFailure?: Diagnosis
  redirectUri: string
  /** The guided flow's steps, run for one callback (composed in src/app). */
  runFlow: MatrixFlowRunner
  /** Scope sets from a shared link (`#matrix?sets=…`), and why the link's sets were not usable. */
  initialSets?: string[][]
  linkProblem?: string
  /** Told about every change of the sets (to keep them in the address bar). */
  onSetsChange?: (sets: string[][]) => void
}

export function MatrixPanel({
  config,
  document,
  discoveryFailure,
  redirectUri,
  runFlow,
  initialSets,
  linkProblem,
  onSetsChange,
}: MatrixPanelProps) {
  const supported = document?.scopes_supported ?? [...STANDARD_SCOPES]
  const [sets, setSets] = useState(
    () =>
      initialSets ??
      toggleScopeSets(
        ['openid'],
        supported.filter((s) => ['profile', 'email', 'phone'].includes(s)),
      ),
  )
  useEffect(() => onSetsChange?.(sets), [sets, onSetsChange])
  const run = useMatrixRun(document, config, redirectUri, runFlow)
  const done = run.results.filter(Boolean).length
  const matrix = useMemo(
    () => buildScopeMatrix(run.results.filter((r): r is ScopeSetResult => r !== undefined)),
    [run.results],
  )
  const [showStable, setShowStable] = useState(false)
  const running = run.status === 'running' || run.status === 'needs_login'

  return (
    <div className="mx-auto max-w-6xl space-y-5 px-4 py-6">
      <Card className="space-y-4 p-5">
        <header>
          <h1 className="text-base font-semibold">Scope → claims matrix</h1>
          <p className="mt-1 text-sm text-slate-600">
            Runs the flow once per scope set with client{' '}
            <code className="font-mono">{config.clientId}</code>, reusing your session at the
            provider (<code className="font-mono">prompt=none</code>), and shows which claim lands
            in the ID token, the access token and the userinfo response for each set.
          </p>
        </header>
        {linkProblem && (
          <p role="alert" data-diagnosis="invalid_deep_link" className="text-sm text-amber-900">
            {linkProblem}
          </p>
        )}
        <MatrixSetup supported={supported} onSetsChange={setSets} initialSets={initialSets} />
        <p className="text-xs text-slate-600">
          {sets.length} sets: {sets.map((s) => s.join(' ') || '(none)').join(' · ')}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            size="lg"
            disabled={!document || running || sets.length === 0}
            onClick={() => run.start(sets)}
          >
            Run matrix
          </Button>
          <CopyLink
            label="Copy setup link"
            link={() => window.location.href}
            hint="The provider, client and these scope sets, for a teammate."
          />
          {running && (
            <Button variant="secondary" onClick={run.cancel}>
              Cancel
            </Button>
          )}
          {!document && !discoveryFailure && (
            <span className="text-sm text-slate-500">
              Waiting for the provider&apos;s discovery document (Guided flow, step 1).
            </span>
          )}
        </div>
        {!document && discoveryFailure && (
          <div className="space-y-2" data-matrix-blocked="discovery">
            <p className="text-sm font-medium text-rose-900">
              The matrix cannot run: discovery failed ({discoveryFailure.title}). Fix the issuer in
              the Guided flow (step 1); the matrix can run as soon as the discovery document loads.
            </p>
            <DiagnosisView diagnosis={discoveryFailure} />
          </div>
        )}
        {run.status !== 'idle' && (
          <div className="space-y-1">
            <div
              role="progressbar"
              aria-label="Matrix progress"
              aria-valuemin={0}
              aria-valuemax={run.sets.length}
              aria-valuenow={done}
              className="h-2 overflow-hidden rounded-full bg-slate-100"
            >
              <div
                className="h-full bg-indigo-600 transition-all"
                style={{ width: `${(100 * done) / Math.max(1, run.sets.length)}%` }}
              />
            </div>
            <p className="text-xs text-slate-600" data-matrix-status={run.status}>
              {done} of {run.sets.length} sets · {run.status.replace('_', ' ')}
              {run.error && `: ${run.error}`}
            </p>
          </div>
        )}
        {run.status === 'needs_login' && (
          <div
            role="alert"
            data-diagnosis="login_required"
            className="flex items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm"
          >
            <span>
              The provider has no session for you yet (login_required): sign in once, then the
              matrix continues by itself.
            </span>
            <Button onClick={run.signIn}>Sign in at the provider</Button>
          </div>
        )}
      </Card>
      {matrix.sets.length > 0 && (
        <section aria-label="Matrix result" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={showStable}
                onChange={(e) => setShowStable(e.target.checked)}
              />
              Also show claims that never change
            </label>
            <MatrixExport matrix={matrix} />
          </div>
          <MatrixTable matrix={matrix} showStable={showStable} />
          <MatrixIdentical matrix={matrix} config={config} />
          <p className="text-xs text-slate-500">
            ID = ID token, AT = access token, UI = userinfo response. A filled dot: the claim is
            there (hover for its value).
          </p>
        </section>
      )}
    </div>
  )
}
