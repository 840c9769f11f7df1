import { ExchangeList } from '@/features/exchanges/components/exchange-list'
import { FlowPage } from '@/features/flow/components/flow-page'
import { initFlow } from '@/features/flow/hooks/use-flow'
import { useLab } from '@/features/flow/hooks/use-lab'
import { Layout } from '@/app/layout'

const init = () => initFlow('callback', window.location)

export function CallbackRoute() {
  const lab = useLab(init)
  return (
    <Layout>
      <FlowPage
        lab={lab}
        route="callback"
        aside={<ExchangeList exchanges={lab.exchanges} onClear={lab.clearExchanges} />}
      />
    </Layout>
  )
}
