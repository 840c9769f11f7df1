import type { RunView } from '@/lib/runs/run-views'

/** The sentence for a pair whose one side has no claims: never "no differences". */
export function emptySide(left: RunView, right: RunView): string | undefined {
  const missing = [left, right].filter((v) => !v.claims)
  if (missing.length === 0) return undefined
  if (left.id === right.id) return `Both sides are the ${left.label}: pick two different views.`
  return `Nothing to compare: ${missing
    .map((v) => `the ${v.label} has no claims (${v.status ?? 'absent'})`)
    .join(' and ')}.`
}

/** Said instead of a comparison when the run has fewer than two views with claims. */
export function NothingToCompare({ views }: { views: readonly RunView[] }) {
  const readable = views.filter((v) => v.claims)
  const others = views.filter((v) => !v.claims)
  return (
    <p
      role="status"
      data-nothing-to-compare
      className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      Nothing to compare in this run:{' '}
      {readable.length === 0
        ? 'it has no claims at all'
        : `only the ${readable[0]?.label} has claims`}{' '}
      ({others.map((v) => `${v.label}: ${v.status ?? 'absent'}`).join(', ')}). A view comparison
      needs two of ID token, access token and userinfo response; compare it with another run
      instead.
    </p>
  )
}
