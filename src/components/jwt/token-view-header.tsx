import type { CheckItem } from '@/components/jwt/checks-list'
import { Badge } from '@/components/ui/badge'
import { CopyButton } from '@/components/ui/copy-button'

export interface TokenViewHeaderProps {
  title: string
  /** Kind label, e.g. `Signed JWT (JWS)`; absent for plain JSON claims. */
  label?: string
  checks: CheckItem[]
  raw?: string
  payload?: Record<string, unknown>
}

const SIGNATURE = {
  pass: '✓ signature verified',
  fail: '✗ signature not valid',
  warn: 'signature doubtful',
  skip: 'signature not verified',
}

export function TokenViewHeader({ title, label, checks, raw, payload }: TokenViewHeaderProps) {
  const count = (status: CheckItem['status']) => checks.filter((c) => c.status === status).length
  const [fails, warns, passes, skips] = [count('fail'), count('warn'), count('pass'), count('skip')]
  const signature = checks.find((c) => c.id === 'signature')
  return (
    <header className="flex flex-wrap items-center gap-2">
      <h4 className="font-semibold">{title}</h4>
      {label && (
        <Badge
          tone={
            label.startsWith('Signed') ? 'info' : label.startsWith('Opaque') ? 'neutral' : 'warn'
          }
        >
          {label}
        </Badge>
      )}
      {signature && (
        <Badge tone={signature.status} data-signature-badge={signature.status}>
          {SIGNATURE[signature.status]}
        </Badge>
      )}
      {checks.length > 0 && (
        <span className="text-xs text-slate-500" data-check-summary>
          {[
            fails > 0 && `${fails} failed`,
            warns > 0 && `${warns} warning${warns > 1 ? 's' : ''}`,
            `${passes} passed`,
            skips > 0 && `${skips} skipped`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      )}
      <span className="ml-auto flex gap-1.5">
        {raw && <CopyButton text={raw} label="Copy token" />}
        {payload && (
          <CopyButton
            text={JSON.stringify(payload, null, 2)}
            label={raw ? 'Copy payload JSON' : 'Copy JSON'}
          />
        )}
      </span>
    </header>
  )
}
