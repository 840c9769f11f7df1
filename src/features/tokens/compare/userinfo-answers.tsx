import { AlignedJson } from '@/components/jwt/aligned-json'
import { CodeBlock } from '@/components/ui/code-block'
import type { LabRun } from '@/lib/runs/types'

/** What the run's last userinfo call got back: status, `WWW-Authenticate` and body. */
export function userinfoAnswer(run: LabRun) {
  const exchange = run.exchanges.filter((x) => x.stepId === 'userinfo').at(-1)
  const response = exchange?.response
  return {
    status: response?.status ?? run.userinfo?.status,
    wwwAuthenticate: response?.headers['www-authenticate'],
    body: response?.body,
    error: exchange?.networkError,
  }
}

const noClaims = (run: LabRun) => `no claims (${run.userinfo?.status ?? 'not called'})`

function Answer({ run }: { run: LabRun }) {
  const answer = userinfoAnswer(run)
  return (
    <div className="min-w-0 space-y-1 text-xs" data-userinfo-answer={answer.status ?? 'none'}>
      <p className="font-medium break-all">{run.label}</p>
      <p>
        Status:{' '}
        <strong>
          {answer.status ?? (answer.error ? `no response (${answer.error})` : 'not called')}
        </strong>
      </p>
      {answer.wwwAuthenticate && (
        <p className="break-all">
          WWW-Authenticate: <code className="font-mono">{answer.wwwAuthenticate}</code>
        </p>
      )}
      {answer.body && <CodeBlock label={`Userinfo body: ${run.label}`}>{answer.body}</CodeBlock>}
    </div>
  )
}

/** The two runs' userinfo answers: the refusal's details beside the aligned claims. */
export function UserinfoAnswers({ runs }: { runs: readonly LabRun[] }) {
  const [left, right] = runs
  return (
    <div className="space-y-2" aria-label="Userinfo answers" role="group">
      <h5 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        Userinfo response
      </h5>
      <div className="grid gap-3 md:grid-cols-2">
        {runs.map((run) => (
          <Answer key={run.id} run={run} />
        ))}
      </div>
      {left && right && (
        <AlignedJson
          title="Userinfo response in full"
          leftLabel={left.label}
          rightLabel={right.label}
          {...(left.userinfo?.claims
            ? { left: left.userinfo.claims }
            : { leftNote: noClaims(left) })}
          {...(right.userinfo?.claims
            ? { right: right.userinfo.claims }
            : { rightNote: noClaims(right) })}
        />
      )}
    </div>
  )
}
