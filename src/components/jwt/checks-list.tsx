import { Badge } from '@/components/ui/badge'
import { RichText } from '@/components/ui/rich-text'

export interface CheckItem {
  id: string
  status: 'pass' | 'fail' | 'warn' | 'skip'
  message: string
  /** Where the rule comes from; shown as a small link. */
  specLink?: string
}

export interface ChecksListProps {
  checks: CheckItem[]
  informative?: boolean
}

const LABEL = { pass: 'pass', fail: 'fail', warn: 'warn', skip: 'skipped' } as const

export function ChecksList({ checks, informative }: ChecksListProps) {
  if (checks.length === 0) return null
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium text-slate-600">
        Validation
        {informative &&
          ' (informative: an access token is for the resource server, not the client)'}
      </p>
      <ul className="space-y-1">
        {checks.map((check) => (
          <li
            key={check.id}
            data-check={check.id}
            data-status={check.status}
            className="flex items-start gap-2 text-xs"
          >
            <Badge tone={check.status} className="w-16 shrink-0 justify-center">
              {LABEL[check.status]}
            </Badge>
            <code className="min-w-20 shrink-0 font-mono font-semibold whitespace-nowrap">
              {check.id}
            </code>
            <span className="min-w-0 break-words text-slate-700 [overflow-wrap:anywhere]">
              <RichText text={check.message} />
              {check.specLink && (
                <a
                  href={check.specLink}
                  target="_blank"
                  rel="noreferrer noopener"
                  title="The rule in the spec"
                  className="ml-1 text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700"
                >
                  spec ↗
                </a>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
