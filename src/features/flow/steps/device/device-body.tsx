import { useCallback } from 'react'
import { RequestView } from '@/components/http/request-view'
import { ResponseView } from '@/components/http/response-view'
import { Button } from '@/components/ui/button'
import { DiagnosisAlert } from '@/features/flow/components/diagnosis-alert'
import { TokenRegions } from '@/features/flow/components/token-regions'
import { useStepRunner } from '@/features/flow/hooks/use-step-runner'
import type { Lab } from '@/features/flow/lab'
import { DeviceCodePanel } from '@/features/flow/steps/device/device-code-panel'
import { deviceStep } from '@/features/flow/steps/device/step'
import { useDevicePolling } from '@/features/flow/steps/device/use-device-polling'

export function DeviceBody({ lab }: { lab: Lab }) {
  const device = lab.resultOf(deviceStep)
  const start = deviceStep.prepare?.(lab.context, 'authorize')
  const poll = deviceStep.prepare?.(lab.context, 'poll')
  const { send, pending } = useStepRunner(lab, deviceStep)
  const pollNow = useCallback(() => send('poll'), [send])
  useDevicePolling(lab, pollNow)
  const last = device?.polls.at(-1)
  return (
    <div className="space-y-4">
      {start?.ok ? (
        !device && <RequestView spec={start.request} label="Device authorization request" />
      ) : (
        <p role="alert" data-diagnosis="grant_not_allowed" className="text-sm text-amber-800">
          {start?.reason}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button size="lg" disabled={!start?.ok || pending} onClick={() => send('authorize')}>
          Start device authorization
        </Button>
        <Button variant="secondary" disabled={!poll?.ok || pending} onClick={pollNow}>
          Request token
        </Button>
      </div>
      {device && <ResponseView exchange={device.exchange} />}
      {device?.error && (
        <p role="alert" data-diagnosis={device.error.code} className="text-sm text-rose-800">
          {device.error.message}
        </p>
      )}
      {device?.authorization && <DeviceCodePanel device={device} />}
      {last && (
        <>
          <ResponseView exchange={last.exchange} />
          {last.token.diagnosis && <DiagnosisAlert diagnosis={last.token.diagnosis} lab={lab} />}
        </>
      )}
      {device?.tokens?.response && <TokenRegions result={device.tokens} lab={lab} />}
    </div>
  )
}
