import { useCallback, useState } from 'react'
import type { AnyStep, StepStatus } from '@/features/flow/steps/types'

export interface FoldItem {
  id: string
  /** On the run's main line: the steps up to the last one "Run the whole flow" sends. */
  line: boolean
  status: StepStatus
}

/** Which steps are on the main line of this page: run steps up to the last auto-run one. */
export function mainLine(steps: readonly AnyStep[]): Set<string> {
  const lastAuto = steps.findLastIndex((s) => s.autoRun === true)
  return new Set(steps.filter((s, i) => s.phase === 'run' && i <= lastAuto).map((s) => s.id))
}

/**
 * The steps folded unless the reader unfolds them: a finished (`done`) step of the main line once
 * a later main-line step has finished too. So the newest step and every failed one stay open, and
 * the lifecycle steps (refresh, introspect…), which the reader may send again, never fold.
 */
export function autoFolded(items: readonly FoldItem[]): Set<string> {
  const folded = new Set<string>()
  let laterFinished = false
  for (const item of [...items].reverse()) {
    if (!item.line) continue
    if (item.status === 'done' && laterFinished) folded.add(item.id)
    if (item.status === 'done' || item.status === 'fail') laterFinished = true
  }
  return folded
}

export interface StepFolds {
  isFolded(id: string): boolean
  toggle(id: string): void
  /** Unfolds a step (the run summary's links lead into it). */
  reveal(id: string): void
}

/** `enabled` false: nothing folds (the grants that run on `/` keep their fields in sight). */
export function useStepFolds(
  steps: readonly AnyStep[],
  statusOf: (step: AnyStep) => StepStatus,
  enabled: boolean,
): StepFolds {
  // the reader's own choices win over the automatic folding, until the page is left
  const [chosen, setChosen] = useState<Readonly<Record<string, boolean>>>({})
  const line = mainLine(steps)
  const auto = enabled
    ? autoFolded(steps.map((s) => ({ id: s.id, line: line.has(s.id), status: statusOf(s) })))
    : new Set<string>()
  const isFolded = (id: string) => chosen[id] ?? auto.has(id)
  const reveal = useCallback((id: string) => setChosen((c) => ({ ...c, [id]: false })), [])
  return {
    isFolded,
    toggle: (id) => setChosen((c) => ({ ...c, [id]: !isFolded(id) })),
    reveal,
  }
}
