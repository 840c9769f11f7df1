import { useState } from 'react'
import { loadHistorySettings, saveHistorySettings } from '@/lib/runs/history-settings'

/** Opt-in, remembered in this browser: raw tokens are kept with each run saved from now on. */
export function KeepRawTokensToggle() {
  const [keep, setKeep] = useState(() => loadHistorySettings(window.localStorage).keepRawTokens)
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-700">
      <input
        type="checkbox"
        checked={keep}
        onChange={(e) => {
          setKeep(e.target.checked)
          saveHistorySettings(window.localStorage, { keepRawTokens: e.target.checked })
        }}
      />
      Keep raw tokens in history
      <span className="text-slate-500">
        {keep
          ? '(ID, access and refresh tokens are saved as issued)'
          : '(only decoded headers and claims are saved)'}
      </span>
    </label>
  )
}
