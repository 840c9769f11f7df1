import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import type { LabConfig } from '@/lib/lab-config/lab-config'

export interface SetupSummaryProps {
  config: LabConfig
  issuer: string | undefined
  onEdit: () => void
}

/** On `/callback` the setup is fixed (it produced this code): one line instead of four cards. */
export function SetupSummary({ config, issuer, onEdit }: SetupSummaryProps) {
  return (
    <Card
      aria-label="Setup of this run"
      className="flex flex-wrap items-center gap-x-6 gap-y-2 px-5 py-3 text-sm"
    >
      <span>
        <span className="text-slate-500">Issuer </span>
        <code className="font-mono text-xs">{issuer ?? '—'}</code>
      </span>
      <span>
        <span className="text-slate-500">Client </span>
        <code className="font-mono text-xs">{config.clientId}</code>{' '}
        <span className="text-xs text-slate-500">({config.clientType})</span>
      </span>
      <span>
        <span className="text-slate-500">Scope </span>
        <code className="font-mono text-xs">{config.scopes.join(' ') || '(none)'}</code>
      </span>
      <Button variant="secondary" size="sm" className="ml-auto" onClick={onEdit}>
        Change setup / new run
      </Button>
    </Card>
  )
}
