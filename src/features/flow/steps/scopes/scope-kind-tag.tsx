import { Badge } from '@/components/ui/badge'
import { SCOPE_KIND_TAGS, type ScopeKindInfo } from '@/lib/scope-kinds/scope-kinds'

/** `default — always applied` / `optional — only when requested`, and where that is known from. */
export function ScopeKindTag({
  id,
  scope,
  info,
}: {
  id: string
  scope: string
  info: ScopeKindInfo
}) {
  return (
    <p
      id={id}
      className="mt-1 pl-6 text-xs text-slate-600"
      data-scope-kind={info.kind}
      data-scope={scope}
    >
      <Badge tone={info.kind === 'default' ? 'info' : 'neutral'}>
        {SCOPE_KIND_TAGS[info.kind]}
      </Badge>{' '}
      <span>({info.source})</span>
    </p>
  )
}
