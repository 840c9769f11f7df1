import { ClaimPrimitive } from '@/components/jwt/claim-primitive'

export interface ClaimValueProps {
  value: unknown
  depth?: number
}

const MAX_DEPTH = 4

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object'

/** A claim value shown readably: arrays of strings as chips, objects as nested key/value lists. */
export function ClaimValue({ value, depth = 0 }: ClaimValueProps) {
  if (isPrimitive(value)) return <ClaimPrimitive value={value} />
  if (depth >= MAX_DEPTH) return <span className="break-all">{JSON.stringify(value)}</span>
  if (Array.isArray(value)) {
    const items: unknown[] = value
    if (items.length === 0) return <span className="text-slate-500 italic">empty list</span>
    if (items.every(isPrimitive)) {
      return (
        <span className="flex flex-wrap gap-1">
          {items.map((item, i) => (
            <span key={i} className="rounded bg-slate-100 px-1.5 py-px ring-1 ring-slate-200">
              <ClaimPrimitive value={item} />
            </span>
          ))}
        </span>
      )
    }
    return (
      <ol className="space-y-1 border-l-2 border-slate-200 pl-2">
        {items.map((item, i) => (
          <li key={i}>
            <ClaimValue value={item} depth={depth + 1} />
          </li>
        ))}
      </ol>
    )
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return <span className="text-slate-500 italic">empty object</span>
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-2 gap-y-1 border-l-2 border-slate-200 pl-2">
      {entries.map(([key, item]) => (
        <div key={key} className="contents">
          <dt className="text-slate-500">{key}</dt>
          <dd className="min-w-0">
            <ClaimValue value={item} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
