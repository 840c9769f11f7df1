import { lazy, Suspense, useEffect, useState } from 'react'
import { ErrorBoundary } from '@/components/ui/error-boundary'
import { ExchangeList } from '@/features/exchanges/components/exchange-list'
import { FlowPage } from '@/features/flow/components/flow-page'
import { START_AUTHORIZATION_ID } from '@/features/flow/steps/authorize/authorize-body'
import { initFlow } from '@/features/flow/hooks/use-flow'
import { useLab } from '@/features/flow/hooks/use-lab'
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
  return (
    <Layout
      nav={<LabTabs view={view} />}
      skips={
        view.name === 'flow' && lab.config.grant === 'authorization_code'
          ? [{ label: 'Skip to Start authorization', targetId: START_AUTHORIZATION_ID }]
          : []
      }
    >
      {view.name === 'flow' && (
        <FlowPage
          lab={lab}
          route="lab"
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
            />
          </ErrorBoundary>
        )}
        {view.name === 'history' && (
          <ErrorBoundary what="the history">
            <div className="mx-auto max-w-6xl px-4 py-6">
              <h1 className="sr-only">History and comparison of runs</h1>
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
