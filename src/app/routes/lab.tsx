import { useEffect, useState } from 'react'
import { ExchangeList } from '@/features/exchanges/components/exchange-list'
import { FlowPage } from '@/features/flow/components/flow-page'
import { initFlow } from '@/features/flow/hooks/use-flow'
import { useLab } from '@/features/flow/hooks/use-lab'
import { MatrixPanel } from '@/features/matrix/components/matrix-panel'
import { HistoryPanel } from '@/features/tokens/history/history-panel'
import { InspectPanel } from '@/features/tokens/inspect/inspect-panel'
import { Layout } from '@/app/layout'
import { LabTabs, parseLabView, type LabView } from '@/app/lab-tabs'

const init = () => initFlow('lab', window.location)

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
    <Layout>
      <LabTabs view={view} />
      {view.name === 'flow' && (
        <FlowPage
          lab={lab}
          route="lab"
          aside={<ExchangeList exchanges={lab.exchanges} onClear={lab.clearExchanges} />}
        />
      )}
      {view.name === 'matrix' && (
        <MatrixPanel
          config={lab.config}
          document={lab.discovery.status === 'ok' ? lab.discovery.document : undefined}
          redirectUri={lab.redirectUri}
        />
      )}
      {view.name === 'history' && (
        <div className="mx-auto max-w-6xl px-4 py-6">
          <HistoryPanel
            compare={view.compare}
            onCompareChange={(ids) => {
              window.location.hash = ids ? `compare=${ids.join(',')}` : 'history'
            }}
          />
        </div>
      )}
      {view.name === 'inspect' && <InspectPanel initialToken={view.token} />}
    </Layout>
  )
}
