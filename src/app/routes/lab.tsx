import { useEffect, useState } from 'react'
import { ExchangeList } from '@/features/exchanges/components/exchange-list'
import { FlowPage } from '@/features/flow/components/flow-page'
import { initFlow } from '@/features/flow/hooks/use-flow'
import { useLab } from '@/features/flow/hooks/use-lab'
import { MatrixPanel } from '@/features/matrix/components/matrix-panel'
import { HistoryPanel } from '@/features/tokens/history/history-panel'
import { Layout } from '@/app/layout'
import { LabTabs, parseLabView, type LabView } from '@/app/lab-tabs'

const init = () => initFlow('lab', window.location)

export function LabRoute() {
  const lab = useLab(init)
  const [view, setView] = useState<LabView>(() => parseLabView(window.location.hash))
  useEffect(() => {
    const onHash = () => setView(parseLabView(window.location.hash))
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
      {view.name === 'inspect' && <div className="mx-auto max-w-6xl px-4 py-6">{view.name}</div>}
    </Layout>
  )
}
