import { cn } from '@/lib/cn'
import { setDisplaySettings, THEME_CHOICES, type ThemeChoice } from '@/lib/display/display-settings'
import { useDisplaySettings } from '@/lib/display/use-display-settings'

/** Theme and presenter mode, in the header of every page; kept in this browser. */
export function DisplayControls() {
  const { theme, presenter } = useDisplaySettings()
  return (
    <div className="flex items-center gap-2">
      <label className="flex items-center gap-1.5 text-xs text-slate-600">
        Theme
        <select
          value={theme}
          onChange={(e) => setDisplaySettings({ theme: e.target.value as ThemeChoice })}
          className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs text-slate-800"
        >
          {THEME_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-pressed={presenter}
        onClick={() => setDisplaySettings({ presenter: !presenter })}
        title="Large text, explanations and finished steps folded: for a projector"
        className={cn(
          'rounded-md border px-2 py-1 text-xs font-medium',
          presenter
            ? 'border-indigo-600 bg-indigo-600 text-white'
            : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
        )}
      >
        Presenter mode
      </button>
    </div>
  )
}
