import { useMemo } from 'react'
import type { ScopeMatrix } from '@/lib/matrix/build-matrix'
import { explainIdenticalSets } from '@/lib/matrix/identical-sets'
import { demoScopeKinds, type ScopeKindInfo } from '@/lib/scope-kinds/scope-kinds'
import type { LabConfig } from '@/lib/lab-config/lab-config'

const label = (scopes: string[]) => scopes.join(' ') || '(no scope)'

/** Says why two columns of the matrix are identical, e.g. `openid profile` = `openid`. */
export function MatrixIdentical({ matrix, config }: { matrix: ScopeMatrix; config: LabConfig }) {
  const pairs = useMemo(() => {
    const kinds =
      config.preset === 'demo' ? demoScopeKinds(config.clientId) : new Map<string, ScopeKindInfo>()
    return explainIdenticalSets(matrix, kinds)
  }, [matrix, config.preset, config.clientId])
  if (pairs.length === 0) return null
  return (
    <section
      aria-label="Identical columns"
      className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950"
    >
      <h3 className="font-semibold">Identical columns</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {pairs.map(({ sets: [a, b], reasons }) => (
          <li key={`${a}-${b}`} data-identical-sets={`${a},${b}`}>
            <code className="font-mono">{label(matrix.sets[b]?.scopes ?? [])}</code> ={' '}
            <code className="font-mono">{label(matrix.sets[a]?.scopes ?? [])}</code>:{' '}
            {reasons.join(' ')}
          </li>
        ))}
      </ul>
    </section>
  )
}
