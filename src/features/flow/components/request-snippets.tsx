import { useState } from 'react'
import { CodeBlock } from '@/components/ui/code-block'
import { CopyButton } from '@/components/ui/copy-button'
import { cn } from '@/lib/cn'
import { toCurl } from '@/lib/oidc/curl'
import { toJavaScriptFetch, toPythonRequests } from '@/lib/oidc/snippets'
import type { HttpRequestSpec } from '@/lib/wire/http-types'

const LANGUAGES = [
  { id: 'curl', label: 'cURL', render: toCurl },
  { id: 'python', label: 'Python requests', render: toPythonRequests },
  { id: 'fetch', label: 'JavaScript fetch', render: toJavaScriptFetch },
] as const

/** The exact request as code, in the languages people reach for; secrets stay masked. */
export function RequestSnippets({ spec }: { spec: HttpRequestSpec }) {
  const [language, setLanguage] = useState<(typeof LANGUAGES)[number]['id']>('curl')
  const chosen = LANGUAGES.find((l) => l.id === language) ?? LANGUAGES[0]
  const code = chosen.render(spec, { revealSecrets: false })
  return (
    <div className="space-y-2" data-snippets>
      <div role="group" aria-label="Request as code" className="flex flex-wrap gap-1">
        {LANGUAGES.map((l) => (
          <button
            key={l.id}
            type="button"
            aria-pressed={l.id === language}
            onClick={() => setLanguage(l.id)}
            className={cn(
              'rounded-md px-2 py-1 text-xs font-medium ring-1 ring-slate-300',
              l.id === language ? 'bg-slate-900 text-white' : 'bg-white text-slate-700',
            )}
          >
            {l.label}
          </button>
        ))}
        <CopyButton text={code} label={`Copy ${chosen.label}`} />
      </div>
      <CodeBlock label={`${chosen.label} snippet`}>{code}</CodeBlock>
    </div>
  )
}
