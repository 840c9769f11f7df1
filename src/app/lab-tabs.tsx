import { cn } from '@/lib/cn'
import { parseMatrixSets } from '@/lib/lab-config/setup-link'

/** Views of `/`, kept in the fragment so they never reach a server (and `#token=` stays local). */
export type LabView =
  | { name: 'flow' }
  | { name: 'inspect'; token?: string }
  | { name: 'history'; compare?: [string, string] }
  | { name: 'matrix'; sets?: string[][]; problem?: string }

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    // a raw `%` in a pasted token: keep the text as it is, the inspector explains what is wrong
    return text
  }
}

export function parseLabView(hash: string): LabView {
  const fragment = hash.replace(/^#/, '')
  if (fragment.startsWith('token='))
    return { name: 'inspect', token: safeDecode(fragment.slice(6)) }
  if (fragment === 'inspect') return { name: 'inspect' }
  if (fragment === 'matrix') return { name: 'matrix' }
  if (fragment.startsWith('matrix?'))
    return { name: 'matrix', ...parseMatrixSets(fragment.slice(7)) }
  if (fragment === 'history') return { name: 'history' }
  if (fragment.startsWith('compare=')) {
    const [a, b] = fragment.slice(8).split(',')
    return a && b ? { name: 'history', compare: [a, b] } : { name: 'history' }
  }
  return { name: 'flow' }
}

const TABS = [
  { name: 'flow', label: 'Guided flow', hash: '' },
  { name: 'inspect', label: 'Inspect a token', hash: '#inspect' },
  { name: 'history', label: 'History & compare', hash: '#history' },
  { name: 'matrix', label: 'Scope → claims matrix', hash: '#matrix' },
] as const

export function LabTabs({ view }: { view: LabView }) {
  return (
    <nav aria-label="Lab views" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-6xl gap-1 px-4">
        {TABS.map((tab) => (
          <li key={tab.name}>
            <a
              href={`/${tab.hash}`}
              onClick={(e) => {
                e.preventDefault()
                window.location.hash = tab.hash
                if (!tab.hash)
                  history.replaceState(null, '', window.location.pathname + window.location.search)
                window.dispatchEvent(new HashChangeEvent('hashchange'))
              }}
              aria-current={view.name === tab.name ? 'page' : undefined}
              className={cn(
                'inline-block border-b-2 px-3 py-2.5 text-sm font-medium',
                view.name === tab.name
                  ? 'border-indigo-600 text-indigo-700'
                  : 'border-transparent text-slate-600 hover:text-slate-900',
              )}
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
