import { GRANT_LABEL, GRANT_TYPE, grantProblem } from '@/lib/lab-config/grants'
import { GRANTS } from '@/lib/lab-config/lab-config'
import type { Lab } from '@/features/flow/lab'

const HINT = {
  authorization_code: 'a user signs in through the browser',
  client_credentials: 'a backend, no user',
  device_code: 'a TV or CLI, the user signs in elsewhere',
} as const

/** Which grant this setup runs; a grant the client or provider cannot use is said before sending. */
export function GrantPicker({ lab }: { lab: Lab }) {
  const { config, document } = lab.context
  const problem = grantProblem(config, document)
  return (
    <div className="space-y-2">
      <fieldset className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <legend className="mb-1 text-xs font-medium text-slate-700">Grant</legend>
        {GRANTS.map((grant) => (
          <label key={grant} className="flex items-center gap-2">
            <input
              type="radio"
              name="grant"
              value={grant}
              checked={config.grant === grant}
              onChange={() => lab.updateConfig({ grant })}
              className="accent-indigo-600"
            />
            <span>
              {GRANT_LABEL[grant]}{' '}
              <span className="text-xs text-slate-500">
                ({HINT[grant]}; <code>{GRANT_TYPE[grant]}</code>)
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {problem && (
        <p
          role="alert"
          data-diagnosis="grant_not_allowed"
          className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm"
        >
          {problem}
        </p>
      )}
    </div>
  )
}
