import { type ComponentProps, lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { CopyLink } from '@/components/ui/copy-link'
import { ErrorBoundary } from '@/components/ui/error-boundary'
import { FlowPage } from '@/features/flow/components/flow-page'
import { START_AUTHORIZATION_ID } from '@/features/flow/steps/authorize/authorize-body'
import { initFlow } from '@/features/flow/hooks/use-flow'
import { useLab } from '@/features/flow/hooks/use-lab'
import { useStepRegistry } from '@/features/flow/hooks/use-step-registry'
import type { FlowState } from '@/features/flow/flow-reducer'
import type { RunViews } from '@/features/flow/components/run-views'
import type { runAndRecordHeadless } from '@/features/flow/headless-run'
import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { MatrixFlowRunner } from '@/features/matrix/matrix-runner'
import { useSetupLinkSync } from '@/features/flow/hooks/use-setup-link'
import { buildMatrixFragment } from '@/lib/lab-config/setup-link'
import { Layout } from '@/app/layout'
import { FragmentNotice, LabTabs, parseLabView, type LabView } from '@/app/lab-tabs'

const init = () => initFlow('lab', window.location)

// the log of the first page holds one discovery GET: it follows the steps
const ExchangeList = lazy(() =>
  import('@/features/exchanges/components/exchange-list').then((m) => ({
    default: m.ExchangeList,
  })),
)
// the other views load on first use: the guided flow is what most visits need
const MatrixPanel = lazy(() =>
  import('@/features/matrix/components/matrix-panel').then((m) => ({ default: m.MatrixPanel })),
)
const HistoryPanel = lazy(() =>
  import('@/features/tokens/history/history-panel').then((m) => ({ default: m.HistoryPanel })),
)
// the lessons sign in like the matrix (hidden frame, popup): the channel loads with them, so the
// popup still opens within the click that asked for it
const LessonsPanel = lazy(() =>
  Promise.all([
    import('@/features/lessons/components/lessons-panel'),
    import('@/features/matrix/callback-channel'),
    import('@/app/query-provider'),
  ]).then(([lessons, channel, { QueryProvider }]) => {
    const lessonChannel = {
      silent: channel.authorizeInFrame,
      interactive: channel.authorizeInPopup,
    }
    return {
      default: (props: Omit<ComponentProps<typeof lessons.LessonsPanel>, 'channel'>) => (
        <QueryProvider>
          <lessons.LessonsPanel {...props} channel={lessonChannel} />
        </QueryProvider>
      ),
    }
  }),
)
const InspectPanel = lazy(() =>
  import('@/app/routes/inspect-view').then((m) => ({ default: m.InspectView })),
)

// the headless run carries every run step: it loads with the first matrix or lesson run
const runMatrixSet: MatrixFlowRunner = (input) =>
  import('@/features/flow/headless-run').then((m) => m.runMatrixSet(input))
const runLessonRun: typeof runAndRecordHeadless = (input, id) =>
  import('@/features/flow/headless-run').then((m) => m.runAndRecordHeadless(input, id))

/** Whether this page shows more than the setup steps of an authorization code flow. */
const needsRunSteps = (config: LabConfig, flow: FlowState) =>
  config.grant !== 'authorization_code' ||
  flow.logout !== undefined ||
  Object.values(flow.sent).some((ids) => ids.length > 0)

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
  const [steps, requireSteps] = useStepRegistry()
  const lab = useLab(init, steps)
  const needed = needsRunSteps(lab.config, lab.flow)
  const [runViews, setRunViews] = useState<RunViews>()
  useEffect(() => {
    if (!needed) return
    requireSteps()
    void import('@/features/flow/components/run-views').then((m) => setRunViews(m.RUN_VIEWS))
  }, [needed, requireSteps])
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
    <Layout
      nav={<LabTabs view={view} />}
      skips={
        view.name === 'flow' && lab.config.grant === 'authorization_code'
          ? [{ label: 'Skip to Start authorization', targetId: START_AUTHORIZATION_ID }]
          : []
      }
    >
      <FragmentNotice notice={view.notice} />
      {runViews && <runViews.TokenChecksProbe lab={lab} />}
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
          runViews={runViews}
          aside={
            <Suspense fallback={null}>
              <ExchangeList exchanges={lab.exchanges} onClear={lab.clearExchanges} />
            </Suspense>
          }
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
              discoveryFailure={
                lab.context.discovery.status === 'error'
                  ? lab.context.discovery.diagnosis
                  : undefined
              }
              redirectUri={lab.context.redirectUri}
              runFlow={runMatrixSet}
              initialSets={view.sets}
              linkProblem={view.problem}
              onSetsChange={followMatrixSets}
            />
          </ErrorBoundary>
        )}
        {view.name === 'lessons' && (
          <ErrorBoundary what="the lessons">
            <LessonsPanel redirectUri={lab.context.redirectUri} runFlow={runLessonRun} />
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
