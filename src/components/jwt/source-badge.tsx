import { cn } from '@/lib/cn'
import type { ClaimSource } from '@/lib/jwt/claim-types'

export interface SourceBadgeProps {
  source: ClaimSource
  specLink: string
}

function tone(source: ClaimSource): string {
  if (source === 'Keycloak') return 'bg-amber-50 text-amber-800 ring-amber-200'
  if (source === 'custom') return 'bg-slate-50 text-slate-500 ring-slate-200'
  if (source.startsWith('OIDC')) return 'bg-indigo-50 text-indigo-800 ring-indigo-200'
  return 'bg-sky-50 text-sky-800 ring-sky-200'
}

/** Which document defines a claim (RFC 7519, OIDC Core, Keycloak, custom), linked to it. */
export function SourceBadge({ source, specLink }: SourceBadgeProps) {
  return (
    <a
      href={specLink}
      target="_blank"
      rel="noreferrer noopener"
      data-source={source}
      title={source === 'custom' ? 'Not defined by a spec we know' : `Defined by ${source}`}
      className={cn(
        'inline-flex rounded-full px-1.5 py-px font-sans text-[10px] font-medium whitespace-nowrap ring-1 ring-inset hover:underline',
        tone(source),
      )}
    >
      {source}
    </a>
  )
}
