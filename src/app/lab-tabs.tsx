import { cn } from '@/lib/cn'
import { parseMatrixSets } from '@/lib/lab-config/setup-link'
import { appPath } from '@/lib/app-base'

/** Views of `/`, kept in the fragment so they never reach a server (and `#token=` stays local). */
export type LabView = (
  | { name: 'flow' }
  | { name: 'inspect'; token?: string }
  | { name: 'history'; compare?: [string, string] }
  | { name: 'matrix'; sets?: string[][]; problem?: string }
  | { name: 'lessons' }
) & {
  /** Set when the fragment was not understood: what was ignored, and which view is shown instead. */
  notice?: string
}

const VIEW_NAMES = ['inspect', 'history', 'matrix', 'lessons'] as const
const KNOWN_FRAGMENTS =
  '#inspect, #history, #matrix, #lessons, #compare=<run>,<run> or #token=<JWT>'

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
  if (fragment === 'lessons') return { name: 'lessons' }
  if (fragment.startsWith('matrix?')) return matrixView(fragment.slice(7))
  if (fragment === 'history') return { name: 'history' }
  if (fragment.startsWith('compare=')) {
    const [a, b, ...more] = fragment.slice(8).split(',')
    if (a && b && more.length === 0) return { name: 'history', compare: [a, b] }
    return {
      name: 'history',
      notice: `The address asks to compare “${shorten(safeDecode(fragment.slice(8)))}”, but #compare= takes exactly two run ids separated by a comma (as “Compare” puts them there). Showing the history instead: pick two runs to compare.`,
    }
  }
  if (fragment === '' || fragment === 'flow') return { name: 'flow' }
  return { name: 'flow', notice: unknownFragmentNotice(safeDecode(fragment)) }
}

/** `#matrix?sets=…` (a shared matrix); any other parameter is named as ignored, never silently. */
function matrixView(query: string): LabView {
  const ignored = [...new URLSearchParams(query).keys()].filter((key) => key !== 'sets')
  const view: LabView = { name: 'matrix', ...parseMatrixSets(query) }
  if (ignored.length === 0) return view
  return {
    ...view,
    notice: `The address gives the matrix “${shorten(safeDecode(query))}”, but #matrix takes only sets=… (scope sets separated by |, e.g. #matrix?sets=openid|openid%20email): ${ignored.join(', ')} ignored.`,
  }
}

const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text)

function unknownFragmentNotice(fragment: string): string {
  const near = VIEW_NAMES.find(
    (name) => fragment.toLowerCase().startsWith(name) && fragment.length > name.length,
  )
  const hint = near
    ? ` It starts like #${near}, but views take no parameters after their name: open #${near}.`
    : ''
  return `The address ends in “#${shorten(fragment)}”, which is not a view of the lab, so the guided flow is shown.${hint} Known views: ${KNOWN_FRAGMENTS}.`
}

/** The notice for a fragment the lab did not understand, with a link to the view it resembles. */
export function FragmentNotice({ notice }: { notice: string | undefined }) {
  if (!notice) return null
  return (
    <div className="mx-auto max-w-6xl px-4 pt-4">
      <p
        role="alert"
        data-diagnosis="unknown_fragment"
        className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      >
        {notice}
      </p>
    </div>
  )
}

const TABS = [
  { name: 'flow', label: 'Guided flow', hash: '' },
  { name: 'inspect', label: 'Inspect a token', hash: '#inspect' },
  { name: 'history', label: 'History & compare', hash: '#history' },
  { name: 'matrix', label: 'Scope → claims matrix', hash: '#matrix' },
  { name: 'lessons', label: 'Lessons', hash: '#lessons' },
] as const

export function LabTabs({ view }: { view: LabView }) {
  return (
    <nav aria-label="Lab views" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-4">
        {TABS.map((tab) => (
          <li key={tab.name}>
            <a
              href={appPath(tab.hash)}
              onClick={(e) => {
                e.preventDefault()
                window.location.hash = tab.hash
                if (!tab.hash)
                  history.replaceState(null, '', window.location.pathname + window.location.search)
                window.dispatchEvent(new HashChangeEvent('hashchange'))
              }}
              aria-current={view.name === tab.name ? 'page' : undefined}
              className={cn(
                'inline-block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap',
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
