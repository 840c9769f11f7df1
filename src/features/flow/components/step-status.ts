import type { StepStatus } from '@/features/flow/steps/types'

/** How each step status looks: one map for the step cards and the run outline. */
export const STEP_STATUS: Record<
  StepStatus,
  { label: string; tone: 'pass' | 'fail' | 'warn' | 'info' | 'skip' }
> = {
  waiting: { label: 'waiting', tone: 'skip' },
  ready: { label: 'ready', tone: 'info' },
  running: { label: 'running', tone: 'info' },
  done: { label: 'done', tone: 'pass' },
  fail: { label: 'failed', tone: 'fail' },
}
