import { ExchangeList } from '@/features/exchanges/components/exchange-list'
import { FlowPage } from '@/features/flow/components/flow-page'
import { initFlow } from '@/features/flow/hooks/use-flow'
import { useLab } from '@/features/flow/hooks/use-lab'
import { Layout } from '@/app/layout'

const init = () => initFlow('lab', window.location)

export function LabRoute() {
  const lab = useLab(init)
  return (
    <Layout>
      <FlowPage
        lab={lab}
        route="lab"
        aside={<ExchangeList exchanges={lab.exchanges} onClear={lab.clearExchanges} />}
      />
    </Layout>
  )
}
