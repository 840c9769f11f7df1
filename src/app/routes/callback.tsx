import { ExchangeList } from '@/features/exchanges/components/exchange-list'
import { FlowPage } from '@/features/flow/components/flow-page'
import { initFlow } from '@/features/flow/hooks/use-flow'
import { useLab } from '@/features/flow/hooks/use-lab'
import { useScrubbedCallbackUrl } from '@/features/flow/hooks/use-scrubbed-callback-url'
import { useRunRecorder } from '@/features/flow/hooks/use-run-recorder'
import { RunSaved } from '@/features/flow/components/run-saved'
import { FLOW_STEPS } from '@/features/flow/steps/registry'
import { RUN_VIEWS } from '@/features/flow/components/run-views'
import { Layout } from '@/app/layout'

const init = () => initFlow('callback', window.location)

export function CallbackRoute() {
  const lab = useLab(init, FLOW_STEPS)
  const run = useRunRecorder(lab, FLOW_STEPS)
  useScrubbedCallbackUrl(lab.flow)
  return (
    <Layout>
      <RUN_VIEWS.TokenChecksProbe lab={lab} />
      <FlowPage
        lab={lab}
        route="callback"
        runViews={RUN_VIEWS}
        banner={<RunSaved run={run} />}
        aside={<ExchangeList exchanges={lab.exchanges} onClear={lab.clearExchanges} />}
      />
    </Layout>
  )
}
