import { useCallback, useRef, useState } from 'react'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import { runStore } from '@/lib/runs/run-store'
import type { LessonId } from '@/features/lessons/lessons'
import { LESSONS } from '@/features/lessons/lessons'
import {
  playLesson,
  type LessonFlowRunner,
  type LessonOutcome,
} from '@/features/lessons/lesson-runner'

/** `data-lesson-status` of the UI contract. */
export type LessonStatus = 'ready' | 'running' | 'passed' | 'failed'

export interface LessonState {
  status: LessonStatus
  outcome?: LessonOutcome
  /** Why the lesson could not be played to the end (network, popup blocked, cancelled…). */
  error?: string
}

export interface ChannelFns {
  silent: (url: string, signal: AbortSignal) => Promise<string>
  interactive: (url: string, signal: AbortSignal) => Promise<string>
}

interface PendingLogin {
  lesson: LessonId
  url: string
  resolve: (callbackUrl: string) => void
  reject: (error: unknown) => void
}

/** Plays lessons one at a time; a sign-in the provider asks for waits for the user's click. */
export function useLessons(
  document: DiscoveryDocument | undefined,
  redirectUri: string,
  runFlow: LessonFlowRunner,
  channel: ChannelFns,
) {
  const [states, setStates] = useState<Partial<Record<LessonId, LessonState>>>({})
  const [pendingLogin, setPendingLogin] = useState<PendingLogin>()
  const [busy, setBusy] = useState(false)
  const controller = useRef<AbortController>(undefined)

  const set = (id: LessonId, state: LessonState) =>
    setStates((previous) => ({ ...previous, [id]: state }))

  const play = useCallback(
    async (ids: readonly LessonId[]) => {
      if (!document) return
      controller.current?.abort()
      const abort = new AbortController()
      controller.current = abort
      setBusy(true)
      for (const id of ids) set(id, { status: 'ready' })
      try {
        for (const lesson of LESSONS.filter((l) => ids.includes(l.id))) {
          if (abort.signal.aborted) break
          set(lesson.id, { status: 'running' })
          try {
            const outcome = await playLesson({
              lesson,
              document,
              redirectUri,
              signal: abort.signal,
              runFlow,
              silent: channel.silent,
              interactive: (url) =>
                new Promise<string>((resolve, reject) =>
                  setPendingLogin({ lesson: lesson.id, url, resolve, reject }),
                ),
              save: (run) => runStore.save(run),
            })
            set(lesson.id, { status: outcome.verdict.passed ? 'passed' : 'failed', outcome })
          } catch (e) {
            const message = abort.signal.aborted
              ? 'Cancelled before the end: play it again.'
              : e instanceof Error
                ? e.message
                : String(e)
            set(lesson.id, { status: 'failed', error: message })
          }
        }
      } finally {
        setBusy(false)
      }
    },
    [document, redirectUri, runFlow, channel.silent],
  )

  const cancel = useCallback(() => {
    controller.current?.abort()
    pendingLogin?.reject(new DOMException('Cancelled', 'AbortError'))
    setPendingLogin(undefined)
  }, [pendingLogin])

  // popups need a click: the lesson waits for "Sign in at the demo realm"
  const signIn = useCallback(() => {
    const signal = controller.current?.signal
    if (!pendingLogin || !signal) return
    setPendingLogin(undefined)
    channel.interactive(pendingLogin.url, signal).then(pendingLogin.resolve, pendingLogin.reject)
  }, [pendingLogin, channel])

  return { states, busy, pendingLogin: pendingLogin?.lesson, play, cancel, signIn }
}
