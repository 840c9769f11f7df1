import { useId, useState } from 'react'
import { loadHistorySettings, saveHistorySettings } from '@/lib/runs/history-settings'
import { KEEP_RAW_TOKENS_LABEL } from '@/lib/runs/withheld'

function storage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    // storage blocked: the choice holds for this page only
    return undefined
  }
}

/**
 * `Keep raw tokens in history`: off by default, remembered in this browser. The run store reads
 * the setting at each save, so the choice applies to the runs saved from now on.
 */
export function KeepRawTokensToggle() {
  const id = useId()
  const [keep, setKeep] = useState(() => loadHistorySettings(storage()).keepRawTokens)
  return (
    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-xs text-slate-700">
      <span className="flex items-center gap-1.5">
        <input
          id={id}
          type="checkbox"
          checked={keep}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setKeep(e.target.checked)
            saveHistorySettings(storage(), { keepRawTokens: e.target.checked })
          }}
        />
        <label htmlFor={id} className="font-medium">
          {KEEP_RAW_TOKENS_LABEL}
        </label>
      </span>
      <span id={`${id}-hint`} data-raw-tokens-setting={keep ? 'kept' : 'withheld'}>
        {keep
          ? 'On: runs saved from now on keep their ID, access and refresh tokens as issued, signatures included (in this browser only). Turning it off affects the runs saved from then on; runs already saved keep theirs until deleted.'
          : 'Off: runs keep only the decoded header and claims of their tokens, with no signatures and no refresh tokens. Turning it on affects the runs saved from now on.'}
      </span>
    </div>
  )
}
