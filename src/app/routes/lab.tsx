import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { CopyLink } from '@/components/ui/copy-link'
import { ErrorBoundary } from '@/components/ui/error-boundary'
import { ExchangeList } from '@/features/exchanges/components/exchange-list'
import { FlowPage } from '@/features/flow/components/flow-page'
import { initFlow } from '@/features/flow/hooks/use-flow'
import { useLab } from '@/features/flow/hooks/use-lab'
import { useSetupLinkSync } from '@/features/flow/hooks/use-setup-link'
import { buildMatrixFragment } from '@/lib/lab-config/setup-link'
import { runMatrixSet } from '@/features/flow/headless-run'
import { Layout } from '@/app/layout'
import { LabTabs, parseLabView, type LabView } from '@/app/lab-tabs'

const init = () => initFlow('lab', window.location)

// the other views load on first use: the guided flow is what most visits need
const MatrixPanel = lazy(() =>
  import('@/features/matrix/components/matrix-panel').then((m) => ({ default: m.MatrixPanel })),
)
const HistoryPanel = lazy(() =>
  import('@/features/tokens/history/history-panel').then((m) => ({ default: m.HistoryPanel })),
)
const InspectPanel = lazy(() =>
  import('@/features/tokens/inspect/inspect-panel').then((m) => ({ default: m.InspectPanel })),
)

/** Reads the view from the fragment; a `#token=` is taken out of the address bar and history at once. */
function readView(): LabView {
  const view = parseLabView(window.location.hash)
  if (view.name === 'inspect' && view.token !== undefined) {
    const { pathname, search } = window.location
    history.replaceState(history.state, '', `${pathname}${search}#inspect`)
  }
  return view
}

export function LabRoute() {
  const lab = useLab(init)
  const [view, setView] = useState<LabView>(readView)
  useEffect(() => {
    const onHash = () => setView(readView())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  useSetupLinkSync(lab.config)
  const followMatrixSets = useCallback((sets: string[][]) => {
    const { pathname, search, hash } = window.location
    if (!hash.startsWith('#matrix')) return
    history.replaceState(history.state, '', `${pathname}${search}${buildMatrixFragment(sets)}`)
  }, [])
  return (
    <Layout>
      <LabTabs view={view} />
      {view.name === 'flow' && (
        <FlowPage
          lab={lab}
          route="lab"
          banner={
            <CopyLink
              label="Copy setup link"
              link={() => window.location.href}
              hint="Provider, client, scopes and grant; never a secret or a token."
            />
          }
          aside={<ExchangeList exchanges={lab.exchanges} onClear={lab.clearExchanges} />}
        />
      )}
      <Suspense
        fallback={<p className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-500">Loading…</p>}
      >
        {view.name === 'matrix' && (
          <ErrorBoundary what="the matrix">
            <MatrixPanel
              config={lab.config}
              document={lab.context.document}
              redirectUri={lab.context.redirectUri}
              runFlow={runMatrixSet}
              initialSets={view.sets}
              linkProblem={view.problem}
              onSetsChange={followMatrixSets}
            />
          </ErrorBoundary>
        )}
        {view.name === 'history' && (
          <ErrorBoundary what="the history">
            <div className="mx-auto max-w-6xl px-4 py-6">
              <HistoryPanel
                compare={view.compare}
                onCompareChange={(ids) => {
                  window.location.hash = ids ? `compare=${ids.join(',')}` : 'history'
                }}
              />
            </div>
          </ErrorBoundary>
        )}
        {view.name === 'inspect' && (
          <ErrorBoundary what="the inspector">
            <InspectPanel initialToken={view.token} />
          </ErrorBoundary>
        )}
      </Suspense>
    </Layout>
  )
}
