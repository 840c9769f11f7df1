import { CopyButton } from '@/components/ui/copy-button'
import type { DeviceResult } from '@/features/flow/steps/device/step'
import { QrCode } from '@/features/flow/steps/device/qr-code'

const OUTCOME_TEXT = {
  pending: 'authorization_pending: the user has not answered yet',
  slow_down: 'slow_down: polled too fast, the interval grows by 5 s',
  expired: 'expired_token: the device code expired, start again',
  denied: 'access_denied: the user said no',
  other: 'refused',
  no_answer: 'no HTTP answer',
  done: 'tokens issued',
} as const

/** What the device shows the user: the code, where to enter it, and the polls so far. */
export function DeviceCodePanel({ device }: { device: DeviceResult }) {
  const authorization = device.authorization
  if (!authorization) return null
  const complete = authorization.verification_uri_complete
  return (
    <div className="grid gap-4 rounded-lg border border-indigo-200 bg-indigo-50/50 p-4 sm:grid-cols-[1fr_auto]">
      <div className="space-y-2 text-sm">
        <p>
          On another device, open{' '}
          <a
            href={authorization.verification_uri}
            target="_blank"
            rel="noreferrer"
            className="font-mono break-all text-indigo-700 underline"
          >
            {authorization.verification_uri}
          </a>{' '}
          and enter
        </p>
        <p className="font-mono text-3xl font-bold tracking-widest" data-user-code>
          {authorization.user_code}
        </p>
        <CopyButton text={authorization.user_code} label="Copy user code" />
        {complete && (
          <p className="text-xs break-all">
            Or open{' '}
            <a
              href={complete}
              target="_blank"
              rel="noreferrer"
              data-verification-complete
              className="font-mono text-indigo-700 underline"
            >
              {complete}
            </a>{' '}
            (the code filled in), or scan the QR code.
          </p>
        )}
        <p className="text-xs text-slate-600">
          Polling every {device.nextPollIn ?? authorization.interval} s
          {authorization.intervalDefaulted ? ' (no interval given: RFC 8628’s default)' : ''}; the
          code expires in {authorization.expires_in} s.
        </p>
        {authorization.deviations.map((d) => (
          <p key={d} className="text-xs break-all text-amber-800" data-deviation>
            Deviation from the spec: {d}
          </p>
        ))}
        <ol className="space-y-0.5 text-xs" aria-label="Polls">
          {device.polls.map((poll, i) => (
            <li key={poll.exchange.id} data-poll={poll.error ?? poll.outcome}>
              Poll {i + 1}: {OUTCOME_TEXT[poll.outcome]}
            </li>
          ))}
        </ol>
      </div>
      {complete && <QrCode text={complete} label="QR code of the verification URI" />}
    </div>
  )
}
