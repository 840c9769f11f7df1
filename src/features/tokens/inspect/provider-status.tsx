import { cn } from '@/lib/cn'
import type { ProviderKeys } from './use-provider-keys'

export interface ProviderStatusProps {
  keys: ProviderKeys
}

const TONE = {
  none: 'text-slate-500',
  invalid: 'text-rose-700',
  loading: 'text-slate-500',
  error: 'text-rose-700',
  ready: 'text-emerald-700',
}

export function ProviderStatus({ keys }: ProviderStatusProps) {
  return (
    <p role="status" data-keys-state={keys.state} className={cn('text-xs', TONE[keys.state])}>
      {keys.state === 'ready' && '✓ '}
      {keys.message}
    </p>
  )
}
