import { useEffect } from 'react'
import type { Lab } from '@/features/flow/lab'
import { deviceStep } from '@/features/flow/steps/device/step'

/** Polls the token endpoint at the provider's interval (longer after slow_down) until it answers. */
export function useDevicePolling(lab: Lab, poll: () => void) {
  const device = lab.resultOf(deviceStep)
  const running = lab.flow.running.includes(deviceStep.id)
  const wait = device?.nextPollIn
  const expiresAt = device?.expiresAt
  const polls = device?.polls.length ?? 0
  useEffect(() => {
    if (wait === undefined || running) return
    // one poll after expiry shows the provider's expired_token; none after that
    if (expiresAt !== undefined && Date.now() > expiresAt + wait * 1000) return
    const timer = setTimeout(poll, wait * 1000)
    return () => clearTimeout(timer)
  }, [wait, running, expiresAt, polls, poll])
}
