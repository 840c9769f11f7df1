import { DecodedTokenView } from '@/components/jwt/decoded-token-view'
import { CodeBlock } from '@/components/ui/code-block'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import type { Lab } from '@/features/flow/lab'

const HIDDEN = [
  'It checked state, exchanged the code, checked the ID token claims and called userinfo in one call: you only see the end result.',
  'It decodes the ID token but does not verify its signature (the guided flow does, with jose).',
  'It merges ID token and userinfo claims into one profile: you cannot tell which claim came from where.',
  'A failed step becomes one exception message; the HTTP status and WWW-Authenticate header stay in the exchange log below.',
]

export function LibraryBody({ lab }: { lab: Lab }) {
  const { library: outcome, now } = lab
  if (!outcome)
    return <p className="text-sm text-slate-500">oidc-client-ts is processing the callback…</p>
  const { response, error, log } = outcome
  return (
    <div className="space-y-4">
      {error && (
        <div
          role="alert"
          data-diagnosis="library_error"
          className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm"
        >
          <p className="font-semibold">
            processSigninResponse threw {error.name}: {error.message}
          </p>
          {error.error && (
            <p className="mt-1 font-mono text-xs">
              error={error.error}{' '}
              {error.error_description && `error_description=${error.error_description}`}
            </p>
          )}
          <p className="mt-1 text-slate-700">This is all an app using the library gets to see.</p>
        </div>
      )}
      {response && (
        <>
          <p className="text-sm">
            The library returned a user with scope{' '}
            <code className="font-mono text-xs">{response.scope}</code>.
          </p>
          <div className="grid gap-4 xl:grid-cols-2">
            <DecodedTokenView title="Library profile" claims={response.profile} now={now} />
            {response.id_token && (
              <DecodedTokenView
                title="Library ID token"
                token={decodeJwt(response.id_token)}
                now={now}
              />
            )}
          </div>
        </>
      )}
      <div>
        <p className="mb-1 text-xs font-medium text-slate-600">What the library hides</p>
        <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-700">
          {HIDDEN.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <details>
        <summary className="cursor-pointer text-xs font-medium text-slate-600">
          The library&apos;s own log ({log.length} lines)
        </summary>
        <CodeBlock className="mt-1 max-h-72 overflow-y-auto">
          {log.map((l) => `[${l.level}] ${l.text}`).join('\n')}
        </CodeBlock>
      </details>
    </div>
  )
}
