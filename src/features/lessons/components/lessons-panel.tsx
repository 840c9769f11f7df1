import { useQuery } from '@tanstack/react-query'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { env } from '@/config/env'
import { fetchedValue, fetchFailure } from '@/lib/provider-queries'
import { discoveryQueryOptions } from '@/lib/provider-query-options'
import { compareHash, LESSONS, type Lesson } from '@/features/lessons/lessons'
import type { LessonFlowRunner } from '@/features/lessons/lesson-runner'
import {
  useLessons,
  type ChannelFns,
  type LessonState,
  type LessonStatus,
} from '@/features/lessons/hooks/use-lessons'
import { appPath } from '@/lib/app-base'

export interface LessonsPanelProps {
  redirectUri: string
  /** The guided flow's steps, run and recorded headlessly (composed in src/app). */
  runFlow: LessonFlowRunner
  /** Silent (frame) and interactive (popup) authorization (composed in src/app). */
  channel: ChannelFns
}

const STATUS_TEXT: Record<LessonStatus, string> = {
  ready: 'Ready',
  running: 'Running…',
  passed: '✓ Passed',
  failed: '✗ Failed',
}
const STATUS_TONE = { ready: 'neutral', running: 'info', passed: 'pass', failed: 'fail' } as const

interface LessonCardProps {
  lesson: Lesson
  state: LessonState | undefined
  busy: boolean
  canPlay: boolean
  needsLogin: boolean
  onPlay: () => void
  onSignIn: () => void
}

function LessonCard({
  lesson,
  state,
  busy,
  canPlay,
  needsLogin,
  onPlay,
  onSignIn,
}: LessonCardProps) {
  const status = state?.status ?? 'ready'
  const titleId = `lesson-${lesson.id}-title`
  const outcome = state?.outcome
  return (
    <Card
      data-lesson={lesson.id}
      data-lesson-status={status}
      aria-labelledby={titleId}
      className="space-y-3 p-5"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <h3 id={titleId} className="text-base font-semibold">
          {lesson.title}
        </h3>
        <Badge tone={STATUS_TONE[status]} aria-live="polite">
          {STATUS_TEXT[status]}
        </Badge>
      </header>
      <p className="text-sm text-slate-700">{lesson.story}</p>
      <p className="text-sm">
        <strong className="font-semibold">Expected: </strong>
        {lesson.expected}
      </p>
      <p className="text-xs text-slate-600">
        Runs:{' '}
        {lesson.runs
          .map(
            (r) =>
              `${r.label} (${r.clientId}, ${r.grant === 'client_credentials' ? `client credentials, scope ${r.tokenRequestScope ?? ''}` : `scope ${r.scopes.join(' ') || '(none)'}`})`,
          )
          .join(' → ')}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={onPlay} disabled={busy || !canPlay} aria-describedby={titleId}>
          Play
        </Button>
        {outcome && (
          <a
            href={appPath(compareHash(outcome.runIds))}
            className="text-sm font-medium text-indigo-700 underline hover:text-indigo-900"
          >
            Compare the two runs
          </a>
        )}
      </div>
      {needsLogin && (
        <div
          role="alert"
          data-diagnosis="login_required"
          className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm"
        >
          <span>
            The demo realm has no session for you yet: sign in once as <strong>alice</strong> /{' '}
            <strong>alice</strong> in the popup, then the lessons continue by themselves.
          </span>
          <Button onClick={onSignIn}>Sign in at the demo realm</Button>
        </div>
      )}
      {outcome && (
        <p
          className={
            outcome.verdict.passed
              ? 'text-sm text-emerald-800'
              : 'text-sm font-medium text-rose-800'
          }
          data-lesson-actual
        >
          <strong className="font-semibold">What happened: </strong>
          {outcome.verdict.actual}
        </p>
      )}
      {state?.error && (
        <p role="alert" className="text-sm text-rose-800">
          The lesson could not be played to the end: {state.error}
        </p>
      )}
    </Card>
  )
}

/** The lesson gallery of `/#lessons`: each lesson plays real runs on the demo realm. */
export function LessonsPanel({ redirectUri, runFlow, channel }: LessonsPanelProps) {
  const issuer = env.demoIssuer
  const discovery = useQuery(discoveryQueryOptions(issuer))
  const document = fetchedValue(discovery.data)
  const lessons = useLessons(document, redirectUri, runFlow, channel)
  const failure = discovery.data && !document ? fetchFailure(discovery.data) : undefined

  return (
    <div className="mx-auto max-w-6xl space-y-5 px-4 py-6">
      <Card className="space-y-3 p-5">
        <h2 className="text-base font-semibold">Lessons</h2>
        <p className="text-sm text-slate-700">
          Each lesson tells a short story, states what should happen, then plays real runs on the
          demo realm (<code className="font-mono">{issuer}</code>) and says whether that is what
          happened. Every run is saved in <a href={appPath('#history')}>History &amp; compare</a>,
          and each lesson links to the comparison of its two runs.
        </p>
        <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">
          <strong>Sign in once:</strong> the first lesson that needs a user opens the demo
          realm&apos;s sign-in in a popup. Sign in as <strong>alice</strong>, password{' '}
          <strong>alice</strong>; the other lessons reuse that session.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            size="lg"
            disabled={!document || lessons.busy}
            onClick={() => void lessons.play(LESSONS.map((l) => l.id))}
          >
            Play all
          </Button>
          {lessons.busy && (
            <Button variant="secondary" onClick={lessons.cancel}>
              Cancel
            </Button>
          )}
          {!document && !failure && (
            <span className="text-sm text-slate-500">Reading the demo realm&apos;s discovery…</span>
          )}
        </div>
        {failure && (
          <p role="alert" data-diagnosis="discovery_failed" className="text-sm text-rose-800">
            The demo realm did not answer its discovery document ({failure}). Start it with{' '}
            <code className="font-mono">npm run idp</code> (or <code>npm start</code>), then reload.
          </p>
        )}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        {LESSONS.map((lesson) => (
          <LessonCard
            key={lesson.id}
            lesson={lesson}
            state={lessons.states[lesson.id]}
            busy={lessons.busy}
            canPlay={document !== undefined}
            needsLogin={lessons.pendingLogin === lesson.id}
            onPlay={() => void lessons.play([lesson.id])}
            onSignIn={lessons.signIn}
          />
        ))}
      </div>
    </div>
  )
}
