import { useState } from 'react'
import { parseScopeSets, toggleScopeSets } from '@/lib/matrix/build-matrix'

export interface MatrixSetupProps {
  supported: string[]
  onSetsChange: (sets: string[][]) => void
  /** Sets from a shared link (`#matrix?sets=…`): shown as typed sets. */
  initialSets?: string[][]
}

export function MatrixSetup({ supported, onSetsChange, initialSets }: MatrixSetupProps) {
  const [mode, setMode] = useState<'toggle' | 'typed'>(initialSets ? 'typed' : 'toggle')
  const [base, setBase] = useState('openid')
  const [toggled, setToggled] = useState<string[]>(
    supported.filter((s) => ['profile', 'email', 'phone'].includes(s)),
  )
  const [typed, setTyped] = useState(
    initialSets
      ? initialSets.map((set) => set.join(' ')).join('\n')
      : 'openid\nopenid email\nprofile\nprofile email',
  )

  const emit = (next: {
    mode?: typeof mode
    base?: string
    toggled?: string[]
    typed?: string
  }) => {
    const m = next.mode ?? mode
    onSetsChange(
      m === 'typed'
        ? parseScopeSets(next.typed ?? typed)
        : toggleScopeSets(
            (next.base ?? base).split(/\s+/).filter(Boolean),
            next.toggled ?? toggled,
          ),
    )
  }

  return (
    <div className="space-y-3 text-sm">
      <fieldset className="flex gap-4">
        <legend className="mb-1 text-xs font-medium text-slate-700">Scope sets</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="matrix-mode"
            checked={mode === 'toggle'}
            onChange={() => (setMode('toggle'), emit({ mode: 'toggle' }))}
          />
          Toggle scopes on a base set
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="matrix-mode"
            checked={mode === 'typed'}
            onChange={() => (setMode('typed'), emit({ mode: 'typed' }))}
          />
          Type the sets
        </label>
      </fieldset>
      {mode === 'toggle' ? (
        <div className="space-y-2">
          <label className="flex items-center gap-2 text-xs font-medium text-slate-700">
            Base scopes
            <input
              value={base}
              onChange={(e) => (setBase(e.target.value), emit({ base: e.target.value }))}
              className="h-8 w-64 rounded-md border border-slate-300 px-2 font-mono font-normal"
            />
          </label>
          <div className="flex flex-wrap gap-2">
            {supported
              .filter((s) => !base.split(/\s+/).includes(s))
              .map((scope) => (
                <label
                  key={scope}
                  className="flex items-center gap-1.5 rounded-full border border-slate-200 px-2.5 py-1 font-mono text-xs has-checked:border-indigo-400 has-checked:bg-indigo-50"
                >
                  <input
                    type="checkbox"
                    aria-label={`Toggle ${scope}`}
                    checked={toggled.includes(scope)}
                    onChange={(e) => {
                      const next = e.target.checked
                        ? [...toggled, scope]
                        : toggled.filter((s) => s !== scope)
                      setToggled(next)
                      emit({ toggled: next })
                    }}
                  />
                  {scope}
                </label>
              ))}
          </div>
        </div>
      ) : (
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
          One scope set per line
          <textarea
            value={typed}
            rows={5}
            onChange={(e) => (setTyped(e.target.value), emit({ typed: e.target.value }))}
            className="rounded-md border border-slate-300 p-2 font-mono text-sm font-normal"
          />
        </label>
      )}
    </div>
  )
}
